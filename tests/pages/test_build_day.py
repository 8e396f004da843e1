from __future__ import annotations

from datetime import date

import pytest

from generator.pages.build_day import BuildDateError, build_date


def test_a_bad_build_day_names_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(BuildDateError, match=r"^plugins.appreciate.today: 'tomorrow' is not"):
        build_date("Europe/Madrid", "tomorrow")
    monkeypatch.setenv("APPRECIATE_TODAY", "2026-13-01")
    with pytest.raises(BuildDateError, match=r"^\$APPRECIATE_TODAY: '2026-13-01' is not"):
        build_date("Europe/Madrid")


def test_a_given_day_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRECIATE_TODAY", "2026-11-02")
    assert build_date("Asia/Jakarta") == date(2026, 11, 2)
    assert build_date("Asia/Jakarta", "2026-11-30") == date(2026, 11, 30)
