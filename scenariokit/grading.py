"""What a hidden test cell calls during `nbgrader autograde`.

It prints feedback to standard output (nbgrader gives zero to any cell that
writes to standard error) and returns the score as the cell's value, which
nbgrader reads as partial credit.
"""
from __future__ import annotations

import textwrap
import warnings

from . import answers as answers_mod
from .model import ScenarioError, load_scenario
from .scoring import INVALID, UNANSWERED, ScenarioResult, score_scenario


def _fmt(x: float) -> str:
    return f"{x:g}"


def report(title: str, result: ScenarioResult, manual_points: float = 0, note: str = "") -> str:
    """Plain-text feedback for one scenario, as a trainee reads it."""
    lines = [f"{title}: {_fmt(result.score)} of {_fmt(result.points)} points"]
    if note:
        lines.append(note)
    for n, r in enumerate(result.results, 1):
        mark = {UNANSWERED: " (not answered)", INVALID: " (could not be read)"}.get(r.status, "")
        lines.append("")
        lines.append(f"Question {n} ({r.question}): {_fmt(r.score)} of {_fmt(r.points)}{mark}")
        for f in r.feedback:
            lines.append(textwrap.fill(f, 100, initial_indent="  - ", subsequent_indent="    "))
    if manual_points:
        lines.append("")
        lines.append(f"Your written answers ({_fmt(manual_points)} points) are graded by your trainer.")
    return "\n".join(lines)


def grade(notebook: str, spec: str, folder: str | None = None) -> float:
    """Score the answers saved for `notebook` against one scenario; print why."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            sc = load_scenario(spec)
        except ScenarioError as exc:
            print("This scenario's key has a mistake, so it was not graded. "
                  "Tell the course author (run `scenariokit check`):")
            for p in exc.problems:
                print("  - " + p)
            return 0.0
        broken = False
        try:
            saved = answers_mod.load(answers_mod.answers_path(notebook, folder))
            note = "" if saved else (f"No answers were found ({notebook}.answers.json is missing or empty): "
                                     "were the cells run and the options chosen before submitting?")
        except answers_mod.AnswersFileError as exc:
            saved, broken = {}, True
            note = f"{exc} Every question of this notebook scored zero."
        result = score_scenario(sc, saved.get(sc.id))
        if broken:
            for r in result.results:
                r.status = INVALID
        print(report(sc.title, result, sc.manual_points, note))
        return result.score
