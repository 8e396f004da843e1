"""Where the month stands on a given day: upcoming, running or ended."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.model.campaign import Dates


class Phase(enum.Enum):
    UPCOMING = "upcoming"
    RUNNING = "running"
    ENDED = "ended"


@dataclass(frozen=True)
class CampaignStatus:
    phase: Phase
    days_to_start: int
    days_left: int
    """Days left including today while running; 0 otherwise."""


def status_on(dates: Dates, today: date) -> CampaignStatus:
    """The campaign's phase on ``today`` (the start and end days both count as running)."""
    if today < dates.start:
        return CampaignStatus(Phase.UPCOMING, (dates.start - today).days, 0)
    if today > dates.end:
        return CampaignStatus(Phase.ENDED, 0, 0)
    return CampaignStatus(Phase.RUNNING, 0, (dates.end - today).days + 1)
