"""One bibliography (book/bibliography.yml) with, for each entry, the modules that cite it."""
from __future__ import annotations

import re

import nbformat
import yaml

from .paths import read_modules
from .settings import Settings

SECTIONS = (("instruments", "Instruments"), ("sources", "Sources"))


def load(s: Settings) -> dict:
    path = s.path("book") / "bibliography.yml"
    return yaml.safe_load(path.read_text()) if path.exists() else {}


def citations(s: Settings) -> dict[str, list[str]]:
    """Entry id -> ids of the modules whose text names one of its aliases."""
    texts = {}
    for path in s.module_notebooks():
        nb = nbformat.read(path, as_version=4)
        texts[path.stem] = " ".join(c.source for c in nb.cells)
    out = {}
    for key, _title in SECTIONS:
        for e in load(s).get(key, []):
            pats = [re.compile(rf"(?<![\w/]){re.escape(a)}(?![\w/])") for a in e.get("aliases", [])]
            out[e["id"]] = [m for m, t in texts.items() if any(p.search(t) for p in pats)]
    return out


def page(s: Settings) -> str:
    modules = read_modules(s)
    cited = citations(s)
    out = ["# Bibliography", "",
           "The instruments and sources the modules cite, with the modules that cite each. Every legal "
           "statement in the kit names its instrument and article; every figure names its source and year.", ""]
    for key, title in SECTIONS:
        out += [f"## {title}", ""]
        for e in load(s).get(key, []):
            where = sorted(cited.get(e["id"], []), key=lambda m: modules[m].number if m in modules else 99)
            names = "; ".join(f"{modules[m].number}. {modules[m].title}" for m in where if m in modules)
            details = f"; {e['details']}" if e.get("details") else ""
            out.append(f"- {e['title']}{details}." + (f" *Cited in:* {names}." if names else ""))
        out.append("")
    return "\n".join(out)


def check_bibliography(s: Settings) -> list[str]:
    problems = []
    ids = set()
    for key, _title in SECTIONS:
        for n, e in enumerate(load(s).get(key, []), 1):
            if not e.get("id") or not e.get("title") or not e.get("aliases"):
                problems.append(f"book/bibliography.yml, {key} entry {n}: needs id, title and aliases")
            if e.get("id") in ids:
                problems.append(f"book/bibliography.yml: id '{e.get('id')}' is used twice")
            ids.add(e.get("id"))
    for entry, where in citations(s).items():
        if not where:
            problems.append(f"book/bibliography.yml: '{entry}' is cited by no module; remove it or cite it")
    return problems
