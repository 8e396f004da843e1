"""The month's activities: a tasting, a workshop, a video call with the team."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from pydantic import HttpUrl, model_validator

from generator.model.fields import InputModel, Slug, between, fail, require_one_of
from generator.model.translated import Text


class Event(InputModel):
    """One activity of the month: a tasting, a workshop, a video call with the team."""

    id: Slug
    title: Text
    start: datetime
    """Local time in the business's time zone, e.g. ``2026-11-07 18:00``."""
    end: datetime | None = None
    duration_minutes: Annotated[int, between(5, 7 * 24 * 60, "e.g. 90")] | None = None
    place: Text | None = None
    video: HttpUrl | None = None
    """The video call's address, for an online event."""
    description: Text | None = None

    @model_validator(mode="after")
    def _when_and_where(self) -> Event:
        require_one_of(self, "end", "duration_minutes", "event", "end: 2026-11-07 20:00")
        if self.end is not None and self.end <= self.start:
            raise fail(
                "order", "must be after 'start'", f"the event starts {self.start}", field="end"
            )
        if self.place is None and self.video is None:
            raise fail(
                "event",
                "needs a 'place' or a 'video' link",
                "where do customers go?",
                field="place",
            )
        return self

    @property
    def finish(self) -> datetime:
        """When the event ends (``end``, or ``start`` plus the duration)."""
        return self.end or self.start + timedelta(minutes=self.duration_minutes or 0)
