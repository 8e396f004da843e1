"""The report a person reads: NPS, answers per day and language, complaints past their time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from generator.receiver.staff.report import FollowUps, follow_ups
from generator.receiver.storage import Storage, now


@dataclass
class Report:
    generated_at: datetime
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    per_day: list[tuple[str, int]] = field(default_factory=list)
    per_language: list[tuple[str, int]] = field(default_factory=list)
    open_complaints: list[dict[str, Any]] = field(default_factory=list)
    spam: int = 0
    follow_up: FollowUps | None = None
    """How the shop answered: within the promise, response times, check-backs, detractors."""

    @property
    def responses(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> int | None:
        """Net Promoter Score, −100 to 100: % promoters (9–10) − % detractors (0–6)."""
        if not self.responses:
            return None
        return round(100 * (self.promoters - self.detractors) / self.responses)

    @property
    def overdue(self) -> list[dict[str, Any]]:
        return [c for c in self.open_complaints if _aware(c["due_at"]) < self.generated_at]


def build_report(storage: Storage) -> Report:
    counts = storage.nps_counts()
    moment = now()
    return Report(
        generated_at=moment,
        promoters=sum(n for s, n in counts.items() if s >= 9),
        passives=sum(n for s, n in counts.items() if 7 <= s <= 8),
        detractors=sum(n for s, n in counts.items() if s <= 6),
        per_day=storage.answers_by("day"),
        per_language=storage.answers_by("lang"),
        open_complaints=storage.open_complaints(),
        spam=storage.spam_count(),
        follow_up=follow_ups(storage.engine, moment),
    )


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
