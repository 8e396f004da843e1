"""The sender's throughput: outbox messages delivered per second, against bare smtplib, one run.

    .venv/bin/python benchmarks/mail.py [--messages 2000] [--database sqlite|postgresql]

Both send the same reply e-mails to one aiosmtpd server on loopback, in this process's
threads. The baseline is smtplib alone: one connection, ``sendmail`` in a loop, nothing stored.
The sender queues the messages in the outbox (not timed), then drains it with its own steps:
claim a batch with a lease, send it over one connection, record each attempt and outcome.
"""

from __future__ import annotations

import argparse
import smtplib
import sys
import tempfile
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy import create_engine, text

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from generator.model.loader import load_campaign  # noqa: E402
from generator.receiver.app import create_app  # noqa: E402
from generator.receiver.mail import reply_message  # noqa: E402
from generator.receiver.outbox import enqueue  # noqa: E402
from generator.receiver.sender import Sender  # noqa: E402
from generator.receiver.settings import Settings  # noqa: E402
from tests.receiver.conftest import CAMPAIGN, POSTGRES, _free_port  # noqa: E402
from tests.receiver.mailserver import MailServer  # noqa: E402


def reply(number: int) -> EmailMessage:
    return reply_message(
        shop_name="Test Shop",
        mail_from="hola@shop.example",
        to=f"customer{number}@example.com",
        ticket="T-ABC123",
        subject="Your message to Test Shop",
        body="Thank you for writing. A new parcel leaves today.\n" * 5,
        check_back_url="https://answers.shop.example/check-back/abcdefghijklmnop",
    )


def bare(server: MailServer, count: int) -> float:
    """Seconds for smtplib alone to send ``count`` messages over one connection."""
    bodies = [reply(n).as_string() for n in range(count)]
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", server.port) as client:
        for number, body in enumerate(bodies):
            client.sendmail("hola@shop.example", [f"customer{number}@example.com"], body)
    return time.perf_counter() - start


def sender(server: MailServer, count: int, database_url: str) -> float:
    """Seconds for the sender to drain ``count`` queued messages."""
    settings = Settings(database_url=database_url, smtp_url=f"smtp://127.0.0.1:{server.port}")
    receiver = create_app(load_campaign(CAMPAIGN).campaign, settings).state.receiver
    receiver.storage.migrate()
    assert settings.smtp is not None
    with receiver.storage.engine.begin() as connection:
        for number in range(count):
            enqueue(connection, reply(number), "reply", "T-ABC123")
    work = Sender(receiver, settings.smtp)
    start = time.perf_counter()
    while work.step():
        pass
    seconds = time.perf_counter() - start
    receiver.storage.close()
    return seconds


def postgres_database() -> tuple[str, object]:
    name = f"appreciate_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        "postgresql+psycopg://" + POSTGRES.removeprefix("postgresql://"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return f"{POSTGRES.rpartition('/')[0]}/{name}", (admin, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    options = parser.parse_args()
    server = MailServer(_free_port()).start()
    cleanup = None
    try:
        base = bare(server, options.messages)
        server.received.clear()
        with tempfile.TemporaryDirectory() as folder:
            if options.database == "sqlite":
                url = f"sqlite:///{folder}/bench.sqlite3"
            else:
                url, cleanup = postgres_database()
            taken = sender(server, options.messages, url)
        delivered = len(server.received)
    finally:
        server.stop()
        if cleanup is not None:
            admin, name = cleanup  # type: ignore[misc]
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    if delivered != options.messages:
        raise SystemExit(f"delivered {delivered} of {options.messages}")
    n = options.messages
    print(f"{n} messages to aiosmtpd on loopback, {options.database}")
    print(f"bare smtplib, one connection: {n / base:8.0f} messages/s  1.00x")
    print(f"sender (outbox, leases, attempts): {n / taken:8.0f} messages/s  {base / taken:.2f}x")


if __name__ == "__main__":
    main()
