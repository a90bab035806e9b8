"""Widget logic in a real ipywidgets process: each control saves option ids on every change."""
from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w
import pytest

from scenariokit import widgets
from scenariokit.model import public_question


@pytest.fixture
def saved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widgets._stores.clear()
    shown = []
    monkeypatch.setattr(widgets, "display", shown.append)

    def read():
        return json.loads((tmp_path / "nb.answers.json").read_text())["answers"]["sc"]
    read.shown = shown
    return read


def find(widget, kind):
    out = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        out += find(child, kind)
    return out


def ask(scenario, qid, shown):
    widgets.ask("nb", "sc", public_question(scenario.question(qid)))
    return shown[-1]


def test_single_choice_saves_the_option_id(scenario, saved):
    box = ask(scenario, "first_step", saved.shown)
    find(box, w.RadioButtons)[0].value = "wait"
    assert saved()["first_step"] == "wait"
    assert "Saved at" in find(box, w.HTML)[-1].value


def test_multiple_choice_saves_ticked_ids_in_display_order(scenario, saved):
    box = ask(scenario, "indicators", saved.shown)
    boxes = {b.description: b for b in find(box, w.Checkbox)}
    boxes["She has a phone"].value = True
    boxes["The adult holds her papers"].value = True
    assert saved()["indicators"] == ["no_documents", "phone"]


def test_order_is_unanswered_until_moved_then_saves_the_order(scenario, saved):
    box = ask(scenario, "phases", saved.shown)
    assert not Path("nb.answers.json").exists()          # showing the list answers nothing
    shown_order = [o["id"] for o in public_question(scenario.question("phases"))["options"]]
    up_buttons = [b for b in find(box, w.Button) if b.tooltip == "Move up"]
    up_buttons[1].click()
    expected = [shown_order[1], shown_order[0]] + shown_order[2:]
    assert saved()["phases"] == expected


def test_order_is_never_shown_in_the_correct_order(scenario):
    q = scenario.question("phases")
    assert [o["id"] for o in public_question(q)["options"]] != [o.id for o in q.options]


def test_match_saves_item_to_category(scenario, saved):
    box = ask(scenario, "elements", saved.shown)
    drops = find(box, w.Dropdown)
    assert drops[0].label == "— choose —"
    drops[1].value = "purpose"
    assert saved()["elements"] == {"work_abroad": "purpose"}


def test_branch_moves_on_and_saves_the_path_and_can_start_again(scenario, saved):
    box = ask(scenario, "interview_path", saved.shown)
    ctrl = box.children[1]
    find(ctrl, w.RadioButtons)[0].value = "ask_direct"
    next(b for b in find(ctrl, w.Button) if b.description == "Decide").click()
    assert saved()["interview_path"] == ["ask_direct"]
    assert any("She stops talking." in h.value for h in find(ctrl, w.HTML))
    assert any("She starts to talk." in h.value for h in find(ctrl, w.HTML))
    next(b for b in find(ctrl, w.Button) if b.description == "Start again").click()
    assert "interview_path" not in saved()


def test_reopening_restores_answers(scenario, saved):
    find(ask(scenario, "first_step", saved.shown), w.RadioButtons)[0].value = "wait"
    widgets._stores.clear()                                      # a new kernel
    assert find(ask(scenario, "first_step", saved.shown), w.RadioButtons)[0].value == "wait"


def test_public_questions_carry_no_key(scenario):
    text = json.dumps([public_question(q) for q in scenario.questions])
    for word in ("correct", "feedback", "harmful", "credit", "rubric", "model_answer", '"answer"'):
        assert word not in text


def test_practice_gives_feedback_from_the_same_scoring(monkeypatch, all_types_yaml):
    import yaml
    shown = []
    monkeypatch.setattr(widgets, "display", shown.append)
    question = yaml.safe_load(all_types_yaml)["questions"][1]
    widgets.practice(yaml.safe_dump(question))
    box = shown[-1]
    boxes = {b.description: b for b in find(box, w.Checkbox)}
    boxes["The adult holds her papers"].value = True
    next(b for b in find(box, w.Button) if b.description == "Check my answer").click()
    feedback = box.children[-1].value
    assert "1 of 3 points." in feedback and "Missed: She says she owes money" in feedback
