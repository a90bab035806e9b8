"""Learning paths: ready programmes built from the modules' own declarations.

A path (book/paths.yml) names its audiences, its level and, day by day, the
modules it runs. Titles, levels, audiences, durations and every timed block come
from the modules themselves (their metadata and session plans), so an agenda is
never written twice and its timings add up by construction. `check_paths` says
when a path does not fit its day, names a module that does not exist, or mixes
in a module above its level or for none of its audiences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import notebooks as nbs
from .settings import Settings

LEVELS = {"basic": 1, "advanced": 2}
ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$")


@dataclass
class Block:
    start: int           # minutes after midnight
    minutes: int
    activity: str
    method: str = ""
    module: str = ""     # module title, empty for opening, lunch and closing

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass
class Module:
    id: str
    number: int
    title: str
    level: str
    audiences: list[str]
    minutes: int
    plan: list[tuple[int, str, str]] = field(default_factory=list)   # (minutes, activity, method)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(text: str) -> int:
    h, m = str(text).split(":")
    return int(h) * 60 + int(m)


def session_plan(source: str) -> list[tuple[int, str, str]]:
    """The rows (minutes, activity, method) of a session-plan table."""
    return [(int(m.group(1)), m.group(2), m.group(3)) for line in source.splitlines() if (m := ROW.match(line))]


def read_modules(s: Settings) -> dict[str, Module]:
    out = {}
    for path in s.module_notebooks():
        nb = nbs.read(path)
        meta = nb.metadata.get("scenariokit", {}).get("module", {})
        plan = []
        for cell in nb.cells:
            if cell.source.startswith("## Session plan"):
                plan = session_plan(cell.source)
        out[meta.get("id", path.stem)] = Module(
            id=meta.get("id", path.stem), number=int(meta.get("number", 0)), title=meta.get("title", path.stem),
            level=meta.get("level", "basic"), audiences=list(meta.get("audiences", [])),
            minutes=int(meta.get("duration_minutes", 0)), plan=plan)
    return out


def load_paths(s: Settings) -> list[dict]:
    return yaml.safe_load((s.path("book") / "paths.yml").read_text()) or []


def agenda(path: dict, modules: dict[str, Module]) -> list[list[Block]]:
    """One list of timed blocks per day."""
    days = []
    last_day = len(path["days"]) - 1
    for n, day in enumerate(path["days"]):
        t = parse_clock(day.get("start", "09:00"))
        if n == 0:
            opening = Block(t, int(day.get("opening", 20)),
                            "Welcome, introductions and the pre-course questionnaire", "Plenary; individual")
        else:
            opening = Block(t, int(day.get("opening", 15)), "Opening: questions from yesterday and the day's aims",
                            "Plenary")
        blocks = [opening]
        t = blocks[-1].end
        lunch_after = int(day.get("lunch_after", 1))
        for i, mid in enumerate(day["modules"]):
            if i == lunch_after:
                blocks.append(Block(t, int(day.get("lunch", 60)), "Lunch"))
                t = blocks[-1].end
            mod = modules[mid]
            for minutes, activity, method in mod.plan or [(mod.minutes, mod.title, "")]:
                blocks.append(Block(t, minutes, activity, method, mod.title))
                t = blocks[-1].end
        closing = ("Evaluation: post-course questionnaire and feedback on the course" if n == last_day
                   else "Close of the day: one thing each participant takes away")
        blocks.append(Block(t, int(day.get("closing", 15 if n < last_day else 30)), closing, "Plenary"))
        days.append(blocks)
    return days


def check_paths(s: Settings) -> list[str]:
    problems = []
    file = "book/paths.yml"
    try:
        paths = load_paths(s)
    except (OSError, yaml.YAMLError) as exc:
        return [f"{file}: cannot be read ({exc})"]
    modules = read_modules(s)
    for p in paths:
        pid = p.get("id", "?")
        level = LEVELS.get(p.get("level"), 0)
        if not level:
            problems.append(f"{file}, path '{pid}': level should be basic or advanced")
        auds = set(p.get("audiences", []))
        for d, day in enumerate(p.get("days", []), 1):
            for mid in day.get("modules", []):
                mod = modules.get(mid)
                if mod is None:
                    problems.append(f"{file}, path '{pid}', day {d}: no module '{mid}'")
                    continue
                if LEVELS.get(mod.level, 9) > level:
                    problems.append(f"{file}, path '{pid}': module '{mid}' is {mod.level}, the path is {p.get('level')}")
                if not auds & set(mod.audiences):
                    problems.append(f"{file}, path '{pid}': module '{mid}' is for none of the path's audiences")
                if sum(m for m, _a, _b in mod.plan) != mod.minutes:
                    problems.append(f"{file}, path '{pid}': module '{mid}' has no session plan that adds up")
        if problems:
            continue
        for d, (day, blocks) in enumerate(zip(p["days"], agenda(p, modules)), 1):
            end = parse_clock(day.get("end", "17:30"))
            if blocks[-1].end > end:
                problems.append(f"{file}, path '{pid}', day {d}: the agenda ends at {clock(blocks[-1].end)}, "
                                f"after the day's end at {clock(end)}")
            for a, b in zip(blocks, blocks[1:]):
                if a.end != b.start:
                    problems.append(f"{file}, path '{pid}', day {d}: a gap or overlap at {clock(a.end)}")
    return problems


def agenda_page(p: dict, modules: dict[str, Module], detailed: bool) -> str:
    """A printable agenda: detailed (every activity, trainer edition) or by module (trainee edition)."""
    days = agenda(p, modules)
    mods = [modules[m] for day in p["days"] for m in day["modules"]]
    auds = ", ".join(a.replace("_", " ") for a in p.get("audiences", []))
    out = [f"# {p['title']}", "", p.get("summary", "").strip(), "",
           f"**Level:** {p['level']}. **For:** {auds}. **Participants:** {p.get('participants', 'not stated')}. "
           f"**Length:** {len(days)} day{'s' if len(days) > 1 else ''}.", "",
           "**Modules:** " + "; ".join(f"{m.number}. {m.title} ({m.minutes} min)" for m in mods) + ".", ""]
    for n, blocks in enumerate(days, 1):
        out += [f"## Day {n}", ""]
        if detailed:
            out += ["| Time | Minutes | Activity | Method | Module |", "| --- | --- | --- | --- | --- |"]
            out += [f"| {clock(b.start)}–{clock(b.end)} | {b.minutes} | {b.activity} | {b.method} | {b.module} |"
                    for b in blocks]
        else:
            merged: list[Block] = []
            for b in blocks:
                if merged and b.module and merged[-1].module == b.module:
                    merged[-1].minutes += b.minutes
                else:
                    merged.append(Block(b.start, b.minutes, b.module or b.activity, module=b.module))
            out += ["| Time | Session |", "| --- | --- |"]
            out += [f"| {clock(b.start)}–{clock(b.end)} | {b.activity} |" for b in merged]
        total = sum(b.minutes for b in blocks if b.module)
        out += ["", f"Teaching time: {total} minutes; the day runs {clock(blocks[0].start)}–{clock(blocks[-1].end)}.", ""]
    return "\n".join(out)


def paths_index(paths: list[dict]) -> str:
    out = ["# Learning paths", "",
           "Ready programmes built from the modules. Each agenda is computed from the modules' own "
           "session plans, so its timings always add up; print it from your browser.", ""]
    out += [f"- [{p['title']}]({p['id']}.md): {p.get('summary', '').strip()}" for p in paths]
    return "\n".join(out) + "\n"


def write_pages(s: Settings, folder: Path, detailed: bool) -> list[str]:
    """Write paths/index.md and one page per path; returns the toc entries."""
    paths = load_paths(s)
    modules = read_modules(s)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(paths_index(paths))
    for p in paths:
        (folder / f"{p['id']}.md").write_text(agenda_page(p, modules, detailed))
    return [f"paths/{p['id']}" for p in paths]
