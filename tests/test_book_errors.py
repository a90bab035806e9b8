"""A broken cross-reference or an unknown glossary term fails the book build (warnings are errors)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scenariokit.book import BookError, build
from scenariokit.settings import Settings

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def small_kit(tmp_path):
    """The kit with one module, so a build takes seconds."""
    root = tmp_path / "kit"
    (root / "modules").mkdir(parents=True)
    shutil.copy(REPO / "modules" / "identification.ipynb", root / "modules")
    for name in ("solutions", "exercises"):
        shutil.copytree(REPO / name / "identification", root / name / "identification")
    shutil.copytree(REPO / "book", root / "book")
    shutil.copytree(REPO / ".cache" / "widgets", root / ".cache" / "widgets")
    shutil.copy(REPO / "_config.yml", root)
    shutil.copy(REPO / "nbgrader_config.py", root)
    paths = [p for p in yaml.safe_load((root / "book" / "paths.yml").read_text()) if p["id"] == "basic_first_line"]
    paths[0]["days"] = [{"modules": ["identification"]}]
    (root / "book" / "paths.yml").write_text(yaml.safe_dump(paths))
    return Settings(root=root, build_dir=str(tmp_path / "build"))


def test_the_small_kit_builds(small_kit):
    assert (build(small_kit, "trainee") / "index.html").exists()


@pytest.mark.parametrize("insert, words", [
    ("See [the missing page](no-such-page.md).", "no-such-page"),
    ("See {term}`safe harbour`.", "safe harbour"),
    ("See {ref}`no-such-label`.", "no-such-label"),
])
def test_a_broken_reference_fails_the_build_and_names_it(small_kit, insert, words):
    intro = small_kit.path("book") / "intro.md"
    intro.write_text(intro.read_text() + "\n" + insert + "\n")
    with pytest.raises(BookError) as exc:
        build(small_kit, "trainee")
    assert words in str(exc.value)
