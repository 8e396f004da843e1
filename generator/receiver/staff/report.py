"""The follow-up figures of the report: answered within the promise, response times, check-backs.

Per language and for all: complaints answered within their promised time (%), the median and
90th-percentile first-response time, open items past their promise, the check-backs' results
(% solved, mean satisfaction), and the detractors followed up (%).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select

from generator.receiver.tables import answers, checkbacks, complaints

ALL = "all"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class FollowUp:
    """The figures of one language (or of ``all``)."""

    lang: str
    answered: int = 0
    within_promise: int = 0
    first_responses: list[timedelta] = field(default_factory=list)
    open_past_promise: int = 0
    checkbacks: int = 0
    solved: int = 0
    satisfaction: list[int] = field(default_factory=list)
    detractors: int = 0
    detractors_followed: int = 0

    @property
    def within_promise_percent(self) -> int | None:
        return _percent(self.within_promise, self.answered)

    @property
    def median_first_response(self) -> timedelta | None:
        seconds = [span.total_seconds() for span in self.first_responses]
        return timedelta(seconds=statistics.median(seconds)) if seconds else None

    @property
    def p90_first_response(self) -> timedelta | None:
        """The 90th percentile (nearest rank): nine in ten first replies came sooner or then."""
        spans = sorted(self.first_responses)
        return spans[math.ceil(0.9 * len(spans)) - 1] if spans else None

    @property
    def solved_percent(self) -> int | None:
        return _percent(self.solved, self.checkbacks)

    @property
    def mean_satisfaction(self) -> float | None:
        return round(statistics.fmean(self.satisfaction), 1) if self.satisfaction else None

    @property
    def followed_percent(self) -> int | None:
        return _percent(self.detractors_followed, self.detractors)


@dataclass
class FollowUps:
    languages: list[FollowUp]
    """``all`` first, then each language seen."""
    past_promise: list[dict[str, Any]]
    """Open complaints and detractors' answers past their promised time, the oldest first."""


def follow_ups(engine: Engine, moment: datetime) -> FollowUps:
    """Every follow-up figure, read from the database at ``moment``."""
    figures: dict[str, FollowUp] = {ALL: FollowUp(ALL)}

    def of(lang: str) -> list[FollowUp]:
        return [figures[ALL], figures.setdefault(lang, FollowUp(lang))]

    past: list[dict[str, Any]] = []
    with engine.connect() as connection:
        for row in connection.execute(
            select(
                complaints.c.ticket,
                complaints.c.lang,
                complaints.c.received_at,
                complaints.c.due_at,
                complaints.c.answered_at,
                complaints.c.first_response_at,
                complaints.c.email,
            )
        ):
            _count_item(row._mapping, of(row.lang), moment, past, "complaint")
        for row in connection.execute(
            select(
                answers.c.ticket,
                answers.c.lang,
                answers.c.received_at,
                answers.c.due_at,
                answers.c.answered_at,
                answers.c.first_response_at,
                answers.c.email,
            ).where(answers.c.ticket.is_not(None))
        ):
            for figure in of(row.lang):
                figure.detractors += 1
                if row.answered_at is not None or row.first_response_at is not None:
                    figure.detractors_followed += 1
            _count_item(row._mapping, of(row.lang), moment, past, "answer")
        for check in connection.execute(
            select(checkbacks.c.lang, checkbacks.c.solved, checkbacks.c.satisfaction).where(
                checkbacks.c.answered_at.is_not(None)
            )
        ):
            for figure in of(check.lang):
                figure.checkbacks += 1
                figure.solved += bool(check.solved)
                if check.satisfaction is not None:
                    figure.satisfaction.append(int(check.satisfaction))
    past.sort(key=lambda item: item["due_at"])
    languages = [figures[ALL], *(figures[k] for k in sorted(figures) if k != ALL)]
    return FollowUps(languages, past)


def _count_item(
    row: Any, figures: list[FollowUp], moment: datetime, past: list[dict[str, Any]], kind: str
) -> None:
    """One item's figures: past its promise or not; for a complaint, how it was answered."""
    due = _aware(row["due_at"])
    done = row["first_response_at"] or row["answered_at"]
    if done is None:
        if due < moment:
            past.append({**dict(row), "kind": kind, "due_at": due})
            for figure in figures:
                figure.open_past_promise += 1
        return
    if kind != "complaint":
        return
    for figure in figures:
        figure.answered += 1
        figure.within_promise += _aware(done) <= due
        if row["first_response_at"] is not None:
            figure.first_responses.append(
                _aware(row["first_response_at"]) - _aware(row["received_at"])
            )
