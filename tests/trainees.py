"""Simulated trainees: fetch an exercise from the exchange, answer it, submit it, as nbgrader's commands do."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat

COURSE_ID = "child-trafficking-tot"


def nbgrader_as_trainee(home: Path, *args: str) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    exchange = os.environ["SCENARIOKIT_EXCHANGE"]
    subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--Exchange.root={exchange}",
                    f"--CourseDirectory.course_id={COURSE_ID}"], cwd=home, check=True,
                   capture_output=True, text=True, env=env)


def fetch(home: Path, assignment: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    nbgrader_as_trainee(home, "fetch_assignment", assignment)
    return home / assignment


def answer(folder: Path, notebook: str, answers: dict | None = None, raw: str | None = None) -> None:
    """Write the answers file the widgets would write (or raw text, for broken files)."""
    path = folder / f"{notebook}.answers.json"
    if raw is not None:
        path.write_text(raw)
    elif answers is not None:
        path.write_text(json.dumps({"kit": "scenariokit", "format": 1, "notebook": notebook,
                                    "answers": answers}))


def write_text_answer(folder: Path, notebook: str, grade_id: str, text: str) -> None:
    path = folder / f"{notebook}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = text
    nbformat.write(nb, path)


def delete_cell(folder: Path, notebook: str, grade_id: str) -> None:
    path = folder / f"{notebook}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    nbformat.write(nb, path)


def submit(home: Path, assignment: str, student: str) -> None:
    nbgrader_as_trainee(home, "submit", assignment, f"--student={student}")
