"""``srcset`` parsed by the HTML standard's algorithm: its own examples, and its edge cases."""

from __future__ import annotations

import pytest

from generator.audit.srcset import Candidate, parse_srcset


def urls(value: str) -> list[str]:
    return [candidate.url for candidate in parse_srcset(value)]


def test_the_standards_density_example() -> None:
    # HTML standard, the img element: "/uploads/150-marie-lloyd.jpg 1.5x, ..."
    assert parse_srcset("/uploads/150-marie-lloyd.jpg 1.5x, /uploads/200-marie-lloyd.jpg 2x") == [
        Candidate("/uploads/150-marie-lloyd.jpg", density=1.5),
        Candidate("/uploads/200-marie-lloyd.jpg", density=2.0),
    ]


def test_the_standards_width_example() -> None:
    # HTML standard, the img element: the wolf in three widths
    assert parse_srcset("wolf-400.jpg 400w, wolf-800.jpg 800w, wolf-1600.jpg 1600w") == [
        Candidate("wolf-400.jpg", width=400),
        Candidate("wolf-800.jpg", width=800),
        Candidate("wolf-1600.jpg", width=1600),
    ]


def test_the_standards_sizes_example_over_several_lines() -> None:
    value = "swing-200.jpg 200w,\n             swing-400.jpg 400w,\n\tswing-800.jpg 800w"
    assert urls(value) == ["swing-200.jpg", "swing-400.jpg", "swing-800.jpg"]


def test_a_url_keeps_its_commas() -> None:
    # "data:image/png;base64,AAAA": the comma belongs to the URI, not between candidates
    assert parse_srcset("data:image/png;base64,iVBORw0KGgo= 1x, b.png 2x") == [
        Candidate("data:image/png;base64,iVBORw0KGgo=", density=1.0),
        Candidate("b.png", density=2.0),
    ]
    assert urls("a,b.png 1x,c.png 2x") == ["a,b.png", "c.png"]


def test_trailing_commas_end_a_url_without_descriptors() -> None:
    assert urls("a.png,b.png") == ["a.png,b.png"]  # one URL: a comma ends it only at its end
    assert urls("a.png, b.png") == ["a.png", "b.png"]
    assert urls("a.png,, b.png,,,") == ["a.png", "b.png"]
    assert urls(" , ,a.png") == ["a.png"]
    assert urls("") == []


def test_descriptors_follow_whitespace_and_may_hold_parentheses() -> None:
    assert urls("a.png 1x (x, y), b.png 2x") == ["b.png"]  # "(x, y)" is an invalid descriptor
    assert urls("data:,a ( , data:,b 1x, ), data:,c") == ["data:,c"]  # web-platform-tests


@pytest.mark.parametrize(
    "value",
    [
        *("a.png 0w", "a.png -1x", "a.png 1x 2x", "a.png 100w 2x", "a.png 10h", "a.png 1.x"),
        *("a.png +1x", "a.png 1e", "a.png w", "a.png 1q", "a.png 100W"),
    ],
)
def test_a_candidate_with_invalid_descriptors_is_dropped(value: str) -> None:
    assert parse_srcset(value) == []


def test_valid_descriptor_forms() -> None:
    assert parse_srcset("a.png 1e1x") == [Candidate("a.png", density=10.0)]
    assert parse_srcset("a.png .5x") == [Candidate("a.png", density=0.5)]
    assert parse_srcset("a.png 0x") == [Candidate("a.png", density=0.0)]
    assert parse_srcset("a.png 100w 50h") == [Candidate("a.png", width=100, height=50)]
    assert parse_srcset("a.png") == [Candidate("a.png")]
