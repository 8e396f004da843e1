"""Nothing a customer typed can add a mail header: every field that reaches a message."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_string, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.model.loader import load_campaign
from generator.receiver.app import create_app
from generator.receiver.mail import MailHeaderError, address, notify_message, reply_message
from generator.receiver.outbox import InboxItem, reply_mailto
from generator.receiver.settings import Settings
from tests.receiver.conftest import CAMPAIGN

INJECTIONS = [
    "x\r\nBcc: thief@evil.example",
    "x\nBcc: thief@evil.example",
    "x\rBcc: thief@evil.example",
    "x\u2028Bcc: thief@evil.example",
    "x\x85Bcc: thief@evil.example",
    "=?utf-8?q?x=0D=0ABcc=3A_thief=40evil=2Eexample?=",
    "=?UTF-8?B?eA0KQmNjOiB0aGllZkBldmlsLmV4YW1wbGU=?=",
]
HEADERS = {"from", "to", "subject", "date", "message-id", "mime-version", "content-type"}


def sent_as(message: EmailMessage) -> EmailMessage:
    """The message as the outbox stores it and a mail reader parses it."""
    text = message.as_string()
    text.encode("ascii")  # 7-bit: stored and sent as written
    return message_from_string(text, policy=policy.default)  # type: ignore[return-value]


def assert_no_injection(message: EmailMessage, to: str) -> None:
    parsed = sent_as(message)
    assert {k.lower() for k in parsed} == HEADERS
    for key, value in parsed.items():
        decoded = str(value)
        assert "\r" not in decoded and "\n" not in decoded, (key, value)
        assert "=?" not in decoded, (key, value)  # no encoded word survives decoding
    assert [a.addr_spec for a in parsed["To"].addresses] == [to]
    assert [a.addr_spec for a in parsed["From"].addresses] == ["hola@shop.example"]


def reply(**changes: str) -> EmailMessage:
    fields = {
        "shop_name": "Test Shop",
        "mail_from": "hola@shop.example",
        "to": "ana@customer.example",
        "ticket": "T-ABC123",
        "subject": "Your message to Test Shop",
        "body": "Thank you, Ana.",
        "check_back_url": "https://answers.shop.example/check-back/abc",
        "to_name": "Ana",
    } | changes
    return reply_message(**fields)


def notice(**changes: str) -> EmailMessage:
    fields = {
        "shop_name": "Test Shop",
        "mail_from": "hola@shop.example",
        "to": "hola@shop.example",
        "ticket": "T-ABC123",
        "name": "Ana",
        "email": "ana@customer.example",
        "phone": "+34 600 000 000",
        "order_ref": "#1001",
        "message": "It broke.",
        "item_url": "https://answers.shop.example/staff/items/T-ABC123",
    } | changes
    return notify_message(due_at=datetime(2026, 11, 3, 10, tzinfo=UTC), **fields)


@pytest.mark.parametrize("evil", INJECTIONS)
@pytest.mark.parametrize("field", ["to_name", "shop_name", "subject", "ticket", "body"])
def test_reply_fields_cannot_add_a_header(field: str, evil: str) -> None:
    assert_no_injection(reply(**{field: evil}), "ana@customer.example")


@pytest.mark.parametrize("evil", INJECTIONS)
@pytest.mark.parametrize(
    "field", ["name", "shop_name", "ticket", "email", "phone", "order_ref", "message"]
)
def test_notice_fields_cannot_add_a_header(field: str, evil: str) -> None:
    assert_no_injection(notice(**{field: evil}), "hola@shop.example")


@pytest.mark.parametrize(
    "evil",
    [
        "ana@customer.example\r\nBcc: thief@evil.example",
        "ana@customer.example\nBcc: thief@evil.example",
        "ana@customer.example, thief@evil.example",
        "Ana <thief@evil.example>",
        "=?utf-8?q?thief=40evil=2Eexample?=",
        "",
        "ana",
    ],
)
@pytest.mark.parametrize("field", ["to", "mail_from"])
def test_addresses_are_refused_unless_exactly_one(field: str, evil: str) -> None:
    with pytest.raises(MailHeaderError):
        reply(**{field: evil})
    with pytest.raises(MailHeaderError):
        notice(**({"to": evil} if field == "to" else {"mail_from": evil}))


def test_a_plain_address_with_a_name_is_kept() -> None:
    mailbox = address("ana@customer.example", "Ana Pérez")
    assert str(mailbox) == "Ana Pérez <ana@customer.example>"


def test_the_html_part_escapes_what_the_customer_wrote() -> None:
    message = sent_as(notice(message="<script>alert(1)</script>", name="<b>Ana</b>"))
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Ana" not in html
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "<script>alert(1)</script>" in text  # the plain part says what was written


@pytest.mark.parametrize("evil", INJECTIONS)
def test_the_mailto_link_carries_no_header_but_the_subject_and_body(
    evil: str, tmp_path: object
) -> None:
    settings = Settings(database_url="sqlite://")
    receiver = create_app(load_campaign(CAMPAIGN).campaign, settings).state.receiver
    item = InboxItem("complaint", 1, "T-ABC123", "es", "ana@customer.example", evil)
    link = reply_mailto(receiver, item, f"Hola:\n{evil}\n¿Todo bien? 100% & más")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "ana@customer.example"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Tu mensaje a Test Shop [T-ABC123]"]
    assert query["body"] == [f"Hola:\n{evil}\n¿Todo bien? 100% & más"]
    with pytest.raises(MailHeaderError):
        bad = InboxItem("complaint", 1, "T-1", "es", "ana@customer.example?bcc=x@evil.example")
        reply_mailto(receiver, bad, "hi")
