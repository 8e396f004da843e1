"""The outbox: a message is stored in the transaction that caused it, then delivered."""

from __future__ import annotations

from email.message import EmailMessage

from sqlalchemy import Connection, insert

from generator.receiver.tables import outbox


def enqueue(
    connection: Connection, message: EmailMessage, purpose: str, ref: str | None = None
) -> int:
    """Store ``message`` for delivery in ``connection``'s transaction; its outbox id."""
    from generator.receiver.storage import now

    result = connection.execute(
        insert(outbox).values(
            created_at=now(),
            purpose=purpose,
            ref=ref,
            recipient=str(message["To"]),
            message=message.as_string(),
            status="pending",
            attempts=0,
            next_attempt_at=now(),
        )
    )
    key = result.inserted_primary_key
    if key is None:  # every supported database returns the new id
        raise RuntimeError("the outbox insert returned no id")
    return int(key[0])
