"""The sender: a stored reply reaches a real SMTP server, through retries and kill -9."""

from __future__ import annotations

import signal
from typing import Any

from sqlalchemy import insert, text

from generator.model.loader import load_campaign
from generator.receiver.app import create_app
from generator.receiver.context import Receiver as ReceiverState
from generator.receiver.outbox import InboxItem, queue_reply
from generator.receiver.settings import Settings
from generator.receiver.storage import now
from generator.receiver.tables import replies
from tests.receiver.conftest import CAMPAIGN, Receiver, _free_port, start_receiver, stop
from tests.receiver.mailserver import MailServer, wait_for

EVIL_NAME = "Eve\r\nBcc: thief@evil.example\r\nSubject: =?utf-8?q?owned?="


def post_complaint(receiver: Receiver, lang: str = "es", name: str = "Ana") -> str:
    with receiver.client() as client:
        answer = client.post(
            "/complaints",
            json={
                "campaign": "test-month",
                "lang": lang,
                "name": name,
                "email": "ana@customer.example",
                "message": "El pedido llegó roto.",
                "consent": "yes",
            },
            headers={"Accept": "application/json"},
        )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["ticket"])


def state_for(database_url: str, smtp_url: str) -> ReceiverState:
    """The receiver's state as the console holds it, built here to queue a reply."""
    settings = Settings(database_url=database_url, smtp_url=smtp_url)
    state: ReceiverState = create_app(load_campaign(CAMPAIGN).campaign, settings).state.receiver
    return state


def queue_a_reply(state: ReceiverState, ticket: str, body: str, name: str) -> None:
    """What the console does when staff send a reply: the reply and its mail, one transaction."""
    with state.storage.engine.begin() as connection:
        (item_id,) = connection.exec_driver_sql(
            "select id from complaints where ticket = ?"
            if state.storage.url.startswith("sqlite")
            else "select id from complaints where ticket = %s",
            (ticket,),
        ).one()
        reply_id = connection.execute(
            insert(replies).values(
                item_kind="complaint",
                item_id=item_id,
                kind="reply",
                staff_email="owner@shop.example",
                created_at=now(),
                body=body,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        item = InboxItem("complaint", item_id, ticket, "es", "ana@customer.example", name)
        assert queue_reply(connection, state, item, int(reply_id), body)


def kill_9(receiver: Receiver) -> None:
    receiver.process.send_signal(signal.SIGKILL)
    _, stderr = receiver.process.communicate()
    assert receiver.process.returncode == -signal.SIGKILL
    assert "Traceback" not in stderr, stderr


def attempts(receiver: Receiver, purpose: str) -> list[Any]:
    return receiver.query(
        "select a.ok, a.error from mail_attempts a join outbox o on o.id = a.outbox_id"
        " where o.purpose = :purpose order by a.id",
        purpose=purpose,
    )


def test_a_stored_reply_is_delivered_through_failures_and_kill_9(database_url: str) -> None:
    port = _free_port()
    env = {
        "APPRECIATE_SMTP_URL": f"smtp://127.0.0.1:{port}",  # nothing listens there yet
        "APPRECIATE_MAIL_RETRY_SECONDS": "0.2",
        "APPRECIATE_MAIL_TIMEOUT": "3",
    }
    body = "Hola Ana:\r\nBcc: thief@evil.example\n\nTe enviamos otro hoy."
    receiver = start_receiver(database_url, **env)
    ticket = post_complaint(receiver)
    # the form refuses line breaks in a name (422); one stored before that must still not
    # reach a header
    receiver.query("update complaints set name = :n where ticket = :t", n=EVIL_NAME, t=ticket)
    state = state_for(database_url, env["APPRECIATE_SMTP_URL"])
    queue_a_reply(state, ticket, body, EVIL_NAME)
    state.storage.close()
    wait_for("two failed attempts at the reply", lambda: len(attempts(receiver, "reply")) >= 2)
    kill_9(receiver)
    failures = attempts(receiver, "reply")
    assert failures and not any(ok for ok, _ in failures)
    assert all("ConnectionRefusedError" in error for _, error in failures)

    server = MailServer(port, hold=True).start()
    try:
        receiver = start_receiver(database_url, **env)
        # killed in the middle of a delivery: the server holds the message's DATA
        wait_for("a delivery under way", server.held.is_set)
        kill_9(receiver)
        server.released.set()
        receiver = start_receiver(database_url, **env)
        wait_for(
            "every message sent",
            lambda: (
                receiver.query("select status from outbox")
                and all(s == "sent" for (s,) in receiver.query("select status from outbox"))
            ),
        )
        stderr = stop(receiver)
    finally:
        server.stop()
    assert "Traceback" not in stderr, stderr

    (reply,) = server.to("ana@customer.example")  # exactly once
    assert reply.recipients == ["ana@customer.example"]
    assert reply.message["Subject"] == f"Tu mensaje a Test Shop [{ticket}]"
    assert [a.addr_spec for a in reply.message["To"].addresses] == ["ana@customer.example"]
    assert reply.message["Bcc"] is None and len(reply.message.get_all("Subject")) == 1
    text = reply.message.get_body(("plain",)).get_content()
    assert "Te enviamos otro hoy." in text
    assert "https://answers.shop.example/check-back/" in text
    html = reply.message.get_body(("html",)).get_content()
    assert "Te enviamos otro hoy." in html and "<script" not in html

    (notice,) = server.to("hola@shop.example")
    assert notice.recipients == ["hola@shop.example"]
    assert f"https://answers.shop.example/staff/items/{ticket}" in (
        notice.message.get_body(("plain",)).get_content()
    )
    assert notice.message["Bcc"] is None

    outcomes = [ok for ok, _ in attempts(receiver, "reply")]
    assert outcomes[-1] and outcomes.count(True) == 1 and outcomes.count(False) >= 2


def test_complaints_stored_before_the_console_are_not_announced(database_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from generator.receiver.storage import MIGRATIONS, Storage

    storage = Storage(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with storage.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
        with storage.engine.begin() as connection:
            connection.execute(
                text(
                    "insert into complaints (campaign, received_at, lang, ticket, name, email,"
                    " message, due_at) values ('test-month', :at, 'en', 'T-OLD001', 'Old',"
                    " 'old@customer.example', 'Before the console.', :at)"
                ),
                {"at": now()},
            )
        storage.migrate()
        with storage.engine.connect() as connection:
            notified = connection.execute(text("select notified_at from complaints")).scalar_one()
    finally:
        storage.close()
    assert notified is not None
