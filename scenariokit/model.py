"""The scenario model: one parsed, validated form of what an author writes.

Every view of an answer (widgets, hidden tests, answer keys, later the debrief
and the evaluation report) works from these classes, so they cannot disagree.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

QUESTION_TYPES = ("single", "multiple", "order", "match", "text", "branch")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class ScenarioError(ValueError):
    """A scenario that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Option:
    id: str
    text: str
    feedback: str = ""
    correct: bool = False
    harmful: str = ""          # what the harm is; empty when the option does no harm
    credit: float = 0.0        # branch options only
    next: str | None = None    # branch options only
    consequence: str = ""      # branch options only: shown at once, as the story goes on
    answer: str | None = None  # match items only: the target's id


@dataclass
class Step:
    id: str
    situation: str
    options: list[Option]


@dataclass
class RubricLine:
    points: float
    criterion: str


@dataclass
class Question:
    id: str
    type: str
    prompt: str
    points: float
    options: list[Option] = field(default_factory=list)   # single, multiple, order, match items
    targets: list[Option] = field(default_factory=list)   # match
    steps: list[Step] = field(default_factory=list)       # branch
    start: str = ""                                       # branch
    rubric: list[RubricLine] = field(default_factory=list)  # text
    model_answer: str = ""                                # text
    harm_cap: float = 0.0

    @property
    def autograded(self) -> bool:
        return self.type != "text"

    def option(self, option_id: str) -> Option | None:
        for o in self.all_options():
            if o.id == option_id:
                return o
        return None

    def all_options(self) -> list[Option]:
        if self.type == "branch":
            return [o for s in self.steps for o in s.options]
        return list(self.options)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def best_path_credit(self) -> float:
        """Highest sum of credit along any path from the start step (steps must not loop)."""
        return _rest(self, self.start)


@dataclass
class Scenario:
    id: str
    title: str
    case: str
    points: float
    questions: list[Question]
    audiences: list[str] = field(default_factory=list)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def autograded_points(self) -> float:
        return sum(q.points for q in self.questions if q.autograded)

    @property
    def manual_points(self) -> float:
        return sum(q.points for q in self.questions if not q.autograded)


# --------------------------------------------------------------------------- parsing

def _num(value: Any, where: str, problems: list[str], default: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(f"{where}: expected a number, got {value!r}")
        return default
    return float(value)


def _text(d: dict, key: str, where: str, problems: list[str], required: bool = True) -> str:
    value = d.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems.append(f"{where}: '{key}' should be text, got {type(value).__name__}")
        return ""
    if required and not value.strip():
        problems.append(f"{where}: '{key}' is missing")
    return value


def _check_id(value: Any, where: str, problems: list[str]) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        problems.append(f"{where}: id {value!r} should be snake_case (a-z, 0-9, _), starting with a letter")
        return str(value)
    return value


def _options(raw: Any, where: str, problems: list[str], *, kind: str, qtype: str) -> list[Option]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: needs a list of {kind}")
        return []
    out: list[Option] = []
    seen: set[str] = set()
    one = kind.rstrip("s")   # option, item, target
    for i, o in enumerate(raw, 1):
        if not isinstance(o, dict):
            problems.append(f"{where}: {one} {i} should be a mapping with id and text")
            continue
        oid = _check_id(o.get("id"), f"{where}, {one} {i}", problems)
        ow = f"{where}, {one} '{oid}'"
        if oid in seen:
            problems.append(f"{where}: duplicate {one} id '{oid}'")
        seen.add(oid)
        opt = Option(id=oid, text=_text(o, "text", ow, problems))
        if kind != "targets":
            opt.feedback = _text(o, "feedback", ow, problems, required=False)
            if not opt.feedback.strip():
                problems.append(f"{ow}: has no feedback (say why it is right or wrong)")
            harmful = o.get("harmful", "")
            if harmful not in ("", None, False):
                if not isinstance(harmful, str) or not harmful.strip():
                    problems.append(f"{ow}: 'harmful' should say what the harm is")
                else:
                    opt.harmful = harmful
            correct = o.get("correct", False)
            if not isinstance(correct, bool):
                problems.append(f"{ow}: 'correct' should be true or false")
            opt.correct = bool(correct)
            if opt.correct and opt.harmful:
                problems.append(f"{ow}: an option cannot be both correct and harmful")
        if qtype == "branch":
            opt.credit = _num(o.get("credit", 0), f"{ow} credit", problems)
            nxt = o.get("next")
            opt.next = None if nxt in (None, "") else str(nxt)
            opt.consequence = _text(o, "consequence", ow, problems, required=False)
        if qtype == "match" and kind == "items":
            ans = o.get("answer")
            opt.answer = None if ans is None else str(ans)
            if opt.answer is None:
                problems.append(f"{ow}: has no 'answer' (the target it belongs to)")
        out.append(opt)
    return out


def parse_question(raw: Any, where: str, problems: list[str]) -> Question | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: a question should be a mapping")
        return None
    qid = _check_id(raw.get("id"), where, problems)
    where = f"question '{qid}'"
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        problems.append(f"{where}: type {qtype!r} is not one of {', '.join(QUESTION_TYPES)}")
        return None
    q = Question(id=qid, type=qtype, prompt=_text(raw, "prompt", where, problems),
                 points=_num(raw.get("points"), f"{where} points", problems))
    if q.points < 0:
        problems.append(f"{where}: points cannot be negative")
    q.harm_cap = _num(raw.get("harm_cap", 0), f"{where} harm_cap", problems)
    if not 0 <= q.harm_cap <= 1:
        problems.append(f"{where}: harm_cap is a share of the points, from 0 to 1")

    if qtype in ("single", "multiple", "order"):
        q.options = _options(raw.get("options"), where, problems, kind="options", qtype=qtype)
        ncorrect = sum(o.correct for o in q.options)
        if qtype == "single" and q.options and ncorrect != 1:
            problems.append(f"{where}: a single-choice question needs exactly one correct option, has {ncorrect}")
        if qtype == "multiple" and q.options and ncorrect == 0:
            problems.append(f"{where}: the key names no correct option")
        if qtype == "order" and len(q.options) < 2:
            problems.append(f"{where}: an order question needs at least two options")
        if qtype == "order" and any(o.correct for o in q.options):
            problems.append(f"{where}: order questions take their key from the order of the options; remove 'correct'")
        if "key" in raw:
            _check_key(raw["key"], q, where, problems)
    elif qtype == "match":
        q.targets = _options(raw.get("targets"), where, problems, kind="targets", qtype=qtype)
        q.options = _options(raw.get("items"), where, problems, kind="items", qtype=qtype)
        target_ids = {t.id for t in q.targets}
        for item in q.options:
            if item.answer is not None and item.answer not in target_ids:
                problems.append(f"{where}, item '{item.id}': the key names target '{item.answer}', which does not exist")
    elif qtype == "text":
        rubric = raw.get("rubric")
        if not isinstance(rubric, list) or not rubric:
            problems.append(f"{where}: a written question needs a rubric for the trainer")
        else:
            for i, line in enumerate(rubric, 1):
                if not isinstance(line, dict):
                    problems.append(f"{where}: rubric line {i} should have points and criterion")
                    continue
                q.rubric.append(RubricLine(_num(line.get("points"), f"{where} rubric line {i}", problems),
                                           _text(line, "criterion", f"{where} rubric line {i}", problems)))
            total = sum(r.points for r in q.rubric)
            if q.rubric and abs(total - q.points) > 1e-9:
                problems.append(f"{where}: the rubric's points add up to {total:g}, the question is worth {q.points:g}")
        q.model_answer = _text(raw, "model_answer", where, problems, required=False)
    elif qtype == "branch":
        steps = raw.get("steps")
        if not isinstance(steps, list) or not steps:
            problems.append(f"{where}: a branch question needs a list of steps")
            steps = []
        seen_steps: set[str] = set()
        seen_opts: set[str] = set()
        for i, s in enumerate(steps, 1):
            if not isinstance(s, dict):
                problems.append(f"{where}: step {i} should be a mapping")
                continue
            sid = _check_id(s.get("id"), f"{where}, step {i}", problems)
            if sid in seen_steps:
                problems.append(f"{where}: duplicate step id '{sid}'")
            seen_steps.add(sid)
            sw = f"{where}, step '{sid}'"
            step = Step(sid, _text(s, "situation", sw, problems),
                        _options(s.get("options"), sw, problems, kind="options", qtype="branch"))
            for o in step.options:
                if o.id in seen_opts:
                    problems.append(f"{where}: option id '{o.id}' is used in two steps; option ids must be unique in the question")
                seen_opts.add(o.id)
            q.steps.append(step)
        q.start = str(raw.get("start") or (q.steps[0].id if q.steps else ""))
        if q.steps and q.step(q.start) is None:
            problems.append(f"{where}: start step '{q.start}' does not exist")
        for s in q.steps:
            for o in s.options:
                if o.next is not None and q.step(o.next) is None:
                    problems.append(f"{where}, option '{o.id}': next step '{o.next}' does not exist")
        if _has_cycle(q):
            problems.append(f"{where}: the steps loop back on themselves; a branch must end")
        elif q.steps and q.step(q.start) is not None:
            best = q.best_path_credit()
            if abs(best - q.points) > 1e-9:
                problems.append(f"{where}: the best path earns {best:g} credit, the question is worth {q.points:g}")
    return q


def _check_key(key: Any, q: Question, where: str, problems: list[str]) -> None:
    """An explicit `key:` list is accepted as an alternative to `correct: true`."""
    ids = key if isinstance(key, list) else [key]
    known = {o.id for o in q.options}
    for k in ids:
        if k not in known:
            problems.append(f"{where}: the key names option '{k}', which does not exist")
        else:
            q.option(k).correct = True


def _has_cycle(q: Question) -> bool:
    state: dict[str, int] = {}

    def visit(sid: str) -> bool:
        if state.get(sid) == 1:
            return True
        if state.get(sid) == 2 or q.step(sid) is None:
            return False
        state[sid] = 1
        if any(o.next and visit(o.next) for o in q.step(sid).options):
            return True
        state[sid] = 2
        return False
    return any(visit(s.id) for s in q.steps)


def parse_scenario(raw: Any) -> tuple[Scenario | None, list[str]]:
    """Parse a scenario mapping; returns the scenario (if usable) and every problem found."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return None, ["the scenario should be a mapping with id, title, case and questions"]
    sid = _check_id(raw.get("id"), "scenario", problems)
    sc = Scenario(id=sid, title=_text(raw, "title", "scenario", problems),
                  case=_text(raw, "case", "scenario", problems),
                  points=_num(raw.get("points"), "scenario points", problems),
                  questions=[])
    aud = raw.get("audiences", [])
    if not isinstance(aud, list) or not all(isinstance(a, str) for a in aud):
        problems.append("scenario: 'audiences' should be a list of professions")
    else:
        sc.audiences = aud
    qs = raw.get("questions")
    if not isinstance(qs, list) or not qs:
        problems.append("scenario: needs a list of questions")
        qs = []
    seen: set[str] = set()
    for i, rq in enumerate(qs, 1):
        q = parse_question(rq, f"question {i}", problems)
        if q is None:
            continue
        if q.id in seen:
            problems.append(f"scenario: duplicate question id '{q.id}'")
        seen.add(q.id)
        sc.questions.append(q)
    total = sum(q.points for q in sc.questions)
    if sc.questions and abs(total - sc.points) > 1e-9:
        problems.append(f"scenario: points say {sc.points:g}, but the questions add up to {total:g}")
    return sc, problems


def load_scenario(text: str) -> Scenario:
    """Parse YAML text into a Scenario, raising ScenarioError with every problem."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ScenarioError([f"the YAML cannot be read{where}: {getattr(exc, 'problem', exc)}"]) from None
    sc, problems = parse_scenario(raw)
    if problems:
        raise ScenarioError(problems)
    return sc


def load_question(text: str) -> Question:
    """Parse one question (used by ungraded practice activities)."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError([f"the YAML cannot be read: {exc}"]) from None
    problems: list[str] = []
    q = parse_question(raw, "question", problems)
    if problems or q is None:
        raise ScenarioError(problems or ["the question cannot be read"])
    return q


# --------------------------------------------------------------------------- public view

def display_order(q: Question) -> list[Option]:
    """Options in the order trainees see them.

    Order questions are listed by authors in the correct order, so they are shown
    in a fixed shuffle (seeded by the question id, never the correct order).
    """
    opts = list(q.options)
    if q.type != "order":
        return opts
    keyed = sorted(opts, key=lambda o: hashlib.sha256(f"{q.id}:{o.id}".encode()).hexdigest())
    if [o.id for o in keyed] == [o.id for o in opts]:
        keyed = keyed[1:] + keyed[:1]
    return keyed


def public_question(q: Question) -> dict:
    """What a trainee's notebook may hold about a question: no key, no feedback, no credit."""
    d: dict[str, Any] = {"id": q.id, "type": q.type, "prompt": q.prompt, "points": q.points}
    if q.type in ("single", "multiple", "order"):
        d["options"] = [{"id": o.id, "text": o.text} for o in display_order(q)]
    elif q.type == "match":
        d["items"] = [{"id": o.id, "text": o.text} for o in q.options]
        d["targets"] = [{"id": t.id, "text": t.text} for t in q.targets]
    elif q.type == "branch":
        d["start"] = q.start
        d["steps"] = [{"id": s.id, "situation": s.situation,
                       "options": [{"id": o.id, "text": o.text, "next": o.next,
                                    "consequence": o.consequence} for o in s.options]}
                      for s in q.steps]
    return d


def key_answer(q: Question) -> Any:
    """The answer that earns full marks (for answer keys and tests)."""
    if q.type == "single":
        return next(o.id for o in q.options if o.correct)
    if q.type == "multiple":
        return [o.id for o in q.options if o.correct]
    if q.type == "order":
        return [o.id for o in q.options]
    if q.type == "match":
        return {o.id: o.answer for o in q.options}
    if q.type == "branch":
        path, step_id = [], q.start
        while step_id and q.step(step_id) is not None:
            step = q.step(step_id)
            best = max(step.options, key=lambda o: o.credit + _rest(q, o.next))
            path.append(best.id)
            step_id = best.next
        return path
    return None


def _rest(q: Question, step_id: str | None) -> float:
    if not step_id:
        return 0.0
    step = q.step(step_id)
    if step is None:
        return 0.0
    return max((o.credit + _rest(q, o.next) for o in step.options), default=0.0)
