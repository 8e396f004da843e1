"""Events in the campaign file: one line per problem, at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.model.test_translated import load, problems

BAD = {
    "end before start": (
        "{id: talk, title: Talk, start: '2026-11-07 18:00', end: '2026-11-07 17:00', place: Café}",
        "events[0].end: must be after 'start'",
    ),
    "end and duration": (
        "{id: talk, title: Talk, start: '2026-11-07 18:00', end: '2026-11-07 19:00', duration_minutes: 60, place: Café}",
        "events[0].end: give exactly one of 'end' or 'duration_minutes'",
    ),
    "nowhere": (
        "{id: talk, title: Talk, start: '2026-11-07 18:00', duration_minutes: 60}",
        "events[0].place: needs a 'place' or a 'video' link",
    ),
    "not a time": (
        "{id: talk, title: Talk, start: 'the 7th at six', duration_minutes: 60, place: Café}",
        "events[0].start:",
    ),
}


@pytest.mark.parametrize(("line", "message"), BAD.values(), ids=list(BAD))
def test_a_wrong_event_is_one_line_at_its_line(tmp_path: Path, line: str, message: str) -> None:
    found = problems(tmp_path, ("faq:\n", f"events:\n  - {line}\nfaq:\n"))
    assert len(found) == 1, found
    assert found[0].startswith(f":61: {message}")


def test_two_events_with_one_id_are_refused(tmp_path: Path) -> None:
    event = "{id: talk, title: Talk, start: '2026-11-07 18:00', duration_minutes: 60, place: Café}"
    found = problems(tmp_path, ("faq:\n", f"events:\n  - {event}\n  - {event}\nfaq:\n"))
    assert found == [
        ":62: events[1].id: event id 'talk' is used twice (hint: give each event its own id)"
    ]


def test_an_event_ends_after_its_duration(tmp_path: Path) -> None:
    event = "{id: talk, title: Talk, start: '2026-11-07 18:00', duration_minutes: 90, video: 'https://meet.example/x'}"
    loaded = load(tmp_path, ("faq:\n", f"events:\n  - {event}\nfaq:\n"))
    assert loaded.campaign.events[0].finish.isoformat() == "2026-11-07T19:30:00"
