"""The grading cycle a trainer runs, through real nbgrader commands.

Each function runs one nbgrader command in the course folder and raises
CourseError with nbgrader's own message when it fails.
"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from . import notebooks as nbs
from .settings import Settings


class CourseError(Exception):
    pass


def nbgrader(settings: Settings, *args: str, env: dict | None = None) -> str:
    cmd = [sys.executable, "-m", "nbgrader", *args]
    # nbgrader runs helpers such as `alembic` by name: they live beside this Python.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    proc = subprocess.run(cmd, cwd=settings.root, capture_output=True, text=True,
                          env={**os.environ, "PATH": path, **(env or {})})
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise CourseError(f"`nbgrader {' '.join(args)}` failed:\n{tail}")
    return proc.stdout + proc.stderr


def stray_answers(settings: Settings) -> list[Path]:
    """Answers files in solutions/ would be released and would overwrite trainees' answers at grading."""
    return sorted(settings.path("solutions").glob("**/*.answers.json"))


def generate(settings: Settings, assignment: str) -> Path:
    """Regenerate exercises/<assignment> from solutions/<assignment>."""
    stray = stray_answers(settings)
    if stray:
        raise CourseError("Answers files in solutions/ would be released to trainees and would replace their "
                          "answers at grading; delete them first:\n" + "\n".join(f"  {p}" for p in stray))
    nbgrader(settings, "generate_assignment", assignment, "--force")
    out = settings.path("exercises") / assignment
    for path in sorted(out.glob("*.ipynb")):
        nb = nbs.read(path)
        nbs.clean(nb)
        nbs.write(nb, path)
    return out


def release_to_exchange(settings: Settings, assignment: str) -> None:
    nbgrader(settings, "release_assignment", assignment, "--force")


def collect(settings: Settings, assignment: str) -> None:
    nbgrader(settings, "collect", assignment, "--update")


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def repair_submissions(settings: Settings, assignment: str) -> list[str]:
    """Put back what a trainee deleted or broke, so grading never loses the answers file's answers.

    - A deleted locked cell (a question or a grading cell) is put back from the release.
    - A notebook that cannot be read is kept as `NAME.ipynb.unreadable` and replaced by the
      release; the answers file still grades, written answers in it are lost and reported.
    Returns one message per repair, naming trainee and notebook.
    """
    messages = []
    release = settings.path("exercises") / assignment
    for sub in sorted((settings.root / "submitted").glob(f"*/{assignment}")):
        student = sub.parent.name
        for released in sorted(release.glob("*.ipynb")):
            target = sub / released.name
            ref = nbs.read(released)
            try:
                nb = nbs.read(target)
            except nbs.NotebookError as exc:
                if target.exists():
                    target.replace(target.with_name(target.name + ".unreadable"))
                nbs.write(ref, target)
                messages.append(f"{student}/{released.name}: {exc}. The release was put in its place (the "
                                f"original is kept as {released.name}.unreadable); answers saved by the widgets "
                                "still count, written answers in the notebook could not be recovered.")
                continue
            present = {_grade_id(c) for c in nb.cells}
            missing = [c for c in ref.cells if _grade_id(c) and _grade_id(c) not in present]
            if not missing:
                continue
            for cell in missing:
                i = ref.cells.index(cell)
                before = [_grade_id(c) for c in ref.cells[:i]]
                pos = 0
                for j, c in enumerate(nb.cells):
                    if _grade_id(c) in before:
                        pos = j + 1
                nb.cells.insert(pos, cell)
            nbs.write(nb, target)
            messages.append(f"{student}/{released.name}: {len(missing)} deleted cell(s) put back "
                            f"({', '.join(_grade_id(c) for c in missing)}).")
    return messages


def autograde(settings: Settings, assignment: str, student: str | None = None) -> str:
    args = ["autograde", assignment, "--force"]
    if student:
        args.append(f"--student={student}")
    return nbgrader(settings, *args)


def export(settings: Settings, to: Path) -> list[dict]:
    nbgrader(settings, "export", f"--to={to}")
    with open(to, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def feedback(settings: Settings, assignment: str) -> Path:
    nbgrader(settings, "generate_feedback", assignment, "--force")
    return settings.root / "feedback"


def add_students(settings: Settings, students: list[str]) -> None:
    for s in students:
        nbgrader(settings, "db", "student", "add", s)
