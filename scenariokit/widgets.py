"""The widgets trainees answer with: no code to type, every change saved at once.

`ask` shows one graded question and saves each change to the notebook's answers
file; `practice` shows an ungraded question with instant feedback from the same
scoring code the graders use.
"""
from __future__ import annotations

import html
import time
from typing import Any, Callable

import ipywidgets as w
from IPython.display import display
from markdown_it import MarkdownIt

from .answers import AnswerStore
from .model import ScenarioError, load_question, public_question
from .scoring import score_question

_md = MarkdownIt("commonmark", {"html": False})
FULL = w.Layout(width="100%")

# Every string a trainee reads, in one place, ready for a message catalogue.
TEXT = {
    "choose": "— choose —",
    "saved": "Saved at {time}.",
    "not_saved": "Not answered yet.",
    "save_failed": "Your answer could not be saved: {error}. Ask your trainer for help.",
    "up": "Move up",
    "down": "Move down",
    "keep_order": "Keep this order",
    "decide": "Decide",
    "restart": "Start again",
    "you_chose": "You chose: {text}",
    "end": "The situation has ended here.",
    "check": "Check my answer",
    "score": "{score:g} of {points:g} points.",
    "pick_first": "Choose an option first.",
}


def md(text: str) -> str:
    return _md.render(text or "")


def _radio(options: list[dict], value: Any) -> w.RadioButtons:
    ids = [o["id"] for o in options]
    return w.RadioButtons(options=[(o["text"], o["id"]) for o in options],
                          value=value if value in ids else None, layout=FULL)


def control(pq: dict, initial: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """Build the answering widget for one public question."""
    kind = pq["type"]
    if kind == "single":
        radio = _radio(pq["options"], initial)
        radio.observe(lambda ch: on_change(ch["new"]), names="value")
        return radio

    if kind == "multiple":
        chosen = set(initial) if isinstance(initial, list) else set()
        boxes = {o["id"]: w.Checkbox(value=o["id"] in chosen, description=o["text"], indent=False,
                                     layout=FULL) for o in pq["options"]}

        def changed(_):
            on_change([oid for oid, b in boxes.items() if b.value])
        for b in boxes.values():
            b.observe(changed, names="value")
        return w.VBox(list(boxes.values()), layout=FULL)

    if kind == "order":
        texts = {o["id"]: o["text"] for o in pq["options"]}
        order = list(initial) if isinstance(initial, list) and sorted(initial) == sorted(texts) else list(texts)
        box = w.VBox(layout=FULL)

        def move(i: int, d: int):
            j = i + d
            if 0 <= j < len(order):
                order[i], order[j] = order[j], order[i]
            draw()
            on_change(list(order))

        def draw():
            rows = []
            for i, oid in enumerate(order):
                up = w.Button(icon="arrow-up", tooltip=TEXT["up"], description="", layout=w.Layout(width="2.6em"))
                down = w.Button(icon="arrow-down", tooltip=TEXT["down"], description="",
                                layout=w.Layout(width="2.6em"))
                up.on_click(lambda _b, i=i: move(i, -1))
                down.on_click(lambda _b, i=i: move(i, +1))
                label = w.HTML(f"<b>{i + 1}.</b> {html.escape(texts[oid])}")
                rows.append(w.HBox([up, down, label], layout=FULL))
            keep = w.Button(description=TEXT["keep_order"], icon="check")
            keep.on_click(lambda _b: on_change(list(order)))
            box.children = rows + [keep]
        draw()
        return box

    if kind == "match":
        chosen = initial if isinstance(initial, dict) else {}
        targets = [(TEXT["choose"], None)] + [(t["text"], t["id"]) for t in pq["targets"]]
        ids = {t["id"] for t in pq["targets"]}
        drops = {}
        rows = []
        for item in pq["items"]:
            v = chosen.get(item["id"])
            d = w.Dropdown(options=targets, value=v if v in ids else None, layout=w.Layout(width="16em",
                                                                                          flex="0 0 auto"))
            if d.value is None:
                d.index = 0      # show "— choose —" rather than an empty box
            drops[item["id"]] = d
            rows.append(w.HBox([d, w.HTML(html.escape(item["text"]))], layout=FULL))

        def changed(_):
            on_change({k: d.value for k, d in drops.items() if d.value is not None})
        for d in drops.values():
            d.observe(changed, names="value")
        return w.VBox(rows, layout=FULL)

    if kind == "branch":
        steps = {s["id"]: s for s in pq["steps"]}
        path = list(initial) if isinstance(initial, list) else []
        box = w.VBox(layout=FULL)

        def walk():
            """The steps and options taken so far, stopping at anything unknown."""
            taken, step = [], steps.get(pq["start"])
            for oid in path:
                opt = next((o for o in step["options"] if o["id"] == oid), None) if step else None
                if opt is None:
                    break
                taken.append((step, opt))
                step = steps.get(opt["next"]) if opt.get("next") else None
            return taken, step

        def draw():
            taken, current = walk()
            parts: list[w.Widget] = []
            for step, opt in taken:
                text = md(step["situation"]) + "<p><i>" + html.escape(TEXT["you_chose"].format(text=opt["text"]))
                text += "</i></p>" + (md(opt["consequence"]) if opt.get("consequence") else "")
                parts.append(w.HTML(text, layout=FULL))
            if current is not None:
                radio = _radio(current["options"], None)
                go = w.Button(description=TEXT["decide"], button_style="primary")
                msg = w.HTML()

                def decide(_b, radio=radio, msg=msg):
                    if radio.value is None:
                        msg.value = html.escape(TEXT["pick_first"])
                        return
                    path[:] = [o["id"] for _s, o in taken] + [radio.value]
                    draw()
                    on_change(list(path))
                go.on_click(decide)
                parts += [w.HTML(md(current["situation"]), layout=FULL), radio, w.HBox([go, msg])]
            else:
                parts.append(w.HTML(f"<p><b>{html.escape(TEXT['end'])}</b></p>"))
            if path:
                again = w.Button(description=TEXT["restart"], icon="undo")

                def restart(_b):
                    path.clear()
                    draw()
                    on_change(None)
                again.on_click(restart)
                parts.append(again)
            box.children = parts
        draw()
        return box

    raise ValueError(f"no widget for question type {kind!r}")


_stores: dict[str, AnswerStore] = {}


def store_for(notebook: str) -> AnswerStore:
    if notebook not in _stores:
        _stores[notebook] = AnswerStore(notebook)
    return _stores[notebook]


# Long option texts wrap instead of running over each other.
STYLE = """<style>
.scenariokit-question .widget-radio-box label {
  white-space: normal; height: auto; line-height: 1.35; margin: 0.25em 0;
  display: flex; flex-direction: row-reverse; justify-content: flex-end; align-items: flex-start; gap: 0.4em; }
.scenariokit-question .widget-radio-box input { margin-top: 0.2em; flex-shrink: 0; }
.scenariokit-question .widget-checkbox { height: auto; }
.scenariokit-question .widget-checkbox label { white-space: normal; height: auto; line-height: 1.35; }
.scenariokit-question .widget-html-content { line-height: 1.45; }
</style>"""


def question_box(pq: dict, ctrl: w.Widget, status: w.HTML) -> w.VBox:
    prompt = w.HTML(STYLE + md(pq["prompt"]), layout=FULL)
    box = w.VBox([prompt, ctrl, status], layout=FULL)
    box.add_class("scenariokit-question")
    box.add_class(f"scenariokit-{pq['type']}")
    return box


def ask(notebook: str, scenario: str, pq: dict) -> None:
    """Show a graded question; every change is saved to `<notebook>.answers.json`."""
    store = store_for(notebook)
    status = w.HTML()
    status.add_class("scenariokit-status")

    def say(text: str, warn: bool = False):
        style = "color:#a33" if warn else "color:#555"
        status.value = f'<span style="{style}">{html.escape(text)}</span>'

    def on_change(value):
        try:
            store.set(scenario, pq["id"], value)
        except OSError as exc:
            say(TEXT["save_failed"].format(error=exc), warn=True)
            return
        say(store.warning or TEXT["saved"].format(time=time.strftime("%H:%M:%S")), warn=bool(store.warning))

    initial = store.get(scenario, pq["id"])
    say(store.warning or ("" if initial is not None else TEXT["not_saved"]), warn=bool(store.warning))
    display(question_box(pq, control(pq, initial, on_change), status))


def practice(spec: str) -> None:
    """Show an ungraded question with instant feedback (nothing is saved)."""
    try:
        q = load_question(spec)
    except ScenarioError as exc:
        raise ScenarioError(["this practice activity has mistakes"] + exc.problems) from None
    pq = public_question(q)
    state: dict[str, Any] = {"value": None}
    out = w.HTML(layout=FULL)
    out.add_class("scenariokit-feedback")

    def on_change(value):
        state["value"] = value

    def check(_b):
        r = score_question(q, state["value"])
        items = "".join(f"<li>{html.escape(f)}</li>" for f in r.feedback)
        out.value = f"<p><b>{html.escape(TEXT['score'].format(score=r.score, points=r.points))}</b></p><ul>{items}</ul>"
    button = w.Button(description=TEXT["check"], button_style="info")
    button.on_click(check)
    box = question_box(pq, control(pq, None, on_change), w.HTML())
    box.children = box.children + (button, out)
    display(box)
