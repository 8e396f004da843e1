"""Money, numbers, dates, opening hours and event times as each locale writes them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from generator.model.business import OpeningHours
from generator.pages.formatting import (
    date_range,
    day,
    event_time,
    money,
    number,
    opening_hours,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "text"),
    [
        (Decimal(150_000), "IDR", "en", f"IDR{NBSP}150,000"),  # letters never touch digits
        (Decimal(150_000), "IDR", "id", f"Rp{NBSP}150.000"),
        (Decimal(150_000), "IDR", "es", f"150.000{NBSP}IDR"),
        (Decimal(40), "EUR", "en", "€40"),  # no cents on a whole amount
        (Decimal("40.00"), "EUR", "es", f"40{NBSP}€"),
        (Decimal("19.5"), "EUR", "en", "€19.50"),
        (Decimal("19.5"), "EUR", "es", f"19,50{NBSP}€"),
        (Decimal("1234.56"), "USD", "en", "$1,234.56"),
    ],
)
def test_money(amount: Decimal, currency: str, locale: str, text: str) -> None:
    assert money(amount, currency, locale) == text


def test_numbers_group_thousands_by_locale() -> None:
    assert number(12_000, "en") == "12,000"
    assert number(12_000, "id") == "12.000"
    assert number(Decimal("12345.5"), "es") == "12.345,5"
    assert number(7, "es") == "7"


def test_days_and_ranges() -> None:
    assert day(date(2026, 11, 7), "en") == "November 7, 2026"
    assert day(date(2026, 11, 7), "es") == "7 de noviembre de 2026"
    assert day(date(2026, 11, 7), "id") == "7 November 2026"
    assert date_range(date(2026, 11, 1), date(2026, 11, 30), "es") == "1–30 de noviembre de 2026"
    across = date_range(date(2026, 11, 20), date(2027, 1, 5), "en")
    assert "2026" in across and "2027" in across and across.index("2026") < across.index("2027")


def hours(days: str, opens: str = "07:00", closes: str = "20:00") -> OpeningHours:
    return OpeningHours.model_validate({"days": days, "opens": opens, "closes": closes})


def test_opening_hours_name_a_run_of_three_days_or_more_as_a_range() -> None:
    rows = [
        hours("mon-fri"),
        hours("sat,sun", "9:30", "14:00"),
        hours("mon-wed"),
        hours("mon-tue"),
        hours("mon,wed,fri"),
    ]
    assert opening_hours(rows, "en") == [
        ("Monday – Friday", "07:00 – 20:00"),
        ("Saturday, Sunday", "09:30 – 14:00"),
        ("Monday – Wednesday", "07:00 – 20:00"),
        ("Monday, Tuesday", "07:00 – 20:00"),
        ("Monday, Wednesday, Friday", "07:00 – 20:00"),
    ]
    assert opening_hours(rows[:2], "id") == [
        ("Senin – Jumat", "07:00 – 20:00"),
        ("Sabtu, Minggu", "09:30 – 14:00"),
    ]
    assert opening_hours([], "es") == []


def test_an_event_names_its_time_zone_and_the_end_day_only_when_another() -> None:
    start = datetime(2026, 11, 7, 18, tzinfo=JAKARTA)
    assert event_time(start, datetime(2026, 11, 7, 20, tzinfo=JAKARTA), "en") == (
        "Saturday, November 7, 2026, 18:00 – 20:00 (Indonesia (Jakarta) Time)"
    )
    assert event_time(start, datetime(2026, 11, 8, 2, tzinfo=JAKARTA), "es") == (
        "sábado, 7 de noviembre de 2026, 18:00 – domingo, 8 de noviembre de 2026, 02:00 "
        "(hora de Indonesia (Yakarta))"
    )
