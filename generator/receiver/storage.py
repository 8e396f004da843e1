"""Answers, complaints and redemptions in SQLite (default) or PostgreSQL, via SQLAlchemy Core."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from generator.customers.alphabet import ALPHABET
from generator.receiver.database import engine_for
from generator.receiver.tables import answers, complaints, redemptions, spam
from generator.receiver.writer import GroupWriter

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_URL = "sqlite:///private/answers.sqlite3"  # personal data: in the git-ignored folder


def _random_code(length: int, prefix: str = "") -> str:
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(length))


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Ticket:
    ticket: str
    due_at: datetime


class Storage:
    def __init__(
        self, url: str, connect_timeout: float = 5.0, statement_timeout: float = 5.0
    ) -> None:
        self.url = url
        self.engine = engine_for(url, connect_timeout, statement_timeout)
        self.longest_wait = connect_timeout + statement_timeout
        """What one call may take at most; a request waits that long, then answers 503."""
        self._writer: GroupWriter | None = None

    @property
    def writer(self) -> GroupWriter:
        """Started on first use: reading (the report, the export) needs no writer thread."""
        if self._writer is None:
            self._writer = GroupWriter(self.engine)
        return self._writer

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self.engine.dispose()

    def migrate(self) -> None:
        """Bring the schema to the newest migration (run at start)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def add_answer(
        self,
        campaign: str,
        lang: str,
        nps: int | None,
        values: dict[str, str],
        email: str | None,
        consent: bool,
        response_hours: int | None = None,
    ) -> asyncio.Future[str]:
        """Store an answer; the future gives the reward code once the commit is durable.

        A detractor (0–6) who left an e-mail with consent gets a ticket and a due time
        ``response_hours`` away: the answer waits in the staff console's inbox.
        """
        code = _random_code(10)
        received = now()
        followed_up = (
            response_hours is not None and nps is not None and nps <= 6 and bool(email) and consent
        )
        row = {
            "campaign": campaign,
            "received_at": received,
            "ticket": _random_code(6, "S-") if followed_up else None,
            "due_at": received + timedelta(hours=response_hours or 0) if followed_up else None,
            "lang": lang,
            "nps": nps,
            "answers": values,
            "email": email,
            "consent": consent,
            "reward_code": code,
        }
        return self.writer.insert(answers, row, code)

    def add_complaint(
        self, campaign: str, lang: str, fields: dict[str, str | None], response_hours: int
    ) -> asyncio.Future[Ticket]:
        received = now()
        ticket = Ticket(_random_code(6, "T-"), received + timedelta(hours=response_hours))
        row = {
            "campaign": campaign,
            "received_at": received,
            "lang": lang,
            "ticket": ticket.ticket,
            "due_at": ticket.due_at,
            **fields,
        }
        return self.writer.insert(complaints, row, ticket)

    def count_spam(self, form: str) -> asyncio.Future[None]:
        return self.writer.insert(spam, {"form": form, "received_at": now()}, None)

    def answer_by_code(self, code: str) -> tuple[int | None, bool] | None:
        """The score of the answer that got ``code``, and whether it awaits a reply (a ticket)."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(answers.c.nps, answers.c.ticket).where(answers.c.reward_code == code)
            ).first()
        return None if row is None else (row.nps, row.ticket is not None)

    def ping(self) -> None:
        """Raise unless the database answers (readiness)."""
        with self.engine.connect() as connection:
            connection.execute(select(1))

    def is_reward_code(self, code: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.execute(select(answers.c.id).where(answers.c.reward_code == code))
            return found.first() is not None

    def redeem(self, code: str, kind: str) -> bool:
        """Record a redemption; ``False`` when the code was already used (exactly one wins)."""
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(redemptions).values(code=code, kind=kind, redeemed_at=now())
                )
        except IntegrityError:
            return False
        return True

    def redeemed_at(self, code: str) -> datetime | None:
        """When ``code`` was redeemed, or None."""
        with self.engine.connect() as connection:
            found = connection.execute(
                select(redemptions.c.redeemed_at).where(redemptions.c.code == code)
            ).first()
        return None if found is None else found[0]

    def mark_answered(self, ticket: str) -> bool:
        with self.engine.begin() as connection:
            result = connection.execute(
                update(complaints)
                .where(complaints.c.ticket == ticket, complaints.c.answered_at.is_(None))
                .values(answered_at=now())
            )
            return result.rowcount == 1

    # --- reading, for the report and the export ----------------------------------------------

    def nps_counts(self) -> dict[int, int]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(answers.c.nps, func.count())
                .where(answers.c.nps.is_not(None))
                .group_by(answers.c.nps)
            )
            return {int(score): int(count) for score, count in rows}

    def answers_by(self, column: str) -> list[tuple[str, int]]:
        """Answers per ``day`` or per ``lang``."""
        with self.engine.connect() as connection:
            if column == "lang":
                query = (
                    select(answers.c.lang, func.count())
                    .group_by(answers.c.lang)
                    .order_by(answers.c.lang)
                )
                return [(str(k), int(n)) for k, n in connection.execute(query)]
            days: dict[str, int] = {}
            for (received,) in connection.execute(select(answers.c.received_at)):
                day = (
                    received.date().isoformat()
                    if isinstance(received, datetime)
                    else str(received)[:10]
                )
                days[day] = days.get(day, 0) + 1
            return sorted(days.items())

    def open_complaints(self) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(complaints)
                .where(complaints.c.answered_at.is_(None))
                .order_by(complaints.c.due_at)
            )
            return [dict(row._mapping) for row in rows]

    def spam_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(spam)).scalar_one())

    def export_answers(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as connection:
            for row in connection.execute(select(answers).order_by(answers.c.id)):
                yield dict(row._mapping)

    def customer_data(self, email: str) -> dict[str, list[dict[str, Any]]]:
        """Everything stored about one e-mail address (a GDPR access request)."""
        email = email.strip().lower()
        with self.engine.connect() as connection:
            return {
                "answers": [
                    dict(r._mapping)
                    for r in connection.execute(
                        select(answers).where(func.lower(answers.c.email) == email)
                    )
                ],
                "complaints": [
                    dict(r._mapping)
                    for r in connection.execute(
                        select(complaints).where(func.lower(complaints.c.email) == email)
                    )
                ],
            }

    def delete_customer(self, email: str) -> dict[str, int]:
        """Erase one e-mail address's answers and complaints (a GDPR erasure request)."""
        email = email.strip().lower()
        with self.engine.begin() as connection:
            gone_answers = connection.execute(
                delete(answers).where(func.lower(answers.c.email) == email)
            ).rowcount
            gone_complaints = connection.execute(
                delete(complaints).where(func.lower(complaints.c.email) == email)
            ).rowcount
        return {"answers": gone_answers, "complaints": gone_complaints}
