"""E-mail the receiver sends: replies to customers, notices to the shop (``email`` package only).

What a customer typed goes into bodies. The few things that reach a header (a name, an
address, a ticket, the shop's name in a subject) pass :func:`header_text` or :func:`address`
first: no line break, control character or RFC 2047 encoded word gets through, whatever the
Python version's own header checks do. Every message is 7-bit (quoted-printable parts), so it
is stored in the outbox as text and sent as written.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from generator.i18n import gettext_in

# what a mail reader would decode as an RFC 2047 encoded word, with any charset and encoding
ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[^?\s]*\?")


class MailHeaderError(ValueError):
    """A value cannot go into a mail header (an address with a line break, say)."""


def header_text(value: str) -> str:
    """``value`` fit for a header: breaks and controls become spaces, encoded words defused."""
    flat = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in value
    )
    return " ".join(flat.split()).replace("=?", "= ?")


def address(addr_spec: str, display_name: str | None = None) -> Address:
    """One mailbox; :class:`MailHeaderError` when ``addr_spec`` is not exactly one address."""
    if (
        not addr_spec
        or header_text(addr_spec) != addr_spec
        or any(char in addr_spec for char in " ,;<>\"'()")
    ):
        raise MailHeaderError(f"{addr_spec!r} is not one e-mail address")
    try:
        mailbox = Address(display_name=header_text(display_name or ""), addr_spec=addr_spec)
    except (ValueError, IndexError, HeaderParseError) as exc:
        raise MailHeaderError(f"{addr_spec!r} is not one e-mail address: {exc}") from None
    if mailbox.addr_spec != addr_spec or not mailbox.domain:
        raise MailHeaderError(f"{addr_spec!r} is not one e-mail address")
    return mailbox


def _html(paragraphs: list[str], lang: str, link: tuple[str, str] | None = None) -> str:
    """The HTML part: every text escaped, line breaks kept."""
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)
    if link is not None:
        text, url = link
        body += f'<p><a href="{html.escape(url, quote=True)}">{html.escape(text)}</a></p>'
    return f'<!doctype html><html lang="{html.escape(lang)}"><body>{body}</body></html>'


def _message(
    sender: Address,
    to: Address,
    subject: str,
    text: str,
    html_part: str,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = header_text(subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.domain or None)
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html_part, subtype="html", cte="quoted-printable")
    return message


def reopened_message(
    *,
    shop_name: str,
    mail_from: str,
    to: str,
    ticket: str,
    due_at: datetime,
    satisfaction: int,
    comment: str | None,
    item_url: str,
) -> EmailMessage:
    """The shop's notice that a customer says ``ticket`` is not solved: it is open again."""
    due = due_at.strftime("%Y-%m-%d %H:%M UTC")
    said = f"The customer says {ticket} is not solved (satisfied: {satisfaction} of 5)."
    details = [f"{said} It is open again. Answer by {due}:", item_url, comment or ""]
    text = "\n\n".join(part for part in details if part) + "\n"
    html_part = _html([details[0], details[2]], "en", (f"Open {ticket}", item_url))
    return _message(
        address(mail_from, shop_name),
        address(to),
        f"Not solved: {header_text(ticket)}, answer again by {due}",
        text,
        html_part,
    )


def reply_message(
    *,
    shop_name: str,
    mail_from: str,
    to: str,
    ticket: str,
    subject: str,
    body: str,
    check_back_url: str,
    lang: str = "en",
    to_name: str | None = None,
) -> EmailMessage:
    """A reply to the customer ``to`` about ``ticket``, signed, with the check-back link below."""
    ask = gettext_in(lang, "Did we solve it? Tell us in one click:")
    text = f"{body}\n\n-- \n{shop_name}\n\n{ask}\n{check_back_url}\n"
    html_part = _html([body, f"— {shop_name}", ask], lang, (check_back_url, check_back_url))
    return _message(
        address(mail_from, shop_name),
        address(to, to_name),
        f"{subject} [{header_text(ticket)}]",
        text,
        html_part,
    )


def notify_message(
    *,
    shop_name: str,
    mail_from: str,
    to: str,
    ticket: str,
    due_at: datetime,
    name: str,
    email: str,
    phone: str | None,
    order_ref: str | None,
    message: str,
    item_url: str,
) -> EmailMessage:
    """The shop's notice of a new complaint (in English, like the console), with its link."""
    due = due_at.strftime("%Y-%m-%d %H:%M UTC")
    details = [
        f"A customer wrote to {shop_name}. Answer by {due}:",
        item_url,
        f"Ticket: {ticket}\nName: {name}\nE-mail: {email}"
        + (f"\nPhone: {phone}" if phone else "")
        + (f"\nOrder: {order_ref}" if order_ref else ""),
        message,
    ]
    text = "\n\n".join(details) + "\n"
    html_part = _html([details[0], details[2], message], "en", (f"Open {ticket}", item_url))
    return _message(
        address(mail_from, shop_name),
        address(to),
        f"New complaint {header_text(ticket)}: answer by {due}",
        text,
        html_part,
    )
