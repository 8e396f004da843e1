"""Loading a campaign and its returns policy: every problem of both files at once."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.model.errors import InputError
from generator.model.loader import LoadedCampaign, languages_of, load_campaign
from tests.conftest import FIXTURE

CAMPAIGNS = FIXTURE / "campaigns"


def copy(tmp_path: Path, *replacements: tuple[str, str], returns: str | None = None) -> Path:
    """The fixture's campaign and returns policy in ``tmp_path``, with lines replaced."""
    text = (CAMPAIGNS / "campaign.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    (tmp_path / "campaign.yaml").write_text(text, encoding="utf-8")
    if returns is None:
        shutil.copyfile(CAMPAIGNS / "returns.yaml", tmp_path / "returns.yaml")
    else:
        (tmp_path / "returns.yaml").write_text(returns, encoding="utf-8")
    return tmp_path / "campaign.yaml"


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_campaign(path)
    return [str(p).replace(str(path.parent), "") for p in caught.value.problems]


def test_a_loaded_campaign_knows_its_files_and_lines(tmp_path: Path) -> None:
    path = copy(tmp_path)
    loaded = load_campaign(path)
    assert loaded.files == (path, (tmp_path / "returns.yaml").resolve())
    assert loaded.returns.window_days == 30
    assert loaded.where(("business", "currency")).endswith("campaign.yaml:14")
    problem = loaded.problem(("dates", "end"), "is too late", "end sooner")
    assert (problem.line, problem.field, str(problem).split(": ", 1)[1]) == (
        23,
        "dates.end",
        "dates.end: is too late (hint: end sooner)",
    )


def test_problems_of_both_files_are_reported_together(tmp_path: Path) -> None:
    returns = (CAMPAIGNS / "returns.yaml").read_text(encoding="utf-8")
    returns = returns.replace("window_days: 30", "window_days: soon")
    path = copy(tmp_path, ("  currency: EUR", "  currency: EURO"), returns=returns)
    found = problems(path)
    assert len(found) == 2
    assert found[0].endswith("campaign.yaml:14: business.currency: 'EURO' is not an ISO 4217 "
                             "currency code (hint: did you mean 'EUR'?)")  # fmt: skip
    assert "returns.yaml:1: window_days: must be a whole number" in found[1]


def test_a_missing_returns_policy_is_named_at_its_line(tmp_path: Path) -> None:
    path = copy(tmp_path, ("returns_policy: returns.yaml", "returns_policy: policy.yaml"))
    (found,) = problems(path)
    assert "campaign.yaml:65: returns_policy: file 'policy.yaml' not found" in found
    assert "(hint: the path is relative to " in found


def test_a_campaign_without_a_returns_policy_is_one_problem(tmp_path: Path) -> None:
    path = copy(tmp_path, ("returns_policy: returns.yaml\n", ""))
    (found,) = problems(path)
    assert "returns_policy: is required" in found


def test_on_moves_only_a_campaign_that_follows_the_build_day(tmp_path: Path) -> None:
    fixed = load_campaign(copy(tmp_path))
    assert fixed.on(date(2027, 3, 5)).campaign.dates == fixed.campaign.dates
    following = load_campaign(
        copy(tmp_path, ("  end: 2026-11-30\n", "  end: 2026-11-30\n  follow_today: true\n"))
    )
    moved = following.on(date(2027, 3, 5))
    assert isinstance(moved, LoadedCampaign) and moved.source is following.source
    assert (moved.campaign.dates.start, moved.campaign.dates.end) == (
        date(2027, 3, 1),
        date(2027, 3, 31),
    )
    assert following.campaign.dates.start == date(2026, 11, 1)  # the original is kept


@pytest.mark.parametrize(
    ("data", "context"),
    [
        ({}, {"default_language": "en", "languages": ("en",)}),
        ([1, 2], {"default_language": "en", "languages": ("en",)}),
        ({"business": "Kopi"}, {"default_language": "en", "languages": ("en",)}),
        (
            {"business": {"default_language": "id", "languages": ["en", "id", "es"]}},
            {"default_language": "id", "languages": ("id", "en", "es")},
        ),
        (  # unknown and repeated languages are left to validation, not to the texts
            {"business": {"default_language": "fr", "languages": ["es", "fr", "es", 7]}},
            {"default_language": "en", "languages": ("en", "es")},
        ),
        (
            {"business": {"languages": "es"}},
            {"default_language": "en", "languages": ("en",)},
        ),
    ],
    ids=["empty", "not a mapping", "business not a mapping", "listed", "unknown", "not a list"],
)
def test_languages_of_the_raw_file(data: Any, context: dict[str, Any]) -> None:
    assert languages_of(data) == context
