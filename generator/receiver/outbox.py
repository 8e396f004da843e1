"""The outbox: a message is stored in the transaction that caused it, then delivered."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert

from generator.receiver.tables import outbox

if TYPE_CHECKING:
    from generator.receiver.context import Receiver


@dataclass(frozen=True)
class InboxItem:
    """What a reply needs to know of the complaint or survey answer it answers."""

    kind: str  # complaint | answer
    id: int
    ticket: str
    lang: str
    email: str
    name: str | None = None


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


def queue_reply(
    connection: Connection,
    receiver: Receiver,
    item: InboxItem,
    reply_id: int,
    body: str,
) -> bool:
    """In the reply's transaction: a check-back token and the reply e-mail, queued.

    ``False`` when no mail server is configured: the reply is stored, and the console offers a
    ``mailto:`` link instead.
    """
    from generator.receiver import checkback, mail

    if not receiver.settings.smtp_url:
        return False
    token = checkback.issue(connection, item.kind, item.id, reply_id, item.lang)
    campaign = receiver.campaign_in(item.lang)
    message = mail.reply_message(
        shop_name=campaign.business.name,
        mail_from=receiver.settings.mail_from or str(campaign.business.email),
        to=item.email,
        ticket=item.ticket,
        subject=f"Re: {campaign.business.name}",
        body=body,
        check_back_url=f"{campaign.receiver.base}/check-back/{token}",
    )
    enqueue(connection, message, "reply", item.ticket)
    return True
