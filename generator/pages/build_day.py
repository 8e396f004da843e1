"""The day a site is built for: today in the business's time zone, unless one is given."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from generator.errors import AppreciateError

TODAY_VARIABLE = "APPRECIATE_TODAY"


class BuildDateError(AppreciateError, ValueError):
    """The day to build for is not a date."""


def build_date(time_zone: str, override: str | None = None) -> date:
    """The day of the build in the business's time zone, or ``override`` / $APPRECIATE_TODAY."""
    fixed = override or os.environ.get(TODAY_VARIABLE)
    if not fixed:
        return datetime.now(ZoneInfo(time_zone)).date()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        source = "plugins.appreciate.today" if override else f"${TODAY_VARIABLE}"
        raise BuildDateError(
            f"{source}: '{fixed}' is not a date (hint: write it as YYYY-MM-DD)"
        ) from None
