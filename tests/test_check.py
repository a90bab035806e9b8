"""`scenariokit check` catches each kind of author mistake and names the notebook and the cell."""
from __future__ import annotations

import shutil

import nbformat
import pytest

from conftest import make_course
from scenariokit.cli import main

NB = "solutions/demo/demo.ipynb"


def spec_index(nb):
    return next(i for i, c in enumerate(nb.cells) if "BEGIN HIDDEN TESTS" in c.source)


def edit_spec(course, old, new, count=1):
    """Change the scenario cell's YAML as an author would, in the notebook."""
    path = course / NB
    nb = nbformat.read(path, as_version=4)
    i = spec_index(nb)
    assert old in nb.cells[i].source, old
    nb.cells[i].source = nb.cells[i].source.replace(old, new, count)
    nbformat.write(nb, path)
    return i + 1  # the cell number an author sees


def check(course, capsys):
    code = main(["--root", str(course), "check"])
    return code, capsys.readouterr().out


def test_a_correct_course_has_no_problems(course, capsys):
    code, out = check(course, capsys)
    assert code == 0 and "No problems found." in out


@pytest.mark.parametrize("old, new, message", [
    ("feedback: Waiting loses the chance to protect the child.", "",
     "option 'wait': has no feedback"),
    ("      - {id: phone, text: She has a phone, feedback: Having a phone says nothing on its own.}\n",
     "      - {id: phone, text: She has a phone}\n", "option 'phone': has no feedback"),
    ("    points: 3\n    options:\n      - {id: no_documents", "    points: 3\n    key: [no_documents, passport]\n"
     "    options:\n      - {id: no_documents", "the key names option 'passport', which does not exist"),
    ("answer: purpose", "answer: exploitation", "the key names target 'exploitation', which does not exist"),
    ("points: 16", "points: 15", "points say 15, but the questions add up to 16"),
    ("    points: 4\n    start: arrival", "    points: 5\n    start: arrival",
     "the best path earns 4 credit, the question is worth 5"),
    ("      - {points: 1, criterion: Asks for a guardian}", "      - {points: 2, criterion: Asks for a guardian}",
     "the rubric's points add up to 3, the question is worth 2"),
    ("{id: debt,", "{id: no_documents,", "duplicate option id 'no_documents'"),
    ("  - id: phases", "  - id: indicators", "duplicate question id 'indicators'"),
    ("id: wait", "id: Wait-And-See", "should be snake_case"),
    ("next: talk, consequence: She stops talking.", "next: later, consequence: She stops talking.",
     "next step 'later' does not exist"),
    ("type: order", "type: ranking", "type 'ranking' is not one of"),
    ("        correct: true\n        feedback: The child can speak", "        feedback: The child can speak",
     "needs exactly one correct option, has 0"),
    ("title: Test scenario", "title: [Test scenario", "the YAML cannot be read (line"),
])
def test_each_authoring_mistake_is_named_with_notebook_and_cell(course, capsys, old, new, message):
    cell = edit_spec(course, old, new)
    code, out = check(course, capsys)
    assert code == 1
    line = next((ln for ln in out.splitlines() if message in ln), None)
    assert line is not None, out
    assert line.startswith(f"{NB}, cell {cell} (test_all_types)"), line


def test_a_scenario_id_used_twice_in_the_course_is_caught(course, capsys, all_types_yaml, tmp_path):
    make_course(tmp_path / "other", all_types_yaml, assignment="second")
    shutil.copytree(tmp_path / "other" / "solutions" / "second", course / "solutions" / "second")
    code, out = check(course, capsys)
    assert code == 1 and "scenario id 'test_all_types' is also used in solutions/demo/demo.ipynb" in out


def test_a_generated_cell_edited_by_hand_is_caught_and_sync_repairs_it(course, capsys):
    path = course / NB
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].source = nb.cells[2].source.replace("What comes first?", "What comes first, really?")
    nbformat.write(nb, path)
    code, out = check(course, capsys)
    assert code == 1 and "out of date or were edited by hand (first at cell 3)" in out
    assert main(["--root", str(course), "sync"]) == 0
    assert check(course, capsys)[0] == 0


def test_grade_call_naming_another_notebook_is_caught(course, capsys):
    path = course / NB
    nb = nbformat.read(path, as_version=4)
    i = spec_index(nb)
    nb.cells[i].source = nb.cells[i].source.replace('grade("demo"', 'grade("other"')
    nbformat.write(nb, path)
    code, out = check(course, capsys)
    assert f"{NB}, cell {i + 1} (test_all_types): grade() names notebook 'other'" in out


def test_a_malformed_notebook_gets_a_clear_message(course, capsys):
    (course / NB).write_text('{"cells": [')
    code, out = check(course, capsys)
    assert code == 1 and f"{NB}: not a valid notebook file" in out and "git checkout" in out


def test_a_stored_output_is_caught(course, capsys):
    path = course / NB
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="hi")]
    nbformat.write(nb, path)
    code, out = check(course, capsys)
    assert "stored with outputs" in out


def test_sync_refuses_to_rebuild_a_broken_scenario_and_keeps_its_cells(course, capsys):
    before = len(nbformat.read(course / NB, as_version=4).cells)
    edit_spec(course, "points: 16", "points: 15")
    assert main(["--root", str(course), "sync"]) == 1
    assert "points say 15" in capsys.readouterr().err
    assert len(nbformat.read(course / NB, as_version=4).cells) == before


def test_release_refuses_stray_answers_files_in_solutions(course, capsys):
    (course / "solutions" / "demo" / "demo.answers.json").write_text("{}")
    assert main(["--root", str(course), "release"]) == 1
    out = capsys.readouterr()
    assert "solutions/demo/demo.answers.json: an answers file in solutions/ would be released" in out.out
    assert not (course / "exercises").exists()


MODULE = "modules/identification.ipynb"


@pytest.fixture
def module_course(course):
    from conftest import REPO
    (course / "modules").mkdir()
    shutil.copy(REPO / MODULE, course / MODULE)
    return course


def edit_module(course, fn):
    path = course / MODULE
    nb = nbformat.read(path, as_version=4)
    fn(nb)
    nbformat.write(nb, path)


def heading_cell(nb, heading):
    return next(c for c in nb.cells if c.source.startswith(f"## {heading}"))


def test_the_real_module_passes(module_course, capsys):
    assert check(module_course, capsys)[0] == 0


def test_a_module_without_a_required_section_is_caught(module_course, capsys):
    edit_module(module_course, lambda nb: nb.cells.remove(heading_cell(nb, "Key take-aways")))
    code, out = check(module_course, capsys)
    assert f"{MODULE}: the module has no '## Key take-aways' section" in out


def test_a_session_plan_that_does_not_add_up_is_caught(module_course, capsys):
    def change(nb):
        cell = heading_cell(nb, "Session plan")
        cell.source = cell.source.replace("| 45 |", "| 40 |", 1)
    edit_module(module_course, change)
    code, out = check(module_course, capsys)
    assert "the session plan's minutes add up to 195, the module's duration is 200" in out


def test_facilitator_notes_without_the_trainer_only_tag_are_caught(module_course, capsys):
    edit_module(module_course, lambda nb: heading_cell(nb, "Facilitator notes").metadata.update(tags=[]))
    code, out = check(module_course, capsys)
    assert "'## Facilitator notes' is for trainers; tag the cell trainer-only" in out


def test_a_broken_practice_activity_is_caught(module_course, capsys):
    def change(nb):
        cell = next(c for c in nb.cells if "practice(" in c.source)
        cell.source = cell.source.replace("correct: true", "correct: yes please", 1)
    edit_module(module_course, change)
    code, out = check(module_course, capsys)
    assert "practice activity:" in out and "'correct' should be true or false" in out
