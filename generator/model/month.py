"""A campaign whose month follows the build day (``dates.follow_today``), as a demo needs.

Every date of the campaign moves by the same whole number of months, so offers, events and
expiry dates keep their place in the month; a date on the last day of its month stays on the
last day of the month it moves to.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from generator.model.business import Dates
    from generator.model.campaign import Campaign


def months_to_follow(dates: Dates, today: date) -> int:
    """How many months the campaign moves so that ``today`` falls within it (0 if it does not
    follow the build day)."""
    if not dates.follow_today:
        return 0
    months = (today.year - dates.start.year) * 12 + today.month - dates.start.month
    for shift in (months, months - 1):  # a month that started last month may still run
        if move_date(dates.start, shift) <= today <= move_date(dates.end, shift):
            return shift
    return months


def move_date(day: date, months: int) -> date:
    """``day`` moved by ``months``; the last day of a month stays the last day."""
    if months == 0:
        return day
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return day.replace(year=year, month=month + 1, day=last if at_end else min(day.day, last))


def dates_on(dates: Dates, today: date) -> Dates:
    """The campaign's dates as they stand on ``today``."""
    moved: Dates = _moved(dates, months_to_follow(dates, today))
    return moved


def campaign_on(campaign: Campaign, today: date) -> Campaign:
    """``campaign`` with every date moved to follow ``today`` (itself when it does not follow)."""
    months = months_to_follow(campaign.dates, today)
    moved: Campaign = campaign if months == 0 else _moved(campaign, months)
    return moved


def _moved(value: Any, months: int) -> Any:
    if months == 0:
        return value
    if isinstance(value, datetime):
        return datetime.combine(move_date(value.date(), months), value.timetz())
    if isinstance(value, date):
        return move_date(value, months)
    if isinstance(value, BaseModel):
        changes = {name: _moved(getattr(value, name), months) for name in type(value).model_fields}
        return value.model_copy(update=changes)
    if isinstance(value, list):
        return [_moved(item, months) for item in value]
    if isinstance(value, tuple):
        return tuple(_moved(item, months) for item in value)
    return value
