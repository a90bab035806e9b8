"""Scoring gives exact scores and feedback that explains why, for every question type."""
from __future__ import annotations

import pytest

from scenariokit.model import key_answer
from scenariokit.scoring import ANSWERED, INVALID, UNANSWERED, score_question, score_scenario


def q(scenario, qid):
    return scenario.question(qid)


def test_full_answers_score_full_marks(scenario):
    key = {x.id: key_answer(x) for x in scenario.questions if x.autograded}
    result = score_scenario(scenario, key)
    assert result.score == result.points == 14
    assert all(r.status == ANSWERED for r in result.results)


def test_empty_answers_score_zero_and_say_not_answered(scenario):
    result = score_scenario(scenario, {})
    assert result.score == 0
    assert {r.status for r in result.results} == {UNANSWERED}


@pytest.mark.parametrize("answer, expected", [
    ("separate_safely", 2), ("wait", 0), ("confront_adult", 0)])
def test_single_choice(scenario, answer, expected):
    assert score_question(q(scenario, "first_step"), answer).score == expected


def test_single_choice_feedback_names_the_harm_and_the_better_choice(scenario):
    r = score_question(q(scenario, "first_step"), "confront_adult")
    text = " ".join(r.feedback)
    assert "could do harm: it can put the child in danger" in text
    assert "The better choice: Speak with the child apart from the adult" in text
    assert r.harms == ["it can put the child in danger and warn the exploiter"]


@pytest.mark.parametrize("answer, expected", [
    (["no_documents", "debt", "rehearsed"], 3),        # all three
    (["no_documents", "debt"], 2),                     # two of three
    (["no_documents", "debt", "phone"], 1),            # two right, one wrong
    (["phone"], 0),                                    # never below zero
    (["no_documents", "debt", "rehearsed", "hand_over"], 0),  # harmful caps at zero
    (["debt", "debt", "debt"], 1),                     # repeats count once
])
def test_multiple_choice_partial_credit(scenario, answer, expected):
    assert score_question(q(scenario, "indicators"), answer).score == pytest.approx(expected)


def test_multiple_choice_feedback_lists_missed_options(scenario):
    r = score_question(q(scenario, "indicators"), ["debt"])
    assert any(f.startswith("Missed: The adult holds her papers") for f in r.feedback)


def test_multiple_choice_ignores_unknown_options_and_says_so(scenario):
    r = score_question(q(scenario, "indicators"), ["no_documents", "made_up"])
    assert r.score == pytest.approx(1)
    assert "Ignored, not options of this question: made_up." in r.feedback


@pytest.mark.parametrize("answer, expected", [
    (["introduction", "rapport", "free_recall", "closure"], 3),
    (["rapport", "introduction", "free_recall", "closure"], 2.5),     # 5 of 6 pairs
    (["closure", "free_recall", "rapport", "introduction"], 0),       # reversed
])
def test_order_scores_pairs_in_the_right_order(scenario, answer, expected):
    assert score_question(q(scenario, "phases"), answer).score == pytest.approx(expected)


def test_order_with_missing_or_repeated_items_is_invalid(scenario):
    r = score_question(q(scenario, "phases"), ["introduction", "introduction", "rapport", "closure"])
    assert r.status == INVALID and r.score == 0


@pytest.mark.parametrize("answer, expected", [
    ({"transported": "act", "work_abroad": "purpose"}, 2),
    ({"transported": "act", "work_abroad": "act"}, 1),
    ({"transported": "act"}, 1),
    ({"transported": "nonsense"}, 0),
])
def test_match_scores_share_of_items_matched(scenario, answer, expected):
    assert score_question(q(scenario, "elements"), answer).score == pytest.approx(expected)


@pytest.mark.parametrize("path, expected", [
    (["explain_role", "open_prompt"], 4),
    (["ask_direct", "open_prompt"], 2),
    (["explain_role"], 2),                         # unfinished: credit so far
    (["explain_role", "repeat_interview"], 0),     # harmful on the path caps the item
])
def test_branch_scores_the_path_taken(scenario, path, expected):
    assert score_question(q(scenario, "interview_path"), path).score == pytest.approx(expected)


def test_branch_rejects_a_decision_that_is_not_on_the_path(scenario):
    r = score_question(q(scenario, "interview_path"), ["open_prompt"])
    assert r.status == INVALID and "not an option at that point" in r.feedback[0]


@pytest.mark.parametrize("qid, bad", [
    ("first_step", ["separate_safely"]), ("first_step", 3), ("indicators", "debt"),
    ("indicators", [1, 2]), ("phases", {"a": 1}), ("elements", ["act"]), ("interview_path", "explain_role"),
    ("first_step", "not_an_option"),
])
def test_malformed_answers_score_zero_with_a_reason(scenario, qid, bad):
    r = score_question(q(scenario, qid), bad)
    assert r.score == 0 and r.status == INVALID
    assert "could not be read" in r.feedback[0]


def test_a_scenario_answer_that_is_not_a_mapping_scores_zero(scenario):
    result = score_scenario(scenario, ["nonsense"])
    assert result.score == 0 and all(r.status == INVALID for r in result.results)


def test_harm_cap_can_leave_some_credit(all_types_yaml):
    from scenariokit.model import load_scenario
    sc = load_scenario(all_types_yaml.replace("    points: 3\n    options:\n      - {id: no_documents",
                                              "    points: 3\n    harm_cap: 0.5\n    options:\n      - {id: no_documents"))
    r = score_question(sc.question("indicators"), ["no_documents", "debt", "rehearsed", "hand_over"])
    assert r.score == pytest.approx(1.5)
