"""Check back after an answer: a single-use link that asks "did we solve it?"."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Connection, insert

from generator.receiver.tables import checkbacks


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
