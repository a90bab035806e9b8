"""Benchmark: how long stock `nbgrader autograde` takes for a cohort on the kit's real exercise,
and how long each book edition takes to build. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/grade_cohort.py [--trainees 10]
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from scenariokit import notebooks as nbs
from scenariokit.answers import save
from scenariokit.book import build
from scenariokit.cli import main
from scenariokit.model import key_answer
from scenariokit.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def random_answer(q, rng):
    key = key_answer(q)
    if rng.random() < 0.5:
        return key
    if q.type == "single":
        return rng.choice(q.options).id
    if q.type in ("multiple",):
        return [o.id for o in q.options if rng.random() < 0.5]
    if q.type == "order":
        order = list(key)
        rng.shuffle(order)
        return order
    if q.type == "match":
        return {o.id: rng.choice(q.targets).id for o in q.options}
    return key[:1]


def main_(trainees: int) -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        root.mkdir()
        shutil.copytree(REPO / "solutions", root / "solutions")
        shutil.copy(REPO / "nbgrader_config.py", root)
        t = time.perf_counter()
        assert main(["--root", str(root), "release"]) == 0
        print(f"release (generate_assignment): {time.perf_counter() - t:.1f} s")
        s = Settings(root=root)
        for assignment in s.assignments():
            for n in range(trainees):
                folder = root / "submitted" / f"trainee{n:03d}" / assignment
                shutil.copytree(root / "exercises" / assignment, folder)
                for path in s.solution_notebooks():
                    if path.parent.name == assignment:
                        answers = {sc.id: {q.id: random_answer(q, rng) for q in sc.questions if q.autograded}
                                   for sc, _ in nbs.scenarios_in(path)}
                        save(folder / f"{path.stem}.answers.json", path.stem, answers)
            t = time.perf_counter()
            assert main(["--root", str(root), "autograde", assignment]) == 0
            took = time.perf_counter() - t
            print(f"autograde {assignment}, {trainees} trainees: {took:.1f} s ({took / trainees:.2f} s a trainee)")
        s_book = Settings(root=REPO, build_dir=str(Path(tmp) / "build"))
        for edition in ("trainee", "trainer"):
            t = time.perf_counter()
            build(s_book, edition)
            print(f"book, {edition} edition: {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=10)
    main_(parser.parse_args().trainees)
