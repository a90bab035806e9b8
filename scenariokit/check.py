"""`scenariokit check`: everything an author can get wrong, named by notebook and cell."""
from __future__ import annotations

import re
from pathlib import Path

from . import bibliography, glossary, profiles
from . import notebooks as nbs
from .course import stray_answers
from .model import ScenarioError, load_question
from .paths import check_paths, session_plan
from .settings import Settings

PRACTICE_RE = re.compile(r'practice\(\s*r?"""(?P<yaml>.*?)"""\s*\)', re.S)


def check_solutions_notebook(path: Path, nb) -> list[str]:
    result = nbs.synced(nb, path)
    problems = list(result.problems)
    for i, cell in enumerate(nb.cells):
        if "BEGIN HIDDEN TESTS" in cell.source and nbs.find_spec(cell) is None and nbs.role(cell) != "spec":
            if "grade(" in cell.source:
                problems.append(f"{nbs.cell_label(path, nb, i)}: a scenario cell must read "
                                'grade("NOTEBOOK", r"""<YAML>""") inside the hidden-test region')
    if not result.problems and _strip_ids(result.notebook) != _strip_ids(nb):
        changed = _first_difference(nb, result.notebook)
        problems.append(f"{path}: generated cells are out of date or were edited by hand{changed}; "
                        "run `scenariokit sync` (edit scenarios in their scenario cell only)")
    return problems


def _strip_ids(nb) -> list:
    return [(c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


def _first_difference(old, new) -> str:
    for i, (a, b) in enumerate(zip(old.cells, new.cells)):
        if (a.cell_type, a.source, dict(a.metadata)) != (b.cell_type, b.source, dict(b.metadata)):
            return f" (first at cell {i + 1})"
    if len(old.cells) != len(new.cells):
        return f" ({len(old.cells)} cells, expected {len(new.cells)})"
    return ""


def check_module(path: Path, nb, settings: Settings) -> list[str]:
    problems = []
    meta = nb.metadata.get("scenariokit", {}).get("module")
    if not isinstance(meta, dict):
        return [f"{path}: notebook metadata has no scenariokit.module (id, title, duration_minutes, level, audiences)"]
    for key in ("id", "title", "duration_minutes", "level", "audiences"):
        if key not in meta:
            problems.append(f"{path}: module metadata lacks '{key}'")
    headings = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    headings[line[3:].strip().lower()] = i
    for h in settings.module_sections:
        if h.lower() not in headings:
            problems.append(f"{path}: the module has no '## {h}' section")
    for h in settings.trainer_only_sections:
        i = headings.get(h.lower())
        if i is not None and "trainer-only" not in nb.cells[i].metadata.get("tags", []):
            problems.append(f"{nbs.cell_label(path, nb, i)}: '## {h}' is for trainers; tag the cell trainer-only")
    if "content note" not in "\n".join(c.source.lower() for c in nb.cells[:3]):
        problems.append(f"{path}: a module opens with a content note in its first cells")
    i = headings.get("session plan")
    duration = meta.get("duration_minutes")
    if i is not None and isinstance(duration, int):
        minutes = [row[0] for row in session_plan(nb.cells[i].source)]
        if sum(minutes) != duration:
            problems.append(f"{nbs.cell_label(path, nb, i)}: the session plan's minutes add up to {sum(minutes)}, "
                            f"the module's duration is {duration}")
    for i, cell in enumerate(nb.cells):
        m = PRACTICE_RE.search(cell.source) if cell.cell_type == "code" else None
        if m:
            try:
                load_question(m.group("yaml"))
            except ScenarioError as exc:
                problems += [f"{nbs.cell_label(path, nb, i)}: practice activity: {p}" for p in exc.problems]
    return problems


def check_clean(path: Path, nb) -> list[str]:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            return [f"{nbs.cell_label(path, nb, i)}: stored with outputs; notebooks are kept clean "
                    "(`scenariokit sync` cleans them)"]
    return []


def check_course(settings: Settings) -> list[str]:
    """Every problem in the course's solutions and modules."""
    problems: list[str] = []
    scenario_home: dict[str, Path] = {}
    notebook_home: dict[str, Path] = {}

    def solutions(path: Path, nb) -> list[str]:
        found = check_solutions_notebook(path, nb)
        if path.name in notebook_home:
            found.append(f"{path}: another exercise notebook has the same name ({notebook_home[path.name]}); "
                         "the book needs names unique across exercises")
        notebook_home.setdefault(path.name, path)
        for sc, _i in nbs.scenarios_in(path):
            if sc.id in scenario_home and scenario_home[sc.id] != path:
                found.append(f"{path}: scenario id '{sc.id}' is also used in {scenario_home[sc.id]}")
            scenario_home.setdefault(sc.id, path)
        return found

    def module(path: Path, nb) -> list[str]:
        return check_module(path, nb, settings)

    sources = [(str(p), p.read_text()) for p in sorted(settings.path("book").rglob("*.md"))]
    for paths, check in ((settings.solution_notebooks(), solutions), (settings.module_notebooks(), module)):
        for path, nb, error in nbs.read_each(paths):
            if error:
                problems.append(error)
                continue
            problems += check_clean(path, nb) + check(path, nb)
            sources += [(nbs.cell_label(path, nb, i), c.source) for i, c in enumerate(nb.cells)
                        if c.cell_type == "markdown" or PRACTICE_RE.search(c.source) or nbs.find_spec(c)]
    problems += glossary.entries_problems(settings)
    problems += profiles.check_profiles(settings)
    problems += bibliography.check_bibliography(settings)
    problems += glossary.check_terms(settings, sources)
    if (settings.path("book") / "paths.yml").exists():
        problems += check_paths(settings)
    for stray in stray_answers(settings):
        problems.append(f"{stray}: an answers file in solutions/ would be released to trainees and would "
                        "replace their answers at grading; delete it")
    return [p.replace(str(settings.root) + "/", "") for p in problems]
