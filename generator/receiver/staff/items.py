"""One inbox item: the customer's message, everything sent, a reply, or closing with a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, RowMapping, Table, func, insert, select, update

from generator.receiver.outbox import InboxItem, queue_reply
from generator.receiver.tables import answers, checkbacks, complaints, outbox, replies

if TYPE_CHECKING:
    from generator.receiver.context import Receiver

MAX_REPLY = 10_000


@dataclass(frozen=True)
class Item:
    kind: str  # complaint | answer
    id: int
    ticket: str
    lang: str
    email: str
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None
    first_response_at: datetime | None
    name: str | None = None
    phone: str | None = None
    order_ref: str | None = None
    message: str = ""
    nps: int | None = None
    answers: dict[str, Any] | None = None

    @property
    def table(self) -> Table:
        return complaints if self.kind == "complaint" else answers

    @property
    def tel(self) -> str | None:
        """The phone as a ``tel:`` address: digits and a leading + only."""
        if not self.phone:
            return None
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return ("+" if self.phone.strip().startswith("+") else "") + digits if digits else None

    def mail_to(self) -> InboxItem:
        return InboxItem(self.kind, self.id, self.ticket, self.lang, self.email, self.name)


def _load(connection: Connection, ticket: str) -> Item | None:
    row = connection.execute(select(complaints).where(complaints.c.ticket == ticket)).first()
    if row is not None:
        c = row._mapping
        return _item(
            "complaint",
            c,
            name=c["name"],
            phone=c["phone"],
            order_ref=c["order_ref"],
            message=c["message"],
        )
    row = connection.execute(select(answers).where(answers.c.ticket == ticket)).first()
    if row is None:
        return None
    a = row._mapping
    return _item("answer", a, nps=a["nps"], answers=dict(a["answers"] or {}))


def _item(kind: str, row: RowMapping, **details: Any) -> Item:
    """An item from the columns complaints and survey answers share, plus its own ``details``."""
    return Item(
        kind,
        row["id"],
        row["ticket"],
        row["lang"],
        row["email"] or "",  # a survey answer's may be empty
        row["received_at"],
        row["due_at"],
        row["answered_at"],
        row["first_response_at"],
        **details,
    )


def find(engine: Engine, ticket: str) -> Item | None:
    with engine.connect() as connection:
        return _load(connection, ticket)


def history(engine: Engine, item: Item) -> dict[str, list[Any]]:
    """What happened to ``item``: replies and notes, the mail sent, the check-backs answered."""
    with engine.connect() as connection:
        said = connection.execute(
            select(replies)
            .where(replies.c.item_kind == item.kind, replies.c.item_id == item.id)
            .order_by(replies.c.created_at, replies.c.id)
        ).all()
        mail = connection.execute(
            select(outbox.c.created_at, outbox.c.status, outbox.c.sent_at, outbox.c.attempts)
            .where(outbox.c.purpose == "reply", outbox.c.ref == item.ticket)
            .order_by(outbox.c.id)
        ).all()
        checked = connection.execute(
            select(checkbacks)
            .where(
                checkbacks.c.item_kind == item.kind,
                checkbacks.c.item_id == item.id,
                checkbacks.c.answered_at.is_not(None),
            )
            .order_by(checkbacks.c.answered_at)
        ).all()
    return {"replies": list(said), "mail": list(mail), "checkbacks": list(checked)}


def _record(connection: Connection, item: Item, kind: str, staff_email: str, text: str) -> int:
    from generator.receiver.storage import now

    result = connection.execute(
        insert(replies).values(
            item_kind=item.kind,
            item_id=item.id,
            kind=kind,
            staff_email=staff_email,
            created_at=now(),
            body=text,
        )
    )
    key = result.inserted_primary_key
    if key is None:  # every supported database returns the new id
        raise RuntimeError("the replies insert returned no id")
    return int(key[0])


def reply(receiver: Receiver, ticket: str, staff_email: str, body: str) -> bool | None:
    """Store a reply, mark the item answered and queue its e-mail, in one transaction.

    ``True`` when the e-mail is queued, ``False`` when no mail server is configured, ``None``
    when the ticket is unknown.
    """
    from generator.receiver.storage import now

    with receiver.storage.engine.begin() as connection:
        item = _load(connection, ticket)
        if item is None:
            return None
        reply_id = _record(connection, item, "reply", staff_email, body)
        moment = now()
        connection.execute(
            update(item.table)
            .where(item.table.c.id == item.id)
            .values(
                first_response_at=func.coalesce(item.table.c.first_response_at, moment),
                answered_at=moment,
            )
        )
        return queue_reply(connection, receiver, item.mail_to(), reply_id, body)


def close(engine: Engine, ticket: str, staff_email: str, note: str) -> bool:
    """Close an item without a reply (e.g. answered by phone), with a note; ``False``: unknown."""
    from generator.receiver.storage import now

    with engine.begin() as connection:
        item = _load(connection, ticket)
        if item is None:
            return False
        _record(connection, item, "note", staff_email, note)
        connection.execute(
            update(item.table)
            .where(item.table.c.id == item.id, item.table.c.answered_at.is_(None))
            .values(answered_at=now())
        )
    return True
