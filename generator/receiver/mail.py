"""E-mail the receiver sends: replies to customers, notices to the shop (``email`` package only).

What a customer typed goes into bodies, never into a header: names and subjects are checked
for line breaks by the ``email`` package's header policy, which refuses them.
"""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid


def reply_message(
    *,
    shop_name: str,
    mail_from: str,
    to: str,
    ticket: str,
    subject: str,
    body: str,
    check_back_url: str,
) -> EmailMessage:
    """A reply to the customer ``to`` about ``ticket``, with the check-back link below it."""
    message = EmailMessage()
    message["From"] = Address(display_name=shop_name, addr_spec=mail_from)
    message["To"] = to
    message["Subject"] = f"{subject} [{ticket}]"
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=mail_from.rpartition("@")[2] or None)
    message.set_content(f"{body}\n\n{check_back_url}\n")
    return message
