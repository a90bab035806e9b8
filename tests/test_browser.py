"""What a trainee sees: JupyterLab in headless Chromium, answering an exercise by clicking."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lab import CHROMIUM, FLAGS, jupyterlab
from scenariokit import notebooks as nbs

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"


def run_all(page):
    page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()


def test_trainee_answers_exercise_by_clicking_and_answers_are_saved(tmp_path):
    from playwright.sync_api import sync_playwright
    trainee = tmp_path / "trainee"
    shutil.copytree(REPO / "exercises" / "identification", trainee / "identification")
    ARTIFACTS.mkdir(exist_ok=True)
    answers_file = trainee / "identification" / "identification_scenarios.answers.json"
    with jupyterlab(trainee, tmp_path / "lab") as (url, token), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/lab/tree/identification/identification_scenarios.ipynb?token={token}")
        run_all(page)
        questions = page.locator(".jp-OutputArea-output .scenariokit-question")
        questions.first.wait_for(timeout=60_000)
        page.wait_for_function("document.querySelectorAll('.scenariokit-question').length >= 9", timeout=60_000)
        assert page.get_by_text("Loading widget").count() == 0

        # Multiple choice: tick two indicators.
        page.get_by_role("checkbox", name="The man holds her identity card and hands it over for her").check()
        page.get_by_role("checkbox", name="The man answers the questions put to Nadia").check()
        # Single choice: a radio button.
        page.get_by_role("radio", name="Tell the man, in front of Nadia", exact=False).check()
        page.wait_for_timeout(500)
        q1 = page.locator(".scenariokit-question").first
        q1.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "exercise-answered.png"))

        # Branching: decide, and the story moves on to the next situation.
        page.get_by_role("radio", name="Introduce yourself, explain simply", exact=False).check()
        branch = page.locator(".scenariokit-branch")
        branch.get_by_role("button", name="Decide").click()
        page.get_by_text("At 02:30 a woman arrives at the border post", exact=False).wait_for()
        branch.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "exercise-branch.png"))

        # Match: choose a category from a row's list.
        row = page.locator(".scenariokit-match .widget-hbox", has_text="Four months ago he contacted her")
        row.locator("select").select_option(label="Act")
        # Order: move the second item up; the order is saved as option ids.
        order = page.locator(".scenariokit-order").first
        order.scroll_into_view_if_needed()
        texts = order.locator(".widget-hbox .widget-html-content").all_text_contents()
        shown = [t.split(". ", 1)[1] for t in texts]
        order.locator("button[title='Move up']").nth(1).click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "exercise-order.png"))

        saved = json.loads(answers_file.read_text())["answers"]
        assert saved["nadia_border_crossing"]["social_worker_path"] == ["explain_and_presume"]
        assert saved["nadia_border_crossing"]["definition_elements"] == {"contacted_online": "act"}
        sami = next(sc for sc, _ in nbs.scenarios_in(REPO / "solutions" / "identification" /
                                                     "identification_scenarios.ipynb") if sc.id == "sami_fourth_arrest")
        ids = {o.text: o.id for o in sami.question("order_of_steps").options}
        expected = [ids[shown[1]], ids[shown[0]]] + [ids[t] for t in shown[2:]]
        assert saved["sami_fourth_arrest"]["order_of_steps"] == expected
        saved = saved["nadia_border_crossing"]
        assert saved["indicators_on_coach"] == ["man_holds_documents", "speaks_for_her"]
        assert saved["guard_first_step"] == "confront_man"
        assert page.locator(".scenariokit-status", has_text="Saved at").count() >= 2

        # Reopening restores the answers: reload the page and run again.
        page.reload()
        run_all(page)
        page.wait_for_function("document.querySelectorAll('.scenariokit-question').length >= 9", timeout=60_000)
        assert page.get_by_role("checkbox", name="The man answers the questions put to Nadia").is_checked()
        assert page.get_by_role("radio", name="Tell the man, in front of Nadia", exact=False).is_checked()
        browser.close()
