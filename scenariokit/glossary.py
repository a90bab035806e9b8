"""The glossary: one list of terms (book/glossary.yml), one page, and links from every page.

Source notebooks stay plain (JupyterLab shows no markup); when the book is
staged, the first mention of each term on a page becomes a link to its entry.
Authors may also write {term}`Term` by hand; `check_terms` reports any that the
glossary does not define.
"""
from __future__ import annotations

import re

import yaml

from .settings import Settings

TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)(?:\s*<([^>`]+)>)?`")
# Spans where no link may be added: code, links, roles, HTML, URLs.
PROTECTED = re.compile(r"(`[^`]*`|\[[^\]]*\]\([^)]*\)|\{[a-z-]+\}`[^`]*`|<[^>]+>|https?://\S+)")


def load(s: Settings) -> list[dict]:
    path = s.path("book") / "glossary.yml"
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text()) or []
    return sorted(entries, key=lambda e: e["term"].lower())


def page(entries: list[dict]) -> str:
    out = ["# Glossary", "",
           "The terms the kit uses, in its own words, with the instrument or source each rests on.", "",
           "```{glossary}"]
    for e in entries:
        out.append(e["term"])
        out.append(f"  {' '.join(e['definition'].split())} *Source: {' '.join(e['source'].split())}.*")
        out.append("")
    out.append("```")
    return "\n".join(out) + "\n"


def _pattern(term: str) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<![\w-])({words})(?![\w-])", re.IGNORECASE)


def link_terms(markdown: str, entries: list[dict], done: set[str]) -> str:
    """Link the first unlinked mention of each term; `done` holds terms already linked on this page."""
    lines = markdown.split("\n")
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.lstrip().startswith(("#", ":")):
            continue
        out, rest = [], line
        while rest:
            m = PROTECTED.search(rest)
            text, tail = (rest[:m.start()], rest[m.start():m.end()]) if m else (rest, "")
            rest = rest[m.end():] if m else ""
            out.append(_link_in(text, entries, done) + tail)
        lines[i] = "".join(out)
    return "\n".join(lines)


def _link_in(text: str, entries: list[dict], done: set[str]) -> str:
    """Link terms in plain text; a link made is not searched again."""
    for e in entries:
        term = e["term"]
        if term in done:
            continue
        m = _pattern(term).search(text)
        if m:
            done.add(term)
            before, after = text[:m.start()], text[m.end():]
            return _link_in(before, entries, done) + f"{{term}}`{m.group(1)} <{term}>`" + _link_in(after, entries, done)
    return text


def check_terms(s: Settings, sources: list[tuple[str, str]]) -> list[str]:
    """`sources` are (label, markdown) pairs; reports {term} roles the glossary does not define."""
    known = {e["term"].lower() for e in load(s)}
    problems = []
    for label, text in sources:
        for m in TERM_ROLE.finditer(text):
            term = (m.group(2) or m.group(1)).strip()
            if term.lower() not in known:
                problems.append(f"{label}: unknown glossary term '{term}' (add it to book/glossary.yml)")
    return problems


def entries_problems(s: Settings) -> list[str]:
    problems = []
    seen = set()
    for n, e in enumerate(load(s), 1):
        for key in ("term", "definition", "source"):
            if not str(e.get(key, "")).strip():
                problems.append(f"book/glossary.yml, entry {n}: '{key}' is missing")
        if e.get("term", "").lower() in seen:
            problems.append(f"book/glossary.yml: '{e['term']}' is defined twice")
        seen.add(e.get("term", "").lower())
    return problems
