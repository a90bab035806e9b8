"""Country profiles: each international standard in a row, the national provision that meets it
(or the gap), and the date it was last checked. The template lists the standards once
(book/country-profiles/template.yml); a profile (book/country-profiles/<code>.yml) fills it
in for one country. The trainer edition shows every profile given, and says plainly when
none is.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .keys import table_text
from .settings import Settings

STATUS = {"met": "Met", "partly": "Partly met", "gap": "Gap", "unknown": "Not yet checked"}


def folder(s: Settings) -> Path:
    return s.path("book") / "country-profiles"


def template(s: Settings) -> list[dict]:
    path = folder(s) / "template.yml"
    return yaml.safe_load(path.read_text()) if path.exists() else []


def profiles(s: Settings) -> list[tuple[Path, dict]]:
    return [(p, yaml.safe_load(p.read_text()) or {}) for p in sorted(folder(s).glob("*.yml"))
            if p.name != "template.yml"]


def check_profiles(s: Settings) -> list[str]:
    problems = []
    rows = template(s)
    ids = [r.get("id") for r in rows]
    if len(ids) != len(set(ids)):
        problems.append("book/country-profiles/template.yml: a standard's id is used twice")
    for n, r in enumerate(rows, 1):
        for key in ("id", "topic", "standard", "instrument", "article"):
            if not str(r.get(key, "")).strip():
                problems.append(f"book/country-profiles/template.yml, row {n}: '{key}' is missing")
    for path, prof in profiles(s):
        label = f"book/country-profiles/{path.name}"
        for key in ("country", "checked"):
            if not prof.get(key):
                problems.append(f"{label}: '{key}' is missing")
        try:
            dt.date.fromisoformat(str(prof.get("checked", "")))
        except ValueError:
            problems.append(f"{label}: 'checked' should be a date such as 2026-11-23")
        for entry in prof.get("provisions", []) or []:
            if entry.get("id") not in ids:
                problems.append(f"{label}: '{entry.get('id')}' is not a standard in the template")
            if entry.get("status", "unknown") not in STATUS:
                problems.append(f"{label}, '{entry.get('id')}': status should be one of {', '.join(STATUS)}")
    return problems


def page(s: Settings) -> str:
    rows = template(s)
    given = profiles(s)
    out = ["# Country profiles", "",
           "A country profile holds a national law against the international and European standards that "
           "the module *The law: international and European standards* teaches: each standard in a row, the "
           "national provision that meets it or the gap, and when that was last checked. Use it to adapt the "
           "modules to one country before a course.", "",
           "To start one, run `.venv/bin/scenariokit profile new CODE` (for example `XK`), fill in the YAML file "
           f"it writes under `book/country-profiles/`, and rebuild the book. The template has {len(rows)} standards.",
           ""]
    if not given:
        out += ["```{admonition} No country profile has been given",
                ":class: warning",
                "This kit ships no national profile: national law changes, and a profile must be written and "
                "dated by someone who has checked the national texts. The blank template follows.",
                "```", ""]
        given = [(None, {"country": "Template (blank)", "provisions": []})]
    for path, prof in given:
        filled = {e.get("id"): e for e in prof.get("provisions", []) or []}
        out += [f"## {prof.get('country')}", ""]
        if path is not None:
            out += [f"Last checked: **{prof.get('checked')}**" +
                    (f" by {prof['checked_by']}" if prof.get("checked_by") else "") + ".", ""]
        out += ["| Topic | Standard | Instrument | National provision | Status | Note |",
                "| --- | --- | --- | --- | --- | --- |"]
        for r in rows:
            e = filled.get(r["id"], {})
            out.append(f"| {table_text(r['topic'])} | {table_text(r['standard'])} | {table_text(r['instrument'])} "
                       f"{table_text(r['article'])} | {table_text(e.get('provision'))} | "
                       f"{STATUS[e.get('status', 'unknown')] if path is not None else ''} | {table_text(e.get('note'))} |")
        out.append("")
    return "\n".join(out)


def new_profile(s: Settings, code: str, country: str) -> Path:
    path = folder(s) / f"{code.lower()}.yml"
    if path.exists():
        raise FileExistsError(f"{path} exists already; edit it instead")
    data = {"country": country, "checked": dt.date.today().isoformat(), "checked_by": "",
            "provisions": [{"id": r["id"], "provision": "", "status": "unknown", "note": ""} for r in template(s)]}
    path.write_text("# Fill in each provision and set status to met, partly, gap or unknown.\n"
                    + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path
