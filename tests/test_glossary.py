"""Glossary: terms linked once per page, outside code and links; unknown terms are caught."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from scenariokit.cli import main
from scenariokit.glossary import link_terms

REPO = Path(__file__).resolve().parents[1]
E = [{"term": "guardian"}, {"term": "reasonable grounds"}, {"term": "national referral mechanism"}]


def test_the_first_mention_on_a_page_is_linked_and_no_other():
    done: set[str] = set()
    first = link_terms("A guardian is appointed. The guardian visits.", E, done)
    assert first == "A {term}`guardian <guardian>` is appointed. The guardian visits."
    assert link_terms("Ask the guardian.", E, done) == "Ask the guardian."   # same page, already linked


def test_headings_code_links_and_fences_are_left_alone():
    text = "## The guardian\n`guardian` and [guardian](x.md)\n```\nguardian\n```\nthen reasonable grounds."
    out = link_terms(text, E, set())
    assert out.splitlines()[:5] == text.splitlines()[:5]
    assert out.endswith("then {term}`reasonable grounds <reasonable grounds>`.")


def test_matching_keeps_the_writers_case_and_links_several_terms_on_a_line():
    out = link_terms("Refer through the National Referral Mechanism; a guardian follows.", E, set())
    assert "{term}`National Referral Mechanism <national referral mechanism>`" in out
    assert "{term}`guardian <guardian>`" in out


def test_an_unknown_term_is_caught_with_notebook_and_cell(tmp_path, capsys):
    for name in ("modules", "book", "solutions"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    path = tmp_path / "modules" / "identification.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[5].source += "\n\nSee {term}`safe harbour`."
    nbformat.write(nb, path)
    assert main(["--root", str(tmp_path), "check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("modules/identification.ipynb, cell 6")
    assert "unknown glossary term 'safe harbour'" in out
