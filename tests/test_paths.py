"""Learning paths: agendas computed from the modules' session plans, and checked."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scenariokit.cli import main
from scenariokit.paths import agenda, check_paths, load_paths, read_modules
from scenariokit.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_every_path_of_the_kit_checks_out():
    assert check_paths(Settings(root=REPO)) == []


def test_agendas_add_up_without_gaps_and_end_with_evaluation():
    s = Settings(root=REPO)
    modules = read_modules(s)
    for p in load_paths(s):
        days = agenda(p, modules)
        assert len(days) == len(p["days"])
        for day_spec, blocks in zip(p["days"], days):
            assert all(a.end == b.start for a, b in zip(blocks, blocks[1:]))
            taught = sum(b.minutes for b in blocks if b.module)
            assert taught == sum(modules[m].minutes for m in day_spec["modules"])
        assert "Evaluation" in days[-1][-1].activity
        assert "pre-course questionnaire" in days[0][0].activity


@pytest.fixture
def kit_copy(tmp_path):
    for name in ("modules", "book", "solutions"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    return tmp_path


def write_paths(root, paths):
    (root / "book" / "paths.yml").write_text(yaml.safe_dump(paths))


BASE = {"id": "p", "title": "P", "level": "basic", "audiences": ["police"], "days": [{"modules": ["identification"]}]}


@pytest.mark.parametrize("change, message", [
    ({"days": [{"modules": ["no_such_module"]}]}, "day 1: no module 'no_such_module'"),
    ({"audiences": ["judge_only"]}, "module 'identification' is for none of the path's audiences"),
    ({"days": [{"modules": ["identification", "identification", "identification"]}]},
     "day 1: the agenda ends at"),
    ({"days": [{"start": "15:00", "modules": ["identification"]}]}, "after the day's end at 17:30"),
    ({"level": "beginner"}, "level should be basic or advanced"),
])
def test_a_path_that_does_not_fit_is_caught(kit_copy, capsys, change, message):
    write_paths(kit_copy, [{**BASE, **change}])
    assert main(["--root", str(kit_copy), "check"]) == 1
    assert message in capsys.readouterr().out


def test_an_advanced_module_in_a_basic_path_is_caught(kit_copy, capsys):
    import nbformat
    path = kit_copy / "modules" / "identification.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["scenariokit"]["module"]["level"] = "advanced"
    nbformat.write(nb, path)
    write_paths(kit_copy, [BASE])
    assert main(["--root", str(kit_copy), "check"]) == 1
    assert "module 'identification' is advanced, the path is basic" in capsys.readouterr().out


def test_agenda_command_prints_a_participant_agenda_by_module(capsys):
    assert main(["--root", str(REPO), "agenda", "basic_first_line", "--participants"]) == 0
    out = capsys.readouterr().out
    assert "| 09:20–12:40 | Identifying child victims of trafficking |" in out
    assert "Graded scenarios: Nadia" not in out          # the trainer's detail stays out
