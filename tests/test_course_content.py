"""The kit's own course: stored clean, in sync, executable, and graded right by real nbgrader."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from scenariokit import notebooks as nbs
from scenariokit.check import check_course
from scenariokit.cli import main
from scenariokit.model import key_answer
from scenariokit.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SETTINGS = Settings(root=REPO)
ALL_NOTEBOOKS = SETTINGS.module_notebooks() + SETTINGS.solution_notebooks() + sorted(
    (REPO / "exercises").glob("*/*.ipynb"))


def test_the_course_has_no_authoring_problems():
    assert check_course(SETTINGS) == []


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_notebooks_are_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    assert not any(c.cell_type == "code" and (c.outputs or c.execution_count) for c in nb.cells)


@pytest.mark.parametrize("path", SETTINGS.solution_notebooks(), ids=lambda p: p.name)
def test_solutions_are_in_sync_with_their_scenario_cells(path):
    nb = nbs.read(path)
    result = nbs.synced(nb, path)
    assert result.problems == []
    assert nbformat.writes(result.notebook) == nbformat.writes(nb), "run `scenariokit sync`"


@pytest.fixture(scope="module")
def released_copy(tmp_path_factory):
    """The course copied to a temporary folder and released there by real nbgrader."""
    root = tmp_path_factory.mktemp("course")
    for name in ("solutions", "nbgrader_config.py"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    assert main(["--root", str(root), "release"]) == 0
    return root


@pytest.mark.slow
def test_exercises_are_exactly_what_nbgrader_releases_from_solutions(released_copy):
    fresh = released_copy / "exercises"
    committed = REPO / "exercises"
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert filecmp.cmp(fresh / name, committed / name, shallow=False), f"{name}: run `scenariokit release`"


@pytest.mark.slow
@pytest.mark.parametrize("path", SETTINGS.module_notebooks() + SETTINGS.solution_notebooks(),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_notebook_executes_in_a_real_kernel(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    shutil.copy(path, tmp_path / path.name)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
    assert errors == []


@pytest.mark.slow
def test_every_scenario_scores_full_marks_with_its_key_and_zero_blank(released_copy):
    """Through real `nbgrader autograde`: key answers give every point, a blank submission none."""
    s = Settings(root=released_copy)
    expected_full = 0.0
    for assignment in s.assignments():
        for trainee in ("key", "blank"):
            shutil.copytree(released_copy / "exercises" / assignment,
                            released_copy / "submitted" / trainee / assignment)
        for path in s.solution_notebooks():
            if path.parent.name != assignment:
                continue
            answers = {}
            for sc, _ in nbs.scenarios_in(path):
                answers[sc.id] = {q.id: key_answer(q) for q in sc.questions if q.autograded}
                expected_full += sc.autograded_points
            from scenariokit.answers import save
            save(released_copy / "submitted" / "key" / assignment / f"{path.stem}.answers.json", path.stem, answers)
        assert main(["--root", str(released_copy), "autograde", assignment]) == 0
    assert main(["--root", str(released_copy), "export", "--to", str(released_copy / "g.csv")]) == 0
    import csv
    totals = {}
    for row in csv.DictReader(open(released_copy / "g.csv")):
        totals[row["student_id"]] = totals.get(row["student_id"], 0) + float(row["score"])
    assert totals == {"key": pytest.approx(expected_full), "blank": 0}
    assert expected_full > 0
