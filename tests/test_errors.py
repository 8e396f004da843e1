"""One base for the errors a person can fix: one line, exit code 2, never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.customers.codes import CodeKeyError
from generator.customers.csvfile import CustomerListError
from generator.customers.issue import NoCodeOffer, issue_codes
from generator.customers.reader import customer_reader
from generator.errors import AppreciateError
from generator.mkdocs_plugin.build import BuildFailed
from generator.model.errors import InputError, Problem
from generator.model.loader import load_campaign
from generator.pages.build_day import BuildDateError
from generator.scaffold import ScaffoldError
from tests.conftest import REPO, appreciate

DEMO = REPO / "campaigns" / "appreciation-2026.yaml"


@pytest.mark.parametrize(
    "kind",
    [InputError, CustomerListError, CodeKeyError, NoCodeOffer, BuildDateError, ScaffoldError],
)
def test_every_user_error_is_an_appreciate_error_with_exit_code_2(kind: type[Exception]) -> None:
    assert issubclass(kind, AppreciateError)
    assert kind.exit_code == 2  # type: ignore[attr-defined]


def test_an_error_carries_its_exit_code_and_line() -> None:
    failed = BuildFailed("the build stopped", 1)
    assert (failed.exit_code, failed.report()) == (1, "Error: the build stopped")
    problems = InputError([Problem("campaign.yaml", 3, "id", "is required", "add 'id:'")])
    assert problems.report() == "campaign.yaml:3: id: is required (hint: add 'id:')"


def test_codes_for_a_campaign_without_the_offer_is_not_a_key_error(tmp_path: Path) -> None:
    loaded = load_campaign(DEMO)
    campaign = loaded.campaign.model_copy(update={"offers": []})
    reader = customer_reader(loaded)
    assert reader is not None
    with pytest.raises(NoCodeOffer, match="no personal_code offer"):
        issue_codes(reader, campaign, b"k" * 32, tmp_path, date(2026, 11, 25), tmp_path / "r")


def test_the_cli_reports_a_bad_build_day_in_one_line(tmp_path: Path) -> None:
    result = appreciate("customers", "--campaign", str(DEMO), cwd=tmp_path, APPRECIATE_TODAY="soon")
    assert result.returncode == 2
    assert result.stderr == (
        "Error: $APPRECIATE_TODAY: 'soon' is not a date (hint: write it as YYYY-MM-DD)\n"
    )
