"""Shared fixtures: a real course folder with a real nbgrader config and a scenario of every type."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from scenariokit import notebooks as nbs
from scenariokit.model import load_scenario

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def all_types_yaml() -> str:
    return (FIXTURES / "all_types.yml").read_text()


@pytest.fixture
def scenario(all_types_yaml):
    return load_scenario(all_types_yaml)


def make_course(root: Path, yaml_text: str, assignment: str = "demo") -> Path:
    """A course folder: nbgrader_config.py and solutions/<assignment>/<assignment>.ipynb."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    path = root / "solutions" / assignment / f"{assignment}.ipynb"
    path.parent.mkdir(parents=True)
    nb = nbs.new_exercise(path, "Demo exercise", "A scenario for the tests.", [yaml_text])
    nbs.write(nb, path)
    return path


@pytest.fixture
def course(tmp_path, all_types_yaml, monkeypatch) -> Path:
    make_course(tmp_path / "course", all_types_yaml)
    monkeypatch.setenv("SCENARIOKIT_EXCHANGE", str(tmp_path / "exchange"))
    return tmp_path / "course"
