"""nbgrader preprocessors the kit adds through nbgrader_config.py."""
from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool


class HideScenarioKeys(Preprocessor):
    """Keep answer keys out of trainees' feedback.

    nbgrader's feedback shows test cells as graded, hidden tests included; for a
    scenario that would hand the whole key to the trainee. This keeps each
    scenario cell's output (the score and the feedback that explains it) and
    drops its source, and drops the widget cells, whose answers the feedback
    already lists.
    """

    enabled = Bool(True, help="Hide scenario keys in feedback (on unless turned off).").tag(config=True)

    def preprocess(self, nb, resources):
        kept = []
        for cell in nb.cells:
            role = cell.get("metadata", {}).get("scenariokit", {}).get("role")
            if role == "question":
                continue
            if role == "spec" or "BEGIN HIDDEN TESTS" in cell.get("source", ""):
                cell.source = "# Feedback on your answers"
            kept.append(cell)
        nb.cells = kept
        return nb, resources
