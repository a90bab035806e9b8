"""The interview-question coach: visible rules, and its agreement with labelled examples reported."""
from __future__ import annotations

import pytest

from scenariokit.questions import TYPES, agreement, agreement_markdown, classify, labelled_examples


@pytest.mark.parametrize("question, expected, words", [
    ("Tell me everything that happened.", "invitation", "Tell me"),
    ("You said the van came every morning. Tell me more about the van.", "cued_invitation", "You said"),
    ("Where was the flat?", "directive", "Where"),
    ("Did he take your passport?", "option_posing", "Did"),
    ("Was it in the car or in the flat?", "option_posing", "car or in the flat"),
    ("He touched you in the car, didn't he?", "suggestive", "didn't he"),
])
def test_each_type_is_recognised_with_the_words_that_decided(question, expected, words):
    guess = classify(question)
    assert guess.type == expected
    assert words in guess.words


def test_something_that_is_no_question_is_unclear():
    assert classify("The weather is nice.").type == "unclear"


def test_the_labelled_set_covers_every_type_at_least_ten_times():
    examples = labelled_examples()
    assert len(examples) >= 60
    for t in TYPES:
        assert sum(e["type"] == t for e in examples) >= 10


def test_agreement_with_the_labels_is_computed_and_reported():
    examples = labelled_examples()
    share, table = agreement(examples)
    assert sum(sum(row.values()) for row in table.values()) == len(examples)
    assert sum(table[t].get(t, 0) for t in TYPES) == round(share * len(examples))
    print(f"coach agreement with {len(examples)} labelled questions: {share:.0%}")
    assert share >= 0.85, "the coach disagrees with too many labels: look at the confusion table"
    assert f"{share:.0%}" in agreement_markdown(examples)


def test_agreement_counts_a_wrong_guess_as_a_disagreement():
    share, table = agreement([{"question": "Where was the flat?", "type": "invitation"}])
    assert share == 0 and table["invitation"] == {"directive": 1}
