"""Dates, money and opening hours written for people, in a locale, with Babel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval, format_time, get_day_names
from babel.numbers import format_currency

from generator.model.campaign import OpeningHours


def money(amount: Decimal, currency: str, locale: str) -> str:
    """``150000 IDR`` → ``IDR 150,000``: the locale's pattern, without cents on whole amounts."""
    if amount == amount.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "")
        return format_currency(amount, currency, format=whole, locale=locale, currency_digits=False)
    return format_currency(amount, currency, locale=locale)


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
