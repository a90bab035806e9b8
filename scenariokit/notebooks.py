"""Scenario cells in notebooks: finding them, and generating what trainees see.

An author writes one scenario cell in a `solutions/` notebook: a YAML block in
the hidden-test region of a code cell. `sync` puts the generated cells (the
case, one widget per question, prompt and answer cells for written answers)
right before it, and gives every cell its nbgrader metadata. Generated cells
carry `metadata.scenariokit.role`, so sync can replace them and check can tell
when one was edited by hand.
"""
from __future__ import annotations

import hashlib
import json
import pprint
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .model import Scenario, ScenarioError, load_scenario, public_question

SPEC_RE = re.compile(
    r'grade\(\s*"(?P<notebook>[^"\n]+)"\s*,\s*r?"""(?P<yaml>.*?)"""\s*\)', re.S)
GENERATED = ("case", "question", "prompt", "answer")
BANNER = ("> **Fictional composite case.** No real person is described; any likeness is chance. "
          "The case contains no graphic detail.")


class NotebookError(Exception):
    """A notebook that cannot be read; the message names it and says what to do."""


def read(path: Path) -> nbformat.NotebookNode:
    try:
        nb = nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"{path}: no such notebook") from None
    except (json.JSONDecodeError, nbformat.reader.NotJSONError) as exc:
        raise NotebookError(f"{path}: not a valid notebook file ({exc}); "
                            "restore it from git (`git checkout -- FILE`) or from a checkpoint") from None
    except Exception as exc:  # nbformat raises several kinds for malformed structure
        raise NotebookError(f"{path}: the notebook cannot be read ({exc.__class__.__name__}: {exc})") from None
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    text = nbformat.writes(nb) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def role(cell) -> str:
    return cell.get("metadata", {}).get("scenariokit", {}).get("role", "")


@dataclass
class SpecCell:
    index: int            # position in the notebook, 0-based
    notebook_name: str    # the name passed to grade(...)
    yaml: str


def find_spec(cell) -> SpecCell | None:
    if cell.cell_type != "code" or "BEGIN HIDDEN TESTS" not in cell.source:
        return None
    m = SPEC_RE.search(cell.source)
    if not m:
        return None
    return SpecCell(-1, m.group("notebook"), m.group("yaml"))


def spec_cells(nb) -> list[SpecCell]:
    out = []
    for i, cell in enumerate(nb.cells):
        s = find_spec(cell)
        if s:
            s.index = i
            out.append(s)
    return out


def cell_label(path: Path, nb, index: int) -> str:
    cell = nb.cells[index]
    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or cell.get("id", "")
    return f"{path}, cell {index + 1}" + (f" ({gid})" if gid else "")


def _cell_id(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9_-]", "-", text)
    if len(text) > 64:
        text = text[:55] + "-" + hashlib.sha1(text.encode()).hexdigest()[:8]
    return text


def _meta(sid: str, role_: str, grade_id: str, *, grade=False, solution=False, locked=True,
          points: float | None = None, question: str | None = None, hide=False, tags=()) -> dict:
    nbg = {"grade": grade, "solution": solution, "locked": locked, "grade_id": grade_id, "schema_version": 3}
    if points is not None:
        nbg["points"] = points
    sk = {"scenario": sid, "role": role_}
    if question:
        sk["question"] = question
    meta: dict = {"nbgrader": nbg, "scenariokit": sk}
    if hide:
        meta["jupyter"] = {"source_hidden": True}
    if tags:
        meta["tags"] = list(tags)
    return meta


def _points(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def generated_cells(sc: Scenario, notebook_name: str) -> list:
    """The cells trainees see for one scenario, in order."""
    cells = []
    case = f"## Scenario: {sc.title}\n\n{BANNER}\n\n{sc.case.strip()}\n"
    c = nbformat.v4.new_markdown_cell(case, metadata=_meta(sc.id, "case", f"{sc.id}-case"))
    c.id = _cell_id(f"{sc.id}-case")
    cells.append(c)
    for n, q in enumerate(sc.questions, 1):
        gid = f"{sc.id}-{q.id}"
        if q.type == "text":
            prompt = f"**Question {n}** ({_points(q.points)} points, written answer)\n\n{q.prompt.strip()}\n"
            c = nbformat.v4.new_markdown_cell(prompt, metadata=_meta(sc.id, "prompt", f"{gid}-prompt", question=q.id))
            c.id = _cell_id(f"{gid}-prompt")
            cells.append(c)
            model = q.model_answer.strip() or "(no model answer given)"
            rubric = "\n".join(f"- {_points(r.points)} point(s): {r.criterion}" for r in q.rubric)
            body = f"**Model answer:** {model}\n\n**Rubric:**\n\n{rubric}\n"
            c = nbformat.v4.new_markdown_cell(body, metadata=_meta(
                sc.id, "answer", gid, grade=True, solution=True, locked=False, points=_points(q.points),
                question=q.id))
            c.id = _cell_id(gid)
            cells.append(c)
            continue
        pq = public_question(q)
        pq["prompt"] = f"**Question {n}** ({_points(q.points)} points)\n\n{q.prompt.strip()}"
        src = ("from scenariokit import ask\n"
               f"ask({json.dumps(notebook_name)}, {json.dumps(sc.id)}, "
               f"{pprint.pformat(pq, width=100, sort_dicts=False)})")
        c = nbformat.v4.new_code_cell(src, metadata=_meta(sc.id, "question", gid, question=q.id, hide=True,
                                                          tags=("remove-input",)))
        c.id = _cell_id(gid)
        cells.append(c)
    return cells


def _hidden_grade_call(notebook_name: str, yaml_text: str) -> str:
    return ("### BEGIN HIDDEN TESTS\n"
            "from scenariokit import grade\n"
            f"grade({json.dumps(notebook_name)}, r\"\"\"{yaml_text}\"\"\")\n"
            "### END HIDDEN TESTS")


def spec_source(sc: Scenario, notebook_name: str, yaml_text: str) -> str:
    return (f"# Scenario \"{sc.title}\": your answers are graded after you submit.\n"
            + _hidden_grade_call(notebook_name, yaml_text))


def spec_cell(sc: Scenario, notebook_name: str, yaml_text: str):
    c = nbformat.v4.new_code_cell(spec_source(sc, notebook_name, yaml_text), metadata=_meta(
        sc.id, "spec", sc.id, grade=True, locked=True, points=_points(sc.autograded_points),
        hide=True, tags=("remove-cell",)))
    c.id = _cell_id(f"{sc.id}-grade")
    return c


@dataclass
class SyncResult:
    notebook: nbformat.NotebookNode
    problems: list[str]          # "label: message"
    scenarios: list[Scenario]


def synced(nb, path: Path) -> SyncResult:
    """Return the notebook with every scenario's generated cells rebuilt from its spec cell.

    A scenario whose spec has problems keeps its existing cells; the problems are reported.
    """
    problems: list[str] = []
    scenarios: list[Scenario] = []
    specs = {s.index: s for s in spec_cells(nb)}
    generated_for: dict[str, list] = {}
    for cell in nb.cells:
        if role(cell) in GENERATED:
            generated_for.setdefault(cell.metadata["scenariokit"]["scenario"], []).append(cell)

    out = []
    seen_ids: dict[str, str] = {}
    for i, cell in enumerate(nb.cells):
        if role(cell) in GENERATED:
            continue
        spec = specs.get(i)
        if spec is None:
            out.append(cell)
            continue
        label = cell_label(path, nb, i)
        try:
            sc = load_scenario(spec.yaml)
        except ScenarioError as exc:
            problems += [f"{label}: {p}" for p in exc.problems]
            sid = cell.get("metadata", {}).get("scenariokit", {}).get("scenario")
            out += generated_for.get(sid, [])
            out.append(cell)
            continue
        if spec.notebook_name != path.stem:
            problems.append(f"{label}: grade() names notebook '{spec.notebook_name}', but the notebook is "
                            f"'{path.stem}'; answers would be looked for in the wrong file")
        if sc.id in seen_ids:
            problems.append(f"{label}: duplicate scenario id '{sc.id}' (also in {seen_ids[sc.id]})")
        seen_ids[sc.id] = label
        scenarios.append(sc)
        out += generated_cells(sc, path.stem)
        out.append(spec_cell(sc, path.stem, spec.yaml))
    new = nbformat.from_dict(json.loads(json.dumps(nb)))
    new.cells = out
    return SyncResult(new, problems, scenarios)


def read_each(paths: list[Path]):
    """Yield (path, notebook, None), or (path, None, message) for a notebook that cannot be read,
    so that one broken notebook never stops a run over the others."""
    for path in paths:
        try:
            yield path, read(path), None
        except NotebookError as exc:
            yield path, None, str(exc)


def clean(nb) -> bool:
    """Strip outputs and execution counts; True if anything changed."""
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                changed = True
            cell.outputs = []
            cell.execution_count = None
    return changed


def scenarios_in(path: Path) -> list[tuple[Scenario, int]]:
    """Every valid scenario of a notebook with its spec cell's index."""
    nb = read(path)
    out = []
    for s in spec_cells(nb):
        try:
            out.append((load_scenario(s.yaml), s.index))
        except ScenarioError:
            pass
    return out


def new_spec_cell(notebook_name: str, yaml_text: str):
    """A scenario cell as an author would write it, ready for `sync`."""
    return nbformat.v4.new_code_cell(_hidden_grade_call(notebook_name, "\n" + yaml_text.strip("\n") + "\n"))


def new_exercise(path: Path, title: str, intro: str, yaml_texts: list[str]):
    """A solutions notebook with a header, instructions and one scenario cell per YAML text."""
    header = nbformat.v4.new_markdown_cell(f"# {title}\n\n{intro.strip()}\n\n{HOW_TO_ANSWER}", metadata={
        "nbgrader": {"grade": False, "solution": False, "locked": True, "grade_id": "header",
                     "schema_version": 3}})
    header.id = "header"
    nb = nbformat.v4.new_notebook(cells=[header] + [new_spec_cell(path.stem, y) for y in yaml_texts])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    result = synced(nb, path)
    if result.problems:
        raise ScenarioError(result.problems)
    return result.notebook


HOW_TO_ANSWER = """**How to answer.** Choose *Run → Run All Cells* once. Then answer by clicking: every \
choice is saved at once in a file beside this notebook, and is there again when you reopen it. \
Written answers go in the cells that say *Write your answer here.* (double-click to edit). \
When you are done, save the notebook (Ctrl+S) and submit it from *Nbgrader → Assignment List*. \
You do not need to type any code."""
