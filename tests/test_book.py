"""Both editions build with warnings as errors, offline; the trainee edition holds no key or facilitator note."""
from __future__ import annotations

import functools
import html
import http.server
import re
import threading
import time
from pathlib import Path

import nbformat
import pytest

from lab import CHROMIUM, FLAGS
from scenariokit import notebooks as nbs
from scenariokit.book import build
from scenariokit.settings import Settings

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    s = Settings(root=REPO, build_dir=str(tmp_path_factory.mktemp("build")))
    out = {}
    for edition in ("trainee", "trainer"):
        start = time.perf_counter()
        out[edition] = build(s, edition)
        print(f"{edition} edition built in {time.perf_counter() - start:.1f} s")
    return out


def norm(text: str) -> str:
    """Letters and digits only, so that markup, links and typography never hide a match."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def page_text(folder: Path) -> str:
    chunks = []
    for page in folder.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        chunks.append(html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    return norm(" ".join(chunks))


def trainee_module_text() -> str:
    """What the modules teach trainees openly; a feedback sentence that restates it is no secret."""
    cells = [c.source for p in Settings(root=REPO).module_notebooks()
             for c in nbformat.read(p, as_version=4).cells if "trainer-only" not in c.metadata.get("tags", [])]
    return norm(" ".join(cells))


def secrets() -> list[str]:
    """What only a trainer may read: feedback, harms, rubrics, model answers (as probes of 60 characters)
    that the modules do not already teach in the open."""
    found = []
    taught = trainee_module_text()
    for path in Settings(root=REPO).solution_notebooks():
        for sc, _ in nbs.scenarios_in(path):
            for q in sc.questions:
                texts = [o.feedback for o in q.all_options()] + [o.harmful for o in q.all_options()]
                texts += [r.criterion for r in q.rubric] + [q.model_answer]
                found += [norm(t)[:60] for t in texts if len(norm(t)) >= 40 and norm(t)[:60] not in taught]
    assert len(found) > 20
    return found


def trainer_only_texts() -> list[str]:
    out = []
    for path in Settings(root=REPO).module_notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if "trainer-only" in cell.metadata.get("tags", []):
                source = re.sub(r"(?m)^\s*(\d+\.|[-*+]|\|)\s+", "", cell.source)   # list and table markers
                out += [norm(p)[:60] for p in source.split("\n\n") if len(norm(p)) >= 60]
    assert out
    return out


def test_trainee_edition_holds_no_key_feedback_rubric_or_facilitator_note(editions):
    text = page_text(editions["trainee"])
    leaked = [s for s in secrets() + trainer_only_texts() if s in text]
    assert leaked == []
    assert "begin hidden tests" not in text
    pages = {p.relative_to(editions["trainee"]).parts[0] for p in editions["trainee"].rglob("*.html")}
    assert not pages & {"keys", "trainers", "authors"}


def test_trainer_edition_holds_the_keys_and_facilitator_notes(editions):
    text = page_text(editions["trainer"])
    missing = [s for s in secrets() + trainer_only_texts() if s not in text]
    assert missing == []


def test_released_exercises_hold_no_key(editions):
    for path in (REPO / "exercises").glob("*/*.ipynb"):
        raw = path.read_text()
        assert "BEGIN HIDDEN TESTS" not in raw and "BEGIN SOLUTION" not in raw
        text = norm(" ".join(c.source for c in nbformat.read(path, as_version=4).cells))
        assert [s for s in secrets() if s in text] == []


def test_pages_load_nothing_from_the_internet(editions):
    for folder in editions.values():
        for page in folder.rglob("*.html"):
            raw = page.read_text(encoding="utf-8")
            remote = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//[^"]*"', raw)
            assert remote == [], page


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("edition, page, shot", [
    ("trainee", "exercises/identification_scenarios.html", "book-trainee-exercise.png"),
    ("trainee", "modules/identification.html", "book-trainee-module.png"),
    ("trainer", "keys/identification.html", "book-trainer-key.png"),
])
def test_pages_render_in_a_browser_with_every_outside_request_blocked(editions, edition, page, shot):
    from playwright.sync_api import sync_playwright
    server = serve(editions[edition])
    local = f"http://127.0.0.1:{server.server_port}"
    outside = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            pg = browser.new_page(viewport={"width": 1280, "height": 1000})
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local)
                     else (outside.append(r.request.url), r.abort()))
            pg.goto(f"{local}/{page}")
            pg.wait_for_load_state("networkidle")
            if "exercises" in page:
                pg.locator(".widget-radio-box").first.wait_for(timeout=20_000)
                assert pg.get_by_text("Loading widget").count() == 0
                pg.locator(".widget-checkbox").first.scroll_into_view_if_needed()
            if "modules" in page:
                pg.locator(".widget-checkbox").first.wait_for(timeout=20_000)
            ARTIFACTS.mkdir(exist_ok=True)
            pg.screenshot(path=str(ARTIFACTS / shot))
            browser.close()
    finally:
        server.shutdown()
    assert outside == []
