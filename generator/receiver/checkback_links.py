"""Check-back links: a single-use token per reply, stored only as its SHA-256, and the
customer's answer to it ("did we solve it?"); a "no" reopens the item with a new due time."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select, update

from generator.receiver.tables import answers, checkbacks, complaints, replies

MAX_COMMENT = 2000
ITEMS = {"complaint": complaints, "answer": answers}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(connection: Connection, item_kind: str, item_id: int, reply_id: int, lang: str) -> str:
    """A new check-back token for one reply, stored (hashed) in ``connection``'s transaction."""
    from generator.receiver.storage import now

    token = secrets.token_urlsafe(24)
    connection.execute(
        insert(checkbacks).values(
            token_hash=token_hash(token),
            item_kind=item_kind,
            item_id=item_id,
            reply_id=reply_id,
            lang=lang,
            created_at=now(),
        )
    )
    return token


@dataclass(frozen=True)
class CheckBack:
    """One link's state: what it is about, and the customer's answer once given."""

    item_kind: str
    item_id: int
    ticket: str
    lang: str
    answered: bool
    solved: bool | None


@dataclass(frozen=True)
class Verdict:
    solved: bool
    satisfaction: int
    comment: str | None


def look_up(engine: Engine, token: str) -> CheckBack | None:
    with engine.connect() as connection:
        row = connection.execute(
            select(checkbacks).where(checkbacks.c.token_hash == token_hash(token))
        ).first()
        if row is None or row.item_kind not in ITEMS:
            return None
        table = ITEMS[row.item_kind]
        ticket = connection.execute(
            select(table.c.ticket).where(table.c.id == row.item_id)
        ).scalar()
    if ticket is None:  # the item was erased (a GDPR request): the link goes with it
        return None
    return CheckBack(
        row.item_kind, row.item_id, ticket, row.lang, row.answered_at is not None, row.solved
    )


def record(
    engine: Engine,
    token: str,
    verdict: Verdict,
    response_hours: int,
    on_reopen: Callable[[Connection, datetime], object] | None = None,
) -> bool:
    """Store the answer, once; a "no" reopens the item, due in ``response_hours``, and calls
    ``on_reopen(connection, due_at)`` in the same transaction (the shop's notice).

    ``False`` when the link was answered already (two posts at once: exactly one wins).
    """
    from generator.receiver.storage import now

    moment = now()
    with engine.begin() as connection:
        marked = connection.execute(
            update(checkbacks)
            .where(checkbacks.c.token_hash == token_hash(token), checkbacks.c.answered_at.is_(None))
            .values(
                answered_at=moment,
                solved=verdict.solved,
                satisfaction=verdict.satisfaction,
                comment=verdict.comment,
            )
            .returning(checkbacks.c.item_kind, checkbacks.c.item_id)
        ).first()
        if marked is None:
            return False
        if not verdict.solved:
            table = ITEMS[marked.item_kind]
            due_at = moment + timedelta(hours=response_hours)
            connection.execute(
                update(table)
                .where(table.c.id == marked.item_id)
                .values(answered_at=None, due_at=due_at)
            )
            connection.execute(
                insert(replies).values(
                    item_kind=marked.item_kind,
                    item_id=marked.item_id,
                    kind="reopened",
                    staff_email=None,
                    created_at=moment,
                    body=verdict.comment or "",
                )
            )
            if on_reopen is not None:
                on_reopen(connection, due_at)
    return True
