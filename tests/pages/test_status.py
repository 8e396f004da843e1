from __future__ import annotations

from datetime import date

import pytest

from generator.model.campaign import Dates
from generator.pages.build_day import build_date
from generator.pages.status import Phase, status_on

MONTH = Dates(start=date(2026, 11, 1), end=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("today", "phase", "days_to_start", "days_left"),
    [
        (date(2026, 10, 25), Phase.UPCOMING, 7, 0),
        (date(2026, 10, 31), Phase.UPCOMING, 1, 0),
        (date(2026, 11, 1), Phase.RUNNING, 0, 30),
        (date(2026, 11, 30), Phase.RUNNING, 0, 1),
        (date(2026, 12, 1), Phase.ENDED, 0, 0),
    ],
)
def test_phase_on_each_side_of_the_dates(
    today: date, phase: Phase, days_to_start: int, days_left: int
) -> None:
    status = status_on(MONTH, today)
    assert (status.phase, status.days_to_start, status.days_left) == (
        phase,
        days_to_start,
        days_left,
    )


def test_build_date_override_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRECIATE_TODAY", "2026-11-02")
    assert build_date("Asia/Jakarta") == date(2026, 11, 2)
    assert build_date("Asia/Jakarta", "2026-12-24") == date(2026, 12, 24)
    monkeypatch.delenv("APPRECIATE_TODAY")
    # the business's day: Kiritimati (UTC+14) and Niue (UTC-11) are never on the same date
    assert build_date("Pacific/Kiritimati") != build_date("Pacific/Niue")
