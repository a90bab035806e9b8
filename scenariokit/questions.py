"""A practice coach for interview questions: which type a question most likely is, and why.

The rules are visible and simple on purpose: a trainee sees which words made
the guess. They read the wording only, not the interview: a directive question
is about details the child has already given, and only the interviewer knows
whether they have. The types follow the NICHD research ordering, from most to
least preferred: invitation, cued invitation, directive, option-posing,
suggestive. It gives instant, ungraded feedback; it is no substitute for a
trained interviewer's judgement.

Its limits, stated where trainees see it (`agreement_markdown`): it cannot see
a presupposition ("Tell me about the time he took your phone" when the child
never mentioned it), and its rules were refined once after a first run on the
labelled examples (90% agreement before, the reported figure after), so on new
questions it will agree less often.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

TYPES = ("invitation", "cued_invitation", "directive", "option_posing", "suggestive")
LABELS = {
    "invitation": "Open invitation",
    "cued_invitation": "Cued invitation",
    "directive": "Directive question",
    "option_posing": "Option-posing question",
    "suggestive": "Suggestive question",
    "unclear": "Not sure",
}
ADVICE = {
    "invitation": "Good: an open prompt lets the child tell it in their own words, from memory.",
    "cued_invitation": "Good: it builds on the child's own words and still leaves the telling to them.",
    "directive": "Acceptable about details the child has already mentioned; follow it with an open prompt.",
    "option_posing": "Use sparingly: yes/no and either/or questions bring in your words and invite guessing. "
                     "Pair it with an open prompt.",
    "suggestive": "Avoid: it tells the child what answer you expect, which can change what they say "
                  "and weaken the evidence.",
    "unclear": "The rules found nothing to go on. Is it a question to the child?",
}

# (type, rule name, pattern); the first rule that matches decides.
RULES: list[tuple[str, str, re.Pattern]] = [
    ("suggestive", "tag question", re.compile(
        r",\s*(didn'?t|did|wasn'?t|was|isn'?t|is|weren'?t|were|aren'?t|are|don'?t|do|doesn'?t|does|hasn'?t|has|"
        r"haven'?t|have|couldn'?t|could|wouldn'?t|would|won'?t|will)\s+(he|she|it|they|you|we|i)\s*\??\s*$"
        r"|,\s*(right|correct|yes|no|ok|okay)\s*\??\s*$", re.I)),
    ("cued_invitation", "uses the child's own words", re.compile(
        r"(you (said|told me|mentioned|talked about)|you used the words?)\b.*"
        r"\b(tell me|describe|say more|more about|everything about|what happened)\b", re.I | re.S)),
    ("suggestive", "presumes the answer", re.compile(
        r"\b(already told (us|me)|you must have|must have been|surely|i know (that )?(he|she|they|you)|i think (he|she|they|you)|"
        r"we know|everyone knows|isn'?t it true|wasn'?t it|didn'?t (he|she|they)|don'?t you think|"
        r"(he|she|they) (made|forced|hurt|hit|told) you|when (he|she|they) (hurt|hit|forced|touched)|"
        r"how (did|many times did) (he|she|they) (hurt|hit|force|touch)|"
        r"tell me (about )?(how|when|why) (he|she|they) (hurt|hit|forced|touched))\b", re.I)),
    ("invitation", "open prompt", re.compile(
        r"^\s*(please\s+)?(tell me|describe|talk about|explain)\b|\b(tell me (more|everything|all)|"
        r"what happened( next| then| after that)?\s*\??\s*$|(and )?then what( happened)?\b|what else\b)", re.I)),
    ("option_posing", "either/or", re.compile(r"\b\w+\s+or\s+\w+[^?]*\?\s*$", re.I)),
    ("option_posing", "yes/no question", re.compile(
        r"^\s*(did|do|does|was|were|is|are|has|have|had|can|could|would|will|should|shall|may|might)\b", re.I)),
    ("directive", "wh- question", re.compile(
        r"(^|[.!?]\s+)(who|what|where|when|which|whose|whom|how|why)\b|\b(what|where|when|who|which|how many|how long|"
        r"how often)\b[^.?!]*\?\s*$", re.I)),
]


@dataclass
class Guess:
    type: str
    rule: str
    words: str

    @property
    def label(self) -> str:
        return LABELS[self.type]

    @property
    def advice(self) -> str:
        return ADVICE[self.type]


def classify(question: str) -> Guess:
    """The most likely type of an interview question, with the rule and the words that decided it."""
    text = " ".join(question.split())
    for qtype, name, pattern in RULES:
        m = pattern.search(text)
        if m:
            return Guess(qtype, name, m.group(0).strip(" ,?"))
    return Guess("unclear", "no rule matched", "")


def labelled_examples(path: Path | None = None) -> list[dict]:
    path = path or Path(__file__).parent / "data" / "labelled_questions.yml"
    return yaml.safe_load(path.read_text())


def agreement(examples: list[dict]) -> tuple[float, dict[str, dict[str, int]]]:
    """Share of examples where the guess equals the label, and the confusion table (label -> guess -> count)."""
    table: dict[str, dict[str, int]] = {t: {} for t in TYPES}
    right = 0
    for ex in examples:
        guess = classify(ex["question"]).type
        table.setdefault(ex["type"], {})
        table[ex["type"]][guess] = table[ex["type"]].get(guess, 0) + 1
        right += guess == ex["type"]
    return (right / len(examples) if examples else 0.0), table


def agreement_markdown(examples: list[dict] | None = None) -> str:
    examples = examples if examples is not None else labelled_examples()
    share, table = agreement(examples)
    cols = list(TYPES) + ["unclear"]
    out = [f"On {len(examples)} labelled example questions the coach agrees with the label "
           f"{share:.0%} of the time. Rows are the labels, columns the coach's guesses:", "",
           "| label \\ guess | " + " | ".join(LABELS[c] for c in cols) + " |",
           "| --- | " + " | ".join("---" for _ in cols) + " |"]
    for t in TYPES:
        out.append(f"| {LABELS[t]} | " + " | ".join(str(table.get(t, {}).get(c, 0)) for c in cols) + " |")
    return "\n".join(out)


def coach() -> None:
    """The practice widget: type a question, see its likely type and the words that made it so."""
    import html

    import ipywidgets as w
    from IPython.display import display

    box = w.Textarea(placeholder="Type a question you might ask a child, then press Check.",
                     layout=w.Layout(width="100%", height="4em"))
    button = w.Button(description="Check", button_style="info")
    out = w.HTML()

    def check(_b):
        if not box.value.strip():
            out.value = "<p>Type a question first.</p>"
            return
        g = classify(box.value)
        words = f" (because of: <i>{html.escape(g.words)}</i>)" if g.words else ""
        out.value = (f"<p><b>{html.escape(g.label)}</b>, by the rule <i>{html.escape(g.rule)}</i>{words}.</p>"
                     f"<p>{html.escape(g.advice)}</p>")
    button.on_click(check)
    display(w.VBox([box, button, out], layout=w.Layout(width="100%")))
