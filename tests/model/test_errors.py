"""Input problems as one line each: where, what, how to fix; closest-match hints."""

from __future__ import annotations

import pytest

from generator.errors import AppreciateError
from generator.model.errors import InputError, Problem, closest, did_you_mean, field_path


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("offers", 1, "percent"), "offers[1].percent"),
        (("business", "opening_hours", 0, "opens"), "business.opening_hours[0].opens"),
        (("name",), "name"),
        ((0, "id"), "[0].id"),
        ((), ""),
    ],
)
def test_field_path(loc: tuple[str | int, ...], path: str) -> None:
    assert field_path(loc) == path


def test_the_closest_choice_or_none() -> None:
    assert closest("gfit", ["gift", "percent"]) == "gift"
    assert closest("zzz", ["gift", "percent"]) is None
    assert closest("gift", []) is None
    assert did_you_mean("nmae", ("name", "email")) == "did you mean 'name'?"
    assert did_you_mean("qqqq", ("name", "email")) is None


@pytest.mark.parametrize(
    ("problem", "line"),
    [
        (
            Problem("campaign.yaml", 3, "id", "is required", "add 'id:'"),
            "campaign.yaml:3: id: is required (hint: add 'id:')",
        ),
        (
            Problem("campaign.yaml", 7, "", "mapping values are not allowed", column=12),
            "campaign.yaml:7:12: mapping values are not allowed",
        ),
        (Problem("returns.yaml", None, "steps", "is empty"), "returns.yaml: steps: is empty"),
        (  # a column without a line says nothing
            Problem("returns.yaml", None, "steps", "is empty", column=4),
            "returns.yaml: steps: is empty",
        ),
    ],
    ids=["line, field and hint", "line and column", "no line", "column without line"],
)
def test_a_problem_reads_as_one_line(problem: Problem, line: str) -> None:
    assert str(problem) == line


def test_an_input_error_holds_every_problem_one_per_line() -> None:
    problems = (
        Problem("campaign.yaml", 3, "id", "is required", "add 'id:'"),
        Problem("returns.yaml", 1, "window_days", "must be a whole number"),
    )
    error = InputError(problems)
    assert isinstance(error, AppreciateError) and error.exit_code == 2
    assert error.problems == list(problems)
    assert (
        error.report()
        == str(error)
        == (
            "campaign.yaml:3: id: is required (hint: add 'id:')\n"
            "returns.yaml:1: window_days: must be a whole number"
        )
    )
