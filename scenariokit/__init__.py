"""scenariokit: graded scenario exercises that trainees answer with widgets.

The path of an answer: the author's scenario (a YAML block in a solutions
notebook) -> `scenariokit sync` -> released exercise (nbgrader) -> widgets ->
answers file -> submission -> `grade` in the hidden tests -> gradebook and feedback.
"""

__version__ = "0.1.0"


def ask(*args, **kwargs):
    """Show a graded question (see scenariokit.widgets.ask)."""
    from .widgets import ask as _ask
    return _ask(*args, **kwargs)


def practice(*args, **kwargs):
    """Show an ungraded practice question (see scenariokit.widgets.practice)."""
    from .widgets import practice as _practice
    return _practice(*args, **kwargs)


def grade(*args, **kwargs):
    """Grade one scenario from the answers file (see scenariokit.grading.grade)."""
    from .grading import grade as _grade
    return _grade(*args, **kwargs)
