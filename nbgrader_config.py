"""nbgrader settings for the kit's course: solutions/ is the source, exercises/ the release."""
import os

here = os.path.dirname(os.path.abspath(__file__))
c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "child-trafficking-tot"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# The exchange through which trainees on one machine fetch and submit; the
# SCENARIOKIT_EXCHANGE variable points it elsewhere (tests, a shared folder).
c.Exchange.root = os.environ.get("SCENARIOKIT_EXCHANGE", os.path.join(here, ".exchange"))
c.Exchange.path_includes_course = True
# Deleted cells are put back by `scenariokit autograde` before nbgrader runs
# (nbgrader 0.9.6's own add_missing_cells fails when the cell before a deleted
# grade cell is a read-only cell, as scenario question cells are).
c.OverwriteCells.add_missing_cells = False
# Runaway code in a submission is stopped instead of hanging the grading run.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
# Written answers start with a clear invitation rather than nbgrader's default.
c.ClearSolutions.text_stub = "Write your answer here."
# Feedback keeps the explanations but never shows the key (hidden tests).
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import GetGrades  # noqa: E402

from scenariokit.nbgrader_ext import HideScenarioKeys  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, HideScenarioKeys, CSSHTMLHeaderPreprocessor]
