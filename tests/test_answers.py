"""The answers file: option ids saved at once, a broken file is reported and never overwritten."""
from __future__ import annotations

import json

import pytest

from scenariokit.answers import AnswersFileError, AnswerStore, load


def test_answers_are_saved_at_once_and_read_back(tmp_path):
    store = AnswerStore("nb", tmp_path)
    store.set("sc", "q1", "opt_a")
    store.set("sc", "q2", ["x", "y"])
    data = json.loads((tmp_path / "nb.answers.json").read_text())
    assert data["answers"] == {"sc": {"q1": "opt_a", "q2": ["x", "y"]}}
    assert data["notebook"] == "nb"
    assert AnswerStore("nb", tmp_path).get("sc", "q2") == ["x", "y"]


def test_clearing_an_answer_removes_it(tmp_path):
    store = AnswerStore("nb", tmp_path)
    store.set("sc", "q1", ["a"])
    store.set("sc", "q1", None)
    assert load(tmp_path / "nb.answers.json") == {"sc": {}}


def test_two_widgets_on_one_file_do_not_overwrite_each_other(tmp_path):
    a, b = AnswerStore("nb", tmp_path), AnswerStore("nb", tmp_path)
    a.set("sc", "q1", "x")
    b.set("sc", "q2", "y")
    assert load(tmp_path / "nb.answers.json") == {"sc": {"q1": "x", "q2": "y"}}


@pytest.mark.parametrize("text, words", [
    ('{"answers": {"sc": {"q1": "x"', "not valid JSON (line 1"),
    ('["a list"]', "does not have the expected layout"),
    ('{"answers": "text"}', "does not have the expected layout"),
])
def test_a_broken_file_gives_a_clear_message(tmp_path, text, words):
    (tmp_path / "nb.answers.json").write_text(text)
    with pytest.raises(AnswersFileError, match="nb.answers.json") as exc:
        load(tmp_path / "nb.answers.json")
    assert words in str(exc.value)


def test_a_broken_file_is_kept_until_the_trainee_saves_then_moved_aside(tmp_path):
    broken = '{"answers": {"sc": {"q1": "x"'
    (tmp_path / "nb.answers.json").write_text(broken)
    store = AnswerStore("nb", tmp_path)
    assert "not valid JSON" in store.warning
    assert (tmp_path / "nb.answers.json").read_text() == broken   # opening changes nothing
    store.set("sc", "q1", "y")
    kept = list(tmp_path.glob("nb.answers.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == broken       # nothing lost
    assert load(tmp_path / "nb.answers.json") == {"sc": {"q1": "y"}}
    assert kept[0].name in store.warning


def test_no_temporary_files_are_left_behind(tmp_path):
    store = AnswerStore("nb", tmp_path)
    for i in range(5):
        store.set("sc", "q", str(i))
    assert [p.name for p in tmp_path.iterdir()] == ["nb.answers.json"]
