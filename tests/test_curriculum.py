"""The curriculum's scale and quality bars (issue: the full train-the-trainer curriculum)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from scenariokit import notebooks as nbs
from scenariokit.paths import read_modules
from scenariokit.settings import Settings

REPO = Path(__file__).resolve().parents[1]
S = Settings(root=REPO)
MODULES = read_modules(S)
PROFESSIONS = ["police", "prosecutor", "judge", "social_worker", "border_guard", "guardian", "ngo", "health",
               "teacher"]


def scenarios_of(module_id):
    return [sc for p in S.solution_notebooks() if p.parent.name == module_id for sc, _ in nbs.scenarios_in(p)]


def trainee_words(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    text = " ".join(c.source for c in nb.cells
                    if c.cell_type == "markdown" and "trainer-only" not in c.metadata.get("tags", []))
    return len(re.findall(r"\w[\w'’-]*", text))


def test_there_are_ten_modules_numbered_one_to_ten():
    assert sorted(m.number for m in MODULES.values()) == list(range(1, 11))


@pytest.mark.parametrize("mid", sorted(MODULES))
def test_each_module_has_2000_to_6000_trainee_words(mid):
    words = trainee_words(S.path("modules") / f"{mid}.ipynb")
    assert 2000 <= words <= 6000, f"{mid}: {words} words"


@pytest.mark.parametrize("mid", sorted(MODULES))
def test_each_module_has_two_scenarios_and_eight_graded_items(mid):
    scenarios = scenarios_of(mid)
    assert len(scenarios) >= 2
    assert sum(len(sc.questions) for sc in scenarios) >= 8
    assert (REPO / "exercises" / mid).is_dir()


def test_at_least_25_scenarios_in_all():
    assert sum(len(scenarios_of(m)) for m in MODULES) >= 25


def test_every_profession_has_a_part_in_at_least_two_scenarios():
    counts = Counter(a for m in MODULES for sc in scenarios_of(m) for a in set(sc.audiences))
    missing = {p: counts[p] for p in PROFESSIONS if counts[p] < 2}
    assert missing == {}


def test_every_scenario_uses_known_professions():
    known = set(PROFESSIONS) | {"labour_inspector", "humanitarian", "trainer"}
    for m in MODULES:
        for sc in scenarios_of(m):
            assert set(sc.audiences) <= known, sc.id
            assert len(sc.audiences) >= 3, sc.id


def test_every_scenario_has_a_harmful_option_or_a_written_answer():
    for m in MODULES:
        harmful = [sc.id for sc in scenarios_of(m) if any(o.harmful for q in sc.questions for o in q.all_options())]
        assert harmful, f"{m}: no scenario shows a harmful choice"


def test_no_stigmatising_terms_in_teaching_text():
    """Such terms may appear only in quotation marks, as examples of language to avoid."""
    banned = re.compile(r"child prostitutes?|child porn\b|boy prostitutes?|juvenile prostitut", re.I)
    for path in S.module_notebooks() + S.solution_notebooks():
        text = " ".join(c.source for c in nbformat.read(path, as_version=4).cells)
        for m in banned.finditer(text):
            assert text[m.start() - 1] in "\"'“‘", f"{path.name}: '{m.group(0)}' outside quotation marks"
