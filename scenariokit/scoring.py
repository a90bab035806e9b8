"""Scoring: one function per question type, and one for a whole scenario.

The hidden tests, the practice activities and every later view (debrief,
evaluation report, fast grader) call these functions, so a score never differs
between two views of the same answer. Malformed answers score zero for the
affected question and say why; they never raise.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .model import Question, Scenario

UNANSWERED = "unanswered"
ANSWERED = "answered"
INVALID = "invalid"


@dataclass
class Result:
    """The score of one question, with the feedback that explains it."""
    question: str
    score: float
    points: float
    status: str
    feedback: list[str] = field(default_factory=list)
    harms: list[str] = field(default_factory=list)


@dataclass
class ScenarioResult:
    scenario: str
    results: list[Result]

    @property
    def score(self) -> float:
        return round(sum(r.score for r in self.results), 2)

    @property
    def points(self) -> float:
        return sum(r.points for r in self.results)


def _bad(q: Question, why: str) -> Result:
    return Result(q.id, 0.0, q.points, INVALID,
                  [f"Your answer could not be read ({why}), so it scored zero. "
                   "Tell your trainer: they can look at your answers file."])


def _ids(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _cap(q: Question, score: float, harms: list[str]) -> float:
    return min(score, q.harm_cap * q.points) if harms else score


def _harm_lines(harms: list[str]) -> list[str]:
    return [f"This choice could do harm: {h}" for h in harms]


def score_single(q: Question, answer: Any) -> Result:
    if not isinstance(answer, str):
        return _bad(q, f"expected one option, got {type(answer).__name__}")
    opt = q.option(answer)
    if opt is None:
        return _bad(q, f"'{answer}' is not one of this question's options")
    harms = [opt.harmful] if opt.harmful else []
    score = _cap(q, q.points if opt.correct else 0.0, harms)
    fb = [f"You chose: {opt.text}. {opt.feedback}"] + _harm_lines(harms)
    if not opt.correct:
        right = next(o for o in q.options if o.correct)
        fb.append(f"The better choice: {right.text}. {right.feedback}")
    return Result(q.id, score, q.points, ANSWERED, fb, harms)


def score_multiple(q: Question, answer: Any) -> Result:
    ids = _ids(answer)
    if ids is None:
        return _bad(q, f"expected a list of options, got {type(answer).__name__}")
    fb: list[str] = []
    unknown = [i for i in ids if q.option(i) is None]
    if unknown:
        fb.append(f"Ignored, not options of this question: {', '.join(unknown)}.")
    chosen = [q.option(i) for i in dict.fromkeys(ids) if q.option(i) is not None]
    right = sum(o.correct for o in chosen)
    wrong = len(chosen) - right
    ncorrect = sum(o.correct for o in q.options)
    harms = [o.harmful for o in chosen if o.harmful]
    score = _cap(q, q.points * max(0, right - wrong) / ncorrect, harms)
    for o in chosen:
        fb.append(f"{'Right' if o.correct else 'Not right'}: {o.text}. {o.feedback}")
    for o in q.options:
        if o.correct and o not in chosen:
            fb.append(f"Missed: {o.text}. {o.feedback}")
    fb += _harm_lines(harms)
    if not chosen:
        return Result(q.id, 0.0, q.points, UNANSWERED, ["No option was chosen."] + fb)
    return Result(q.id, score, q.points, ANSWERED, fb, harms)


def score_order(q: Question, answer: Any) -> Result:
    ids = _ids(answer)
    key = [o.id for o in q.options]
    if ids is None:
        return _bad(q, f"expected a list of options in order, got {type(answer).__name__}")
    if sorted(ids) != sorted(key):
        return _bad(q, "the order does not list each option exactly once")
    pos = {oid: i for i, oid in enumerate(ids)}
    pairs = list(combinations(key, 2))
    good = sum(pos[a] < pos[b] for a, b in pairs)
    score = q.points * good / len(pairs)
    fb = [f"{good} of {len(pairs)} pairs are in the right order."]
    if good < len(pairs):
        fb.append("The order that works, and why:")
        fb += [f"{i}. {o.text}. {o.feedback}" for i, o in enumerate(q.options, 1)]
    return Result(q.id, score, q.points, ANSWERED, fb)


def score_match(q: Question, answer: Any) -> Result:
    if not isinstance(answer, dict) or not all(isinstance(k, str) for k in answer):
        return _bad(q, f"expected item-to-category pairs, got {type(answer).__name__}")
    targets = {t.id: t for t in q.targets}
    fb: list[str] = []
    good = 0
    given = 0
    for item in q.options:
        choice = answer.get(item.id)
        if choice is None:
            fb.append(f"Not matched: {item.text}. It belongs under {targets[item.answer].text}. {item.feedback}")
            continue
        if not isinstance(choice, str) or choice not in targets:
            fb.append(f"Ignored an unknown category for: {item.text}.")
            continue
        given += 1
        if choice == item.answer:
            good += 1
            fb.append(f"Right: {item.text} belongs under {targets[choice].text}. {item.feedback}")
        else:
            fb.append(f"Not right: {item.text} belongs under {targets[item.answer].text}, "
                      f"not {targets[choice].text}. {item.feedback}")
    if given == 0:
        return Result(q.id, 0.0, q.points, UNANSWERED, ["Nothing was matched."] + fb)
    return Result(q.id, q.points * good / len(q.options), q.points, ANSWERED, fb)


def score_branch(q: Question, answer: Any) -> Result:
    ids = _ids(answer)
    if ids is None:
        return _bad(q, f"expected the list of decisions taken, got {type(answer).__name__}")
    if not ids:
        return Result(q.id, 0.0, q.points, UNANSWERED, ["No decision was taken."])
    step = q.step(q.start)
    credit, harms, fb = 0.0, [], []
    for n, oid in enumerate(ids, 1):
        if step is None:
            return _bad(q, f"decision {n} comes after the story had ended")
        opt = next((o for o in step.options if o.id == oid), None)
        if opt is None:
            return _bad(q, f"decision {n}, '{oid}', is not an option at that point of the story")
        credit += opt.credit
        fb.append(f"Step {n}: you chose: {opt.text}. {opt.feedback}")
        if opt.harmful:
            harms.append(opt.harmful)
        step = q.step(opt.next) if opt.next else None
    if step is not None:
        fb.append("The story was not finished, so only the decisions taken count.")
    fb += _harm_lines(harms)
    return Result(q.id, _cap(q, min(credit, q.points), harms), q.points, ANSWERED, fb, harms)


SCORERS = {"single": score_single, "multiple": score_multiple, "order": score_order,
           "match": score_match, "branch": score_branch}


def score_question(q: Question, answer: Any) -> Result:
    """Score one autograded question; None means not answered."""
    if answer is None:
        return Result(q.id, 0.0, q.points, UNANSWERED, ["Not answered."])
    result = SCORERS[q.type](q, answer)
    result.score = round(result.score, 2)
    return result


def score_scenario(sc: Scenario, answers: Any) -> ScenarioResult:
    """Score every autograded question of a scenario from {question_id: answer}."""
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        results = [_bad(q, "this scenario's answers are not a set of question answers")
                   for q in sc.questions if q.autograded]
        return ScenarioResult(sc.id, results)
    return ScenarioResult(sc.id, [score_question(q, answers.get(q.id)) for q in sc.questions if q.autograded])
