"""Country profiles: the template's standards, a filled profile shown, and a plain word when none is given."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scenariokit.cli import main
from scenariokit.profiles import check_profiles, page, template
from scenariokit.settings import Settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def kit(tmp_path):
    shutil.copytree(REPO / "book", tmp_path / "book")
    (tmp_path / "solutions").mkdir()
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    return Settings(root=tmp_path)


def test_the_template_lists_standards_with_instrument_and_article():
    rows = template(Settings(root=REPO))
    assert len(rows) >= 20
    assert check_profiles(Settings(root=REPO)) == []
    assert any(r["instrument"] == "CETS 197" and r["article"] == "Art. 10(3)" for r in rows)


def test_without_a_profile_the_page_says_so_plainly(kit):
    text = page(kit)
    assert "No country profile has been given" in text
    assert text.count("| ") > len(template(kit))          # the blank template follows


def test_a_filled_profile_is_shown_with_its_date_and_status(kit, capsys):
    assert main(["--root", str(kit.root), "profile", "new", "XK", "--country", "Exampleland"]) == 0
    path = kit.root / "book" / "country-profiles" / "xk.yml"
    data = yaml.safe_load(path.read_text())
    first = data["provisions"][0]
    first.update(provision="Criminal Code, s. 12", status="met")
    data["checked"] = "2026-11-01"
    path.write_text(yaml.safe_dump(data))
    text = page(kit)
    assert "No country profile has been given" not in text
    assert "## Exampleland" in text and "Last checked: **2026-11-01**" in text
    assert "| Criminal Code, s. 12 | Met |" in text
    assert "| Not yet checked |" in text                   # the rows not yet filled in say so
    assert main(["--root", str(kit.root), "profile", "new", "XK"]) == 1   # never overwrites


def test_a_profile_naming_an_unknown_standard_or_a_bad_date_is_caught(kit):
    path = kit.root / "book" / "country-profiles" / "zz.yml"
    path.write_text(yaml.safe_dump({"country": "Z", "checked": "last spring",
                                    "provisions": [{"id": "no_such_standard", "status": "fine"}]}))
    problems = check_profiles(kit)
    assert "book/country-profiles/zz.yml: 'checked' should be a date such as 2026-11-23" in problems
    assert "book/country-profiles/zz.yml: 'no_such_standard' is not a standard in the template" in problems
    assert any("status should be one of met, partly, gap, unknown" in p for p in problems)
