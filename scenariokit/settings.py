"""Where the kit finds things, and what it requires of a module: one place, each with its reason."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _find_root(start: Path) -> Path:
    for p in [start, *start.parents]:
        if (p / "nbgrader_config.py").exists() and (p / "solutions").is_dir():
            return p
    return start


@dataclass
class Settings:
    root: Path = field(default_factory=lambda: _find_root(Path(os.environ.get("SCENARIOKIT_ROOT", os.getcwd()))),
                       metadata={"help": "The course folder: it holds nbgrader_config.py and solutions/."})
    modules_dir: str = field(default="modules", metadata={"help": "Teaching notebooks."})
    solutions_dir: str = field(default="solutions", metadata={
        "help": "Graded scenarios with their keys: nbgrader's source directory."})
    exercises_dir: str = field(default="exercises", metadata={
        "help": "Released scenarios as trainees get them: nbgrader's release directory."})
    book_dir: str = field(default="book", metadata={"help": "Course-book pages and the table of contents."})
    build_dir: str = field(default="_build", metadata={"help": "Where both book editions are built."})
    module_sections: tuple = field(default=(
        "Learning objectives", "Duration", "Session plan", "Facilitator notes", "Practice activity",
        "Graded scenarios", "Key take-aways", "References"), metadata={
        "help": "Sections every module must have (as '## ' headings); the developers' guide lists them."})
    trainer_only_sections: tuple = field(default=("Session plan", "Facilitator notes"), metadata={
        "help": "Sections that must carry the trainer-only tag, so the trainee edition leaves them out."})
    trainer_only_tag: str = field(default="trainer-only", metadata={
        "help": "Cell tag for facilitator material: removed from the trainee edition."})

    def path(self, name: str) -> Path:
        return self.root / getattr(self, f"{name}_dir")

    def solution_notebooks(self) -> list[Path]:
        return sorted(p for p in self.path("solutions").glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)

    def module_notebooks(self) -> list[Path]:
        return sorted(self.path("modules").glob("*.ipynb"))

    def assignments(self) -> list[str]:
        return sorted(p.name for p in self.path("solutions").iterdir() if p.is_dir() and not p.name.startswith("."))
