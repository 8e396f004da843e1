"""A campaign whose month follows the build day: every date moves by the same months."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from generator.model.campaign import FreeShipping, PersonalCode
from generator.model.loader import load_campaign
from generator.model.month import campaign_on, dates_on, months_to_follow, move_date
from tests.conftest import FIXTURE, REPO


@pytest.mark.parametrize(
    ("day", "months", "moved"),
    [
        (date(2026, 11, 1), 1, date(2026, 12, 1)),
        (date(2026, 11, 30), 1, date(2026, 12, 31)),  # the last day stays the last day
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 11, 21), 14, date(2028, 1, 21)),
        (date(2026, 11, 21), -11, date(2025, 12, 21)),
    ],
)
def test_move_date(day: date, months: int, moved: date) -> None:
    assert move_date(day, months) == moved


def test_the_demo_follows_the_build_day_and_keeps_its_dates_in_step() -> None:
    campaign = load_campaign(REPO / "campaigns" / "appreciation-2026.yaml").campaign
    assert campaign.dates.follow_today
    moved = campaign_on(campaign, date(2027, 2, 14))
    assert (moved.dates.start, moved.dates.end) == (date(2027, 2, 1), date(2027, 2, 28))
    code, shipping = moved.offers[0], moved.offers[1]
    assert isinstance(code, PersonalCode) and code.expires == date(2027, 3, 31)
    assert isinstance(shipping, FreeShipping)
    assert (shipping.starts, shipping.ends) == (date(2027, 2, 21), date(2027, 2, 28))
    assert moved.events[0].start == datetime(2027, 2, 7, 18, 0)
    # everything else is the same campaign
    assert moved.business == campaign.business and moved.survey == campaign.survey
    assert campaign_on(campaign, date(2026, 11, 3)) is campaign


def test_a_month_that_started_last_month_may_still_run() -> None:
    dates = load_campaign(REPO / "campaigns" / "appreciation-2026.yaml").campaign.dates
    spanning = dates.model_copy(update={"start": date(2026, 11, 15), "end": date(2026, 12, 14)})
    assert months_to_follow(spanning, date(2027, 3, 10)) == 3  # Feb 15 – Mar 14
    on = dates_on(spanning, date(2027, 3, 10))
    assert on.start <= date(2027, 3, 10) <= on.end


def test_a_campaign_with_fixed_dates_stays_put() -> None:
    campaign = load_campaign(FIXTURE / "campaigns" / "campaign.yaml").campaign
    assert not campaign.dates.follow_today
    assert campaign_on(campaign, date(2027, 6, 1)) is campaign
    assert dates_on(campaign.dates, date(2027, 6, 1)).end == campaign.dates.end
