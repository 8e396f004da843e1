"""The outbox: a message is stored in the transaction that caused it, then delivered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Connection, insert

from generator.i18n import gettext_in
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

    mailboxes: tuple[Any, ...] = getattr(message["To"], "addresses", ())
    if len(mailboxes) != 1:  # the envelope names exactly the one address the header shows
        raise ValueError("a queued message has exactly one recipient")
    result = connection.execute(
        insert(outbox).values(
            created_at=now(),
            purpose=purpose,
            ref=ref,
            recipient=mailboxes[0].addr_spec,
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


def sender_address(receiver: Receiver) -> str:
    """The address mail comes from: ``APPRECIATE_MAIL_FROM``, else ``business.email``."""
    return receiver.settings.mail_from or str(receiver.campaign.business.email)


def notify_address(receiver: Receiver) -> str:
    """Where new complaints are announced: ``APPRECIATE_NOTIFY_EMAIL``, else ``business.email``."""
    return receiver.settings.notify_email or str(receiver.campaign.business.email)


def public_base(receiver: Receiver) -> str:
    """The receiver's address in links sent by mail, without a trailing slash."""
    return receiver.settings.public_url or receiver.campaign.receiver.base


def reply_subject(receiver: Receiver, lang: str) -> str:
    shop = receiver.campaign_in(lang).business.name
    return gettext_in(lang, "Your message to %(shop)s", shop=shop)


def queue_reply(
    connection: Connection,
    receiver: Receiver,
    item: InboxItem,
    reply_id: int,
    body: str,
) -> bool:
    """In the reply's transaction: a check-back token and the reply e-mail, queued.

    ``False`` when no mail server is configured: the reply is stored, and the console offers a
    ``mailto:`` link instead (:func:`reply_mailto`).
    """
    from generator.receiver import checkback_links, mail

    if not receiver.settings.smtp_url:
        return False
    token = checkback_links.issue(connection, item.kind, item.id, reply_id, item.lang)
    message = mail.reply_message(
        shop_name=receiver.campaign_in(item.lang).business.name,
        mail_from=sender_address(receiver),
        to=item.email,
        ticket=item.ticket,
        subject=reply_subject(receiver, item.lang),
        body=body,
        check_back_url=f"{public_base(receiver)}/check-back/{token}",
        lang=item.lang,
        to_name=item.name,
    )
    enqueue(connection, message, "reply", item.ticket)
    return True


def queue_notification(connection: Connection, receiver: Receiver, row: Any) -> int:
    """In the transaction that marks complaint ``row`` notified: the shop's notice, queued."""
    from generator.receiver import mail

    message = mail.notify_message(
        shop_name=receiver.campaign.business.name,
        mail_from=sender_address(receiver),
        to=notify_address(receiver),
        ticket=row.ticket,
        due_at=row.due_at,
        name=row.name,
        email=row.email,
        phone=row.phone,
        order_ref=row.order_ref,
        message=row.message,
        item_url=f"{public_base(receiver)}/staff/items/{quote(row.ticket)}",
    )
    return enqueue(connection, message, "notify", row.ticket)


def queue_reopened(
    connection: Connection,
    receiver: Receiver,
    ticket: str,
    due_at: datetime,
    satisfaction: int,
    comment: str | None,
) -> int:
    """In the transaction that reopens ``ticket`` (a check-back "no"): the shop's notice."""
    from generator.receiver import mail

    message = mail.reopened_message(
        shop_name=receiver.campaign.business.name,
        mail_from=sender_address(receiver),
        to=notify_address(receiver),
        ticket=ticket,
        due_at=due_at,
        satisfaction=satisfaction,
        comment=comment,
        item_url=f"{public_base(receiver)}/staff/items/{quote(ticket)}",
    )
    return enqueue(connection, message, "notify", ticket)


def reply_mailto(receiver: Receiver, item: InboxItem, body: str) -> str:
    """A ``mailto:`` link with the reply filled in, for a receiver without a mail server.

    The address is checked like a header; subject and body are percent-encoded, so nothing
    the customer typed can add a field to the link.
    """
    from generator.receiver import mail

    recipient = mail.address(item.email).addr_spec
    subject = f"{reply_subject(receiver, item.lang)} [{mail.header_text(item.ticket)}]"
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(recipient, safe='@')}?{query}"
