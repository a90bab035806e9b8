"""Answer-key pages for the trainer edition, written from the scenario cells."""
from __future__ import annotations

from pathlib import Path

from .model import Question, Scenario, display_order


def _p(x: float) -> str:
    return f"{x:g}"


def table_text(text) -> str:
    """Text for one Markdown table cell: on one line, with pipes escaped."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def question_key(n: int, q: Question) -> str:
    out = [f"### Question {n}: `{q.id}` ({q.type}, {_p(q.points)} points)", "", q.prompt.strip(), ""]
    if q.harm_cap and any(o.harmful for o in q.all_options()):
        out += [f"A harmful choice caps this question at {_p(q.harm_cap * q.points)} points.", ""]
    if q.type in ("single", "multiple"):
        out += ["| Option | Key | Feedback |", "| --- | --- | --- |"]
        for o in q.options:
            key = "✔ correct" if o.correct else ("⚠ harmful: " + table_text(o.harmful) if o.harmful else "✘")
            out.append(f"| {table_text(o.text)} | {key} | {table_text(o.feedback)} |")
        rule = ("Full points for the correct option." if q.type == "single" else
                "Points × (correct chosen − wrong chosen) ÷ number correct, never below zero.")
        out += ["", f"Scoring: {rule}"]
    elif q.type == "order":
        shown = ", ".join(f"{i}. {table_text(o.text)}" for i, o in enumerate(display_order(q), 1))
        out += ["The right order:", ""]
        out += [f"{i}. {table_text(o.text)}: {table_text(o.feedback)}" for i, o in enumerate(q.options, 1)]
        out += ["", f"Trainees see: {shown}.", "", "Scoring: share of pairs in the right relative order."]
    elif q.type == "match":
        targets = {t.id: t.text for t in q.targets}
        out += ["| Item | Belongs under | Feedback |", "| --- | --- | --- |"]
        out += [f"| {table_text(o.text)} | {targets.get(o.answer, '?')} | {table_text(o.feedback)} |" for o in q.options]
        out += ["", "Scoring: share of items matched to their category."]
    elif q.type == "branch":
        out += [f"Best path earns {_p(q.points)} credit. Steps:", ""]
        for s in q.steps:
            out += [f"**Step `{s.id}`**: {table_text(s.situation)}", "",
                    "| Option | Credit | Leads to | Harm | Feedback |", "| --- | --- | --- | --- | --- |"]
            for o in s.options:
                out.append(f"| {table_text(o.text)} | {_p(o.credit)} | {o.next or 'end'} | "
                           f"{table_text(o.harmful) or '—'} | {table_text(o.feedback)} |")
            out.append("")
        out += ["Scoring: the credit along the path taken, capped if a harmful option was chosen."]
    elif q.type == "text":
        out += ["Graded by the trainer in the Formgrader. Rubric:", "", "| Points | Criterion |", "| --- | --- |"]
        out += [f"| {_p(r.points)} | {table_text(r.criterion)} |" for r in q.rubric]
        if q.model_answer.strip():
            out += ["", "Model answer:", "", "> " + table_text(q.model_answer)]
    return "\n".join(out) + "\n"


def scenario_key(sc: Scenario) -> str:
    auds = ", ".join(a.replace("_", " ") for a in sc.audiences) or "not stated"
    out = [f"## {sc.title}", "",
           f"Scenario `{sc.id}`: {_p(sc.points)} points ({_p(sc.autograded_points)} graded automatically, "
           f"{_p(sc.manual_points)} by the trainer). Professions whose part it shows: {auds}.", ""]
    out += [question_key(n, q) for n, q in enumerate(sc.questions, 1)]
    return "\n".join(out)


def key_page(assignment: str, notebooks: list[tuple[Path, list[Scenario]]]) -> str:
    out = [f"# Answer key: {assignment}", "",
           "```{admonition} Trainer edition only",
           "This page holds the keys, scoring rules and rubrics. It is not in the trainee edition; "
           "do not hand it out before the exercise is graded.",
           "```", ""]
    for path, scenarios in notebooks:
        out += [f"Notebook: `{path.name}`", ""]
        out += [scenario_key(sc) for sc in scenarios]
    return "\n".join(out)
