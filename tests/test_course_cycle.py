"""The real nbgrader cycle on a temporary course: release, fetch, submit, collect, autograde, export, feedback."""
from __future__ import annotations

import time

import pytest

import trainees as t
from scenariokit.cli import main
from scenariokit.model import key_answer

pytestmark = pytest.mark.slow


def key_answers(scenario):
    return {scenario.id: {q.id: key_answer(q) for q in scenario.questions if q.autograded}}


def test_grading_cycle_gives_exact_scores_and_survives_broken_submissions(course, tmp_path, scenario, capsys):
    root = ["--root", str(course)]
    assert main(root + ["release", "--exchange"]) == 0
    sid = scenario.id
    full = key_answers(scenario)
    trainees = {
        # name: (how they answer, expected autograded score)
        "all_correct": (lambda f: t.answer(f, "demo", full), 14.0),
        "partly": (lambda f: t.answer(f, "demo", {sid: {
            "first_step": "confront_adult",              # harmful: 0
            "indicators": ["debt", "phone"],             # 1 right - 1 wrong = 0
            "phases": ["rapport", "introduction", "free_recall", "closure"],  # 5 of 6 pairs: 2.5
            "interview_path": ["explain_role", "repeat_interview"],  # harmful on the path: 0
        }}), 2.5),
        "good_but_harmful": (lambda f: t.answer(f, "demo", {sid: {
            **full[sid], "indicators": ["no_documents", "debt", "rehearsed", "hand_over"]}}), 11.0),
        "blank": (lambda f: None, 0.0),
        "broken_file": (lambda f: t.answer(f, "demo", raw='{"answers": {"test_all_types": {"first_st'), 0.0),
        "wrong_types": (lambda f: t.answer(f, "demo", {sid: {
            "first_step": ["separate_safely"], "indicators": "debt",
            "phases": full[sid]["phases"], "elements": "act", "interview_path": {"a": 1}}}), 3.0),
        "deleted_grade_cell": (lambda f: (t.answer(f, "demo", full), t.delete_cell(f, "demo", sid)), 14.0),
        "deleted_question_cell": (lambda f: (t.answer(f, "demo", full),
                                             t.delete_cell(f, "demo", f"{sid}-first_step")), 14.0),
        "broken_notebook": (lambda f: (t.answer(f, "demo", full), (f / "demo.ipynb").write_text("{not json")), 14.0),
        "unknown_scenario_only": (lambda f: t.answer(f, "demo", {"some_other": {"x": "y"}}), 0.0),
    }
    for name, (do, _expected) in trainees.items():
        home = tmp_path / "homes" / name
        folder = t.fetch(home, "demo")
        do(folder)
        if name != "broken_notebook":
            t.write_text_answer(folder, "demo", f"{sid}-referral_note", "I would name the indicators.")
        t.submit(home, "demo", name)

    assert main(root + ["collect", "demo"]) == 0
    start = time.perf_counter()
    assert main(root + ["autograde", "demo"]) == 0
    out = capsys.readouterr().out
    assert "Repaired: deleted_grade_cell/demo.ipynb: 1 deleted cell(s) put back (test_all_types)" in out
    assert "Repaired: broken_notebook/demo.ipynb" in out and "not a valid notebook" in out
    print(f"autograde of {len(trainees)} trainees: {time.perf_counter() - start:.1f} s")
    csv_path = tmp_path / "grades.csv"
    assert main(root + ["export", "--to", str(csv_path)]) == 0
    import csv
    rows = {r["student_id"]: r for r in csv.DictReader(open(csv_path))}
    for name, (_do, expected) in trainees.items():
        assert float(rows[name]["score"]) == pytest.approx(expected), name
        assert float(rows[name]["max_score"]) == 16.0

    assert main(root + ["feedback", "demo"]) == 0
    fb = (course / "feedback" / "broken_file" / "demo" / "demo.html").read_text()
    assert "is not valid JSON" in fb and "scored zero" in fb
    fb = (course / "feedback" / "partly" / "demo" / "demo.html").read_text()
    assert "This choice could do harm" in fb and "5 of 6 pairs" in fb
    fb = (course / "feedback" / "wrong_types" / "demo" / "demo.html").read_text()
    assert "could not be read (expected one option, got list)" in fb
    fb = (course / "feedback" / "blank" / "demo" / "demo.html").read_text()
    assert "No answers were found" in fb
    for student in trainees:
        fb = (course / "feedback" / student / "demo" / "demo.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in fb and "correct: true" not in fb, f"key leaked to {student}"
