"""The course book in two editions, built by Jupyter Book 1 with warnings as errors.

Each edition is staged into `_build/src/<edition>/` from the same sources:
- trainee: the landing page, trainee pages, modules without `trainer-only` cells,
  and the released exercises (no keys);
- trainer: all of that with the trainer-only cells, plus answer-key pages written
  from the scenario cells, country profiles, the trainers' and the authors' guides.
Both get pages generated from the kit's declarations: learning paths with their
agendas (detailed for trainers, by module for trainees), the glossary and the
bibliography; and the first mention of each glossary term on a page is linked.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from . import bibliography, glossary, profiles
from . import notebooks as nbs
from .keys import key_page
from .paths import read_modules, write_pages
from .settings import Settings

EDITIONS = ("trainee", "trainer")
# Book folders whose pages only the trainer edition carries.
TRAINER_ONLY_DIRS = ("keys", "trainers", "authors")
WIDGET_FILES = Path(".cache") / "widgets"


PREVIEW_NOTE = ("```{note}\nThis page shows the exercise for reading. To answer it and submit your answers, "
                "open it in JupyterLab from *Nbgrader → Assignment List*; clicks on this page are not saved.\n```")
TRAINER_NOTE = "```{admonition} Trainer edition\n:class: tip\nThis part is for trainers only.\n```\n"


class BookError(Exception):
    pass


def _mark_trainer_only(source: str) -> str:
    """Put the trainer-edition marker under the cell's heading (or at its top)."""
    lines = source.split("\n")
    if lines and lines[0].startswith("#"):
        return "\n".join([lines[0], "", TRAINER_NOTE] + lines[1:])
    return TRAINER_NOTE + "\n" + source


def _filter_toc(node, keep):
    """Drop toc entries whose file fails `keep`, and parts or sections left empty."""
    if isinstance(node, list):
        return [n for n in (_filter_toc(x, keep) for x in node) if n is not None]
    if isinstance(node, dict):
        if "file" in node and not keep(node["file"]):
            return None
        new = {}
        for k, v in node.items():
            if k in ("parts", "chapters", "sections"):
                v = _filter_toc(v, keep)
                if not v:
                    if k == "parts" or "file" not in node and k == "chapters":
                        return None
                    continue
            new[k] = v
        return new
    return node


def _add_sections(node, file: str, sections: list[str]) -> None:
    """Give the toc entry for `file` one section per generated page."""
    if isinstance(node, list):
        for n in node:
            _add_sections(n, file, sections)
    elif isinstance(node, dict):
        if node.get("file") == file:
            node["sections"] = [{"file": f} for f in sections]
        for v in node.values():
            _add_sections(v, file, sections)


def stage(s: Settings, edition: str) -> Path:
    """Write one edition's sources into _build/src/<edition>/ and return that folder."""
    if edition not in EDITIONS:
        raise BookError(f"unknown edition {edition!r}; choose one of {', '.join(EDITIONS)}")
    trainer = edition == "trainer"
    src = s.path("build") / "src" / edition
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)

    book = s.path("book")
    for page in book.rglob("*.md"):
        rel = page.relative_to(book)
        if rel.parts[0] == "country-profiles":
            continue
        if rel.parts[0] in TRAINER_ONLY_DIRS and not trainer:
            continue
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, src / rel)

    (src / "modules").mkdir()
    for path in s.module_notebooks():
        nb = nbs.read(path)
        if not trainer:
            nb.cells = [c for c in nb.cells if s.trainer_only_tag not in c.metadata.get("tags", [])]
        else:
            for c in nb.cells:
                if s.trainer_only_tag in c.metadata.get("tags", []):
                    c.source = _mark_trainer_only(c.source)
        nbs.clean(nb)
        nbs.write(nb, src / "modules" / path.name)

    (src / "glossary.md").write_text(glossary.page(glossary.load(s)))
    (src / "bibliography.md").write_text(bibliography.page(s))
    (src / "exercises").mkdir()
    names: dict[str, Path] = {}
    for path in sorted(s.path("exercises").glob("*/*.ipynb")):
        if path.name in names:
            raise BookError(f"{path} and {names[path.name]} have the same name; the book needs notebook "
                            "names that are unique across exercises")
        names[path.name] = path
        nb = nbs.read(path)
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(PREVIEW_NOTE))
        nbs.write(nb, src / "exercises" / path.name)

    if trainer:
        (src / "trainers").mkdir(exist_ok=True)
        (src / "trainers" / "country-profiles.md").write_text(profiles.page(s))
        (src / "keys").mkdir(exist_ok=True)
        for assignment in s.assignments():
            notebooks = [(p, [sc for sc, _ in nbs.scenarios_in(p)])
                         for p in s.solution_notebooks() if p.parent.name == assignment]
            (src / "keys" / f"{assignment}.md").write_text(key_page(assignment, notebooks))

    toc = yaml.safe_load((book / "_toc.yml").read_text())
    path_pages = write_pages(s, src / "paths", detailed=trainer)
    _add_sections(toc, "paths/index", path_pages)
    order = sorted(read_modules(s).values(), key=lambda m: (m.number, m.id))
    generated = {
        "generated-modules": [f"modules/{m.id}" for m in order],
        "generated-exercises": [f"exercises/{p.stem}" for m in order
                                for p in sorted((s.path("exercises") / m.id).glob("*.ipynb"))],
        "generated-keys": [f"keys/{a}" for a in s.assignments()],
    }
    for part in toc.get("parts", []):
        if isinstance(part.get("chapters"), str) and part["chapters"] in generated:
            part["chapters"] = [{"file": f} for f in generated[part["chapters"]]]
    if not trainer:
        toc = _filter_toc(toc, lambda f: f.split("/")[0] not in TRAINER_ONLY_DIRS)
    (src / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))

    config = yaml.safe_load((s.root / "_config.yml").read_text())
    config["title"] = f"{config['title']} ({edition} edition)"
    (src / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))

    link_glossary(s, src)
    widgets = s.root / WIDGET_FILES
    if not (widgets / "require.js").exists():
        raise BookError(f"The widget scripts are missing from {widgets}: run `make setup` "
                        "(it fetches them from npm so the book shows widgets offline).")
    shutil.copytree(widgets, src / "_extra" / "widgets")
    return src


def link_glossary(s: Settings, src: Path) -> None:
    """Link the first mention of each glossary term on every staged page (not in the glossary itself)."""
    entries = glossary.load(s)
    for page in sorted(src.rglob("*.md")):
        # Agendas are logistics: a link in every other cell would be noise there.
        if page.name not in ("glossary.md", "bibliography.md") and not {"_extra", "paths"} & set(page.parts):
            page.write_text(glossary.link_terms(page.read_text(), entries, set()))
    for path in sorted(src.rglob("*.ipynb")):
        nb = nbs.read(path)
        done: set[str] = set()
        for cell in nb.cells:
            if cell.cell_type == "markdown" and not cell.source.lstrip().startswith("# "):
                cell.source = glossary.link_terms(cell.source, entries, done)
        nbs.write(nb, path)


def build(s: Settings, edition: str) -> Path:
    """Build one edition with warnings as errors; returns the folder holding index.html."""
    src = stage(s, edition)
    out = s.path("build") / edition
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(src), "--path-output", str(out),
           "-W", "-n", "--keep-going"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=s.root)
    if proc.returncode != 0:
        log = out / "build.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(proc.stdout + proc.stderr)
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise BookError(f"The {edition} edition did not build (full log: {log}):\n{tail}")
    return out / "_build" / "html"
