"""The month's events as iCalendar files (RFC 5545, with the ``icalendar`` library).

One file for the whole month and one per event, in each language of the site, with the
business's time zone (a VTIMEZONE), so a phone's calendar shows each event at the right hour
wherever the customer is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as IcsEvent

from generator.model.campaign import Campaign, Event

PRODID = "-//Appreciate//Customer Appreciation Month//EN"
FOLDER = "calendar"


def calendar_path(name: str, language: str, default: str) -> str:
    """``calendar/<name>.ics``; other languages in ``calendar/<lang>/``."""
    folder = FOLDER if language == default else f"{FOLDER}/{language}"
    return f"{folder}/{name}.ics"


def calendar_files(campaign: Campaign, language: str, today: date) -> dict[str, str]:
    """Every .ics file of one language: the month's and each event's, by path in the site.

    ``campaign`` is already in ``language``; ``today`` (the build day) stamps the files, so the
    same inputs give the same bytes.
    """
    if not campaign.events:
        return {}
    default = campaign.business.default_language
    stamp = datetime.combine(today, time(0), UTC)
    files = {
        calendar_path(campaign.id, language, default): _calendar(
            campaign, campaign.events, language, stamp, name=campaign.name
        )
    }
    for event in campaign.events:
        files[calendar_path(event.id, language, default)] = _calendar(
            campaign, [event], language, stamp, name=event.title
        )
    return files


def local(event_time: datetime, campaign: Campaign) -> datetime:
    """An event's time in the business's time zone (the YAML gives local times)."""
    zone = ZoneInfo(campaign.business.time_zone)
    return event_time.replace(tzinfo=zone) if event_time.tzinfo is None else event_time


def google_link(event: Event, campaign: Campaign) -> str:
    """A Google Calendar "add event" address for ``event``."""

    def utc(value: datetime) -> str:
        return local(value, campaign).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    query = {
        "action": "TEMPLATE",
        "text": str(event.title),
        "dates": f"{utc(event.start)}/{utc(event.finish)}",
        "details": str(event.description or ""),
        "location": where(event),
        "ctz": campaign.business.time_zone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def where(event: Event) -> str:
    """The place, or the video call's address."""
    return str(event.place) if event.place is not None else str(event.video or "")


def uid(event: Event, campaign: Campaign) -> str:
    return f"{event.id}@{campaign.id}.appreciate"


def _calendar(
    campaign: Campaign, events: list[Event], language: str, stamp: datetime, name: str
) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{campaign.business.name}: {name}")
    calendar.add("x-wr-timezone", campaign.business.time_zone)
    for event in events:
        entry = IcsEvent()
        entry.add("uid", uid(event, campaign))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", local(event.start, campaign))
        entry.add("dtend", local(event.finish, campaign))
        entry.add("summary", str(event.title))
        if event.description is not None:
            entry.add("description", str(event.description))
        entry.add("location", where(event))
        if event.video is not None:
            entry.add("url", str(event.video))
        entry.add(
            "organizer",
            f"mailto:{campaign.business.email}",
            parameters={"cn": campaign.business.name},
        )
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")
