"""The events: .ics files parsed back field by field, and the page's upcoming and past."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser

from generator.model.loader import load_campaign
from generator.model.translated import localized
from generator.pages.calendar import calendar_files
from generator.pages.site import render_site
from tests.conftest import REPO

DEMO = REPO / "campaigns" / "appreciation-2026.yaml"
JAKARTA = ZoneInfo("Asia/Jakarta")


def events_in_yaml() -> list[dict[str, object]]:
    return yaml.safe_load(DEMO.read_text(encoding="utf-8"))["events"]  # type: ignore[no-any-return]


def parse(text: str) -> Calendar:
    return Calendar.from_ical(text)


@pytest.mark.parametrize("language", ["en", "es", "id"])
def test_each_event_file_says_what_the_yaml_says(language: str) -> None:
    loaded = load_campaign(DEMO)
    files = calendar_files(localized(loaded.campaign, language), language, date(2026, 11, 25))
    folder = "calendar" if language == "en" else f"calendar/{language}"
    for raw in events_in_yaml():
        calendar = parse(files[f"{folder}/{raw['id']}.ics"])
        assert calendar["version"] == "2.0" and calendar["prodid"]
        (timezone,) = calendar.walk("VTIMEZONE")
        assert timezone["tzid"] == "Asia/Jakarta"
        (event,) = calendar.walk("VEVENT")
        start = datetime.strptime(str(raw["start"]), "%Y-%m-%d %H:%M").replace(tzinfo=JAKARTA)
        if "end" in raw:
            end = datetime.strptime(str(raw["end"]), "%Y-%m-%d %H:%M").replace(tzinfo=JAKARTA)
        else:
            end = start + timedelta(minutes=int(raw["duration_minutes"]))  # type: ignore[call-overload]
        assert event.decoded("dtstart") == start
        assert event["dtstart"].params["TZID"] == "Asia/Jakarta"
        assert event.decoded("dtend") == end
        assert str(event["summary"]) == raw["title"][language]  # type: ignore[index]
        assert str(event["description"]) == raw["description"][language]  # type: ignore[index]
        if "video" in raw:
            assert str(event["location"]) == raw["video"] == str(event["url"])
        else:
            assert str(event["location"]) == raw["place"][language]  # type: ignore[index]
        assert str(event["uid"]) == f"{raw['id']}@appreciation-2026.appreciate"
        assert event.decoded("dtstamp") == datetime(2026, 11, 25, tzinfo=ZoneInfo("UTC"))


def test_the_month_file_holds_every_event_once() -> None:
    loaded = load_campaign(DEMO)
    files = calendar_files(loaded.campaign, "en", date(2026, 11, 25))
    calendar = parse(files["calendar/appreciation-2026.ics"])
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert sorted(uids) == sorted(
        f"{e['id']}@appreciation-2026.appreciate" for e in events_in_yaml()
    )
    assert len(calendar.walk("VTIMEZONE")) == 1


def sections(build_day: date) -> dict[str, list[str]]:
    """The events page's headings under "Coming up" and "Past events", on ``build_day``."""
    pages = {(p.language, p.path): p for p in render_site(load_campaign(DEMO), build_day)}
    markdown = pages["en", "events.md"].markdown
    upcoming, _, past = markdown.partition("{ #past }")

    def ids(text: str) -> list[str]:
        return [
            line.split("{ #")[1].rstrip(" }")
            for line in text.splitlines()
            if line.startswith("### ")
        ]

    return {"upcoming": ids(upcoming), "past": ids(past)}


def test_upcoming_and_past_on_a_fixed_build_day() -> None:
    assert sections(date(2026, 11, 1)) == {
        "upcoming": ["cupping-night", "meet-the-roasters", "latte-art"],
        "past": [],
    }
    # the cupping night (Nov 7) is over; the video chat (Nov 27) and latte art (Nov 29) are not
    assert sections(date(2026, 11, 25)) == {
        "upcoming": ["meet-the-roasters", "latte-art"],
        "past": ["cupping-night"],
    }
    # an event is upcoming all through its own day
    assert sections(date(2026, 11, 29))["upcoming"] == ["latte-art"]
    assert sections(date(2026, 12, 1)) == {
        "upcoming": [],
        "past": ["latte-art", "meet-the-roasters", "cupping-night"],
    }


def test_the_page_links_each_calendar_file_and_google_calendar() -> None:
    pages = {(p.language, p.path): p for p in render_site(load_campaign(DEMO), date(2026, 11, 25))}
    markdown = pages["es", "events.md"].markdown
    assert "(calendar/es/appreciation-2026.ics)" in markdown
    assert "(calendar/es/latte-art.ics)" in markdown
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in markdown
    assert "dates=20261129T030000Z%2F20261129T050000Z" in markdown  # 10:00–12:00 in Jakarta


def test_a_built_site_serves_the_calendar_files(tmp_path: Path) -> None:
    from tests.conftest import appreciate

    site = tmp_path / "site"
    assert appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO).returncode == 0
    for language in ("", "es/", "id/"):
        page = LexborHTMLParser((site / language / "events" / "index.html").read_text("utf-8"))
        links = [a.attributes["href"] or "" for a in page.css("article a[href$='.ics']")]
        assert len(links) == 4  # the month, and each of the three events
        for href in links:
            target = (site / language / "events" / href).resolve()
            assert parse(target.read_text(encoding="utf-8")).walk("VEVENT"), href
