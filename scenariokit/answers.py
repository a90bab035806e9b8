"""The answers file: what a trainee chose, saved beside the notebook on every change.

It stores option identifiers only, never display text, so a translated edition
grades exactly like the original. A broken file is never overwritten: it is
moved aside and the problem is reported.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

FORMAT = 1


class AnswersFileError(Exception):
    """The answers file exists but cannot be used; the message says what to do."""


def answers_path(notebook: str, folder: str | os.PathLike | None = None) -> Path:
    return Path(folder or os.getcwd()) / f"{notebook}.answers.json"


def load(path: Path) -> dict[str, dict[str, Any]]:
    """Return {scenario_id: {question_id: answer}}; {} when no file exists yet."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersFileError(f"The answers file {path.name} cannot be read ({exc}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswersFileError(
            f"The answers file {path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
            "It was probably edited by hand or cut short; nothing in it was changed."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict):
        raise AnswersFileError(
            f"The answers file {path.name} does not have the expected layout "
            "(an object with an 'answers' object inside); nothing in it was changed."
        )
    answers = data.get("answers", {})
    return {k: v for k, v in answers.items() if isinstance(k, str)}


def save(path: Path, notebook: str, answers: dict[str, dict[str, Any]]) -> None:
    """Write atomically, so a crash mid-write never leaves half a file."""
    payload = {"kit": "scenariokit", "format": FORMAT, "notebook": notebook,
               "saved": time.strftime("%Y-%m-%dT%H:%M:%S"), "answers": answers}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=1, ensure_ascii=False, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AnswerStore:
    """Read-modify-write access to one notebook's answers file."""

    def __init__(self, notebook: str, folder: str | os.PathLike | None = None):
        self.notebook = notebook
        self.path = answers_path(notebook, folder)
        self.warning = ""
        self._answers: dict = {}
        self._reload(move_aside=False)

    def _reload(self, move_aside: bool = True) -> None:
        """Read the file again. A broken file is only moved aside (never overwritten) when saving."""
        try:
            self._answers = load(self.path)
        except AnswersFileError as exc:
            self._answers = {}
            if not move_aside:
                self.warning = f"{exc} Your next choice will start a new answers file; the old one is kept."
                return
            kept = self.path.with_name(f"{self.path.stem}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
            os.replace(self.path, kept)
            self.warning = (f"{exc} It was kept as {kept.name} and a new answers file was started; "
                            "please tell your trainer.")

    def get(self, scenario: str, question: str) -> Any:
        entry = self._answers.get(scenario)
        return entry.get(question) if isinstance(entry, dict) else None

    def set(self, scenario: str, question: str, value: Any) -> None:
        # Re-read first: another widget or another open tab may have saved since.
        self._reload()
        entry = self._answers.get(scenario)
        if not isinstance(entry, dict):
            entry = self._answers[scenario] = {}
        if value is None:
            entry.pop(question, None)
        else:
            entry[question] = value
        save(self.path, self.notebook, self._answers)
