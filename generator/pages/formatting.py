"""Dates, money and opening hours written for people, in a locale, with Babel."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    format_time,
    get_day_names,
    get_timezone_name,
)
from babel.numbers import format_currency, format_decimal

from generator.model.campaign import OpeningHours

# CLDR's currency spacing, which Babel leaves out: a symbol of letters does not touch a digit
_LETTERS_THEN_DIGIT = re.compile(r"(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])")


def money(amount: Decimal, currency: str, locale: str) -> str:
    """``150000 IDR`` → ``IDR 150,000`` (en), ``Rp 150.000`` (id), ``150.000 IDR`` (es).

    The locale's pattern, without cents on whole amounts.
    """
    if amount == amount.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "")
        text = format_currency(amount, currency, format=whole, locale=locale, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale)
    return _LETTERS_THEN_DIGIT.sub("\u00a0", text)


def number(value: int | Decimal, locale: str) -> str:
    """``12000`` → ``12,000`` (en), ``12.000`` (es, id)."""
    return format_decimal(value, locale=locale)


def day(value: date, locale: str) -> str:
    return format_date(value, format="long", locale=locale)


def date_range(start: date, end: date, locale: str) -> str:
    return format_interval(start, end, skeleton="yMMMMd", locale=locale)


def opening_hours(hours: list[OpeningHours], locale: str) -> list[tuple[str, str]]:
    """One ``(days, times)`` pair per entry, e.g. ``("Monday – Friday", "07:00 – 20:00")``."""
    names = get_day_names("wide", locale=locale)
    rows = []
    for entry in hours:
        days = entry.weekdays
        if len(days) > 2 and list(days) == list(range(days[0], days[-1] + 1)):
            label = f"{names[days[0]]} – {names[days[-1]]}"
        else:
            label = ", ".join(names[d] for d in days)
        opens = format_time(entry.opens, "HH:mm", locale=locale)
        closes = format_time(entry.closes, "HH:mm", locale=locale)
        times = f"{opens} – {closes}"
        rows.append((label, times))
    return rows


def event_time(start: datetime, end: datetime, locale: str) -> str:
    """``Saturday, November 7, 2026, 18:00 – 20:00 (Indonesia (Jakarta) Time)``.

    ``start`` and ``end`` carry the business's time zone, which is named.
    """
    begins = (
        f"{format_date(start, 'full', locale=locale)}, {format_time(start, 'HH:mm', locale=locale)}"
    )
    if end.date() == start.date():
        ends = format_time(end, "HH:mm", locale=locale)
    else:
        ends = (
            f"{format_date(end, 'full', locale=locale)}, {format_time(end, 'HH:mm', locale=locale)}"
        )
    zone = get_timezone_name(start.tzinfo, locale=locale)
    return f"{begins} – {ends} ({zone})"
