"""The sender: delivers the outbox, with retries and back-off, and announces new complaints.

A message is claimed with a lease before it is sent: one conditional ``UPDATE`` that moves its
``next_attempt_at`` past the time a delivery can take and counts the attempt, so two receivers
never send it together. A receiver killed mid-delivery leaves the lease to expire, and the next
sender (the restarted one, or another) sends it again: delivery is at least once, and a second
copy keeps its ``Message-ID``. Each outcome is a row in ``mail_attempts``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update
from starlette.concurrency import run_in_threadpool

from generator.receiver import outbox as mailbox
from generator.receiver.smtp import SmtpServer, connected
from generator.receiver.storage import now
from generator.receiver.tables import complaints, mail_attempts, outbox

if TYPE_CHECKING:
    from generator.receiver.context import Receiver

log = logging.getLogger("appreciate.mail")

BATCH = 50  # messages sent over one connection
POLL_SECONDS = 1.0  # how often an idle sender looks for due messages
MAX_WAIT = timedelta(hours=1)  # the longest back-off between two attempts


@dataclass(frozen=True)
class Claimed:
    id: int
    recipient: str
    message: str
    attempts: int


class Sender:
    def __init__(
        self, receiver: Receiver, server: SmtpServer, tls: ssl.SSLContext | None = None
    ) -> None:
        self.receiver = receiver
        self.server = server
        self.tls = tls
        self.engine = receiver.storage.engine
        self.settings = receiver.settings
        self.envelope_from = mailbox.sender_address(receiver)

    @property
    def lease(self) -> timedelta:
        """How long a claim lasts: longer than a connection and a batch can take."""
        return timedelta(seconds=self.settings.mail_timeout * 2 + 5)

    def backoff(self, attempts: int) -> timedelta:
        """The wait after ``attempts`` failed deliveries: doubling, at most an hour."""
        seconds = self.settings.mail_retry_seconds * 2 ** min(attempts - 1, 20)
        return min(timedelta(seconds=seconds), MAX_WAIT)

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; a lost database only makes it wait and try again."""
        log.info("sending mail through %s", self.server)
        while not stop.is_set():
            try:
                busy = await run_in_threadpool(self.step)
            except Exception as exc:  # the database went away: the outbox waits for it
                log.warning("mail: %s; trying again", type(exc).__name__)
                busy = 0
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), POLL_SECONDS)

    def step(self) -> int:
        """Announce new complaints, then deliver one batch of due messages; how many."""
        self.announce()
        claimed = self.claim(BATCH)
        if claimed:
            self.deliver(claimed)
        return len(claimed)

    def announce(self) -> int:
        """Queue the shop's notice of each complaint not yet announced (answered ones: none)."""
        queued = 0
        with self.engine.begin() as connection:
            rows = connection.execute(
                select(complaints)
                .where(complaints.c.notified_at.is_(None))
                .order_by(complaints.c.id)
                .limit(BATCH)
            ).all()
            for row in rows:
                marked = connection.execute(
                    update(complaints)
                    .where(complaints.c.id == row.id, complaints.c.notified_at.is_(None))
                    .values(notified_at=now())
                )
                if marked.rowcount == 1 and row.answered_at is None:
                    mailbox.queue_notification(connection, self.receiver, row)
                    queued += 1
        return queued

    def claim(self, limit: int) -> list[Claimed]:
        """Due messages, each leased to this sender by a conditional update."""
        moment = now()
        claimed: list[Claimed] = []
        with self.engine.begin() as connection:
            due = connection.execute(
                select(outbox.c.id, outbox.c.recipient, outbox.c.message, outbox.c.attempts)
                .where(outbox.c.status == "pending", outbox.c.next_attempt_at <= moment)
                .order_by(outbox.c.next_attempt_at)
                .limit(limit)
            ).all()
            for row in due:
                taken = connection.execute(
                    update(outbox)
                    .where(
                        outbox.c.id == row.id,
                        outbox.c.status == "pending",
                        outbox.c.attempts == row.attempts,
                    )
                    .values(attempts=row.attempts + 1, next_attempt_at=moment + self.lease)
                )
                if taken.rowcount == 1:
                    claimed.append(Claimed(row.id, row.recipient, row.message, row.attempts + 1))
        return claimed

    def deliver(self, claimed: list[Claimed]) -> None:
        """Send ``claimed`` over one connection; record each outcome."""
        done: set[int] = set()
        try:
            with connected(self.server, self.settings.mail_timeout, self.tls) as client:
                for message in claimed:
                    try:
                        client.sendmail(self.envelope_from, [message.recipient], message.message)
                    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                        self.record(message, exc)  # refused: this message only, the rest go on
                    else:
                        self.record(message, None)
                    done.add(message.id)
        except (smtplib.SMTPException, OSError) as exc:
            # connecting, STARTTLS or signing in failed, or the connection dropped
            for message in claimed:
                if message.id not in done:
                    self.record(message, exc)

    def record(self, message: Claimed, error: BaseException | None) -> None:
        """One attempt in ``mail_attempts``, and the message sent, failed or due again."""
        moment = now()
        mine = update(outbox).where(
            outbox.c.id == message.id, outbox.c.attempts == message.attempts
        )
        if error is None:
            outcome = mine.values(status="sent", sent_at=moment)
        elif permanent(error) or message.attempts >= self.settings.mail_attempts:
            outcome = mine.values(status="failed")
        else:
            outcome = mine.values(next_attempt_at=moment + self.backoff(message.attempts))
        with self.engine.begin() as connection:
            connection.execute(
                insert(mail_attempts).values(
                    outbox_id=message.id,
                    attempted_at=moment,
                    ok=error is None,
                    error=None if error is None else describe(error),
                )
            )
            connection.execute(outcome)
        if error is not None:
            log.warning("mail %d, attempt %d: %s", message.id, message.attempts, describe(error))


def permanent(error: BaseException) -> bool:
    """A 5xx answer: the server refused this message for good (RFC 5321 4.2.1)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def describe(error: BaseException) -> str:
    """What went wrong, for the attempts table and the log (no password is ever in it)."""
    if isinstance(error, smtplib.SMTPResponseException):
        said = error.smtp_error
        text = said.decode(errors="replace") if isinstance(said, bytes) else str(said)
        return f"{error.smtp_code} {text}"[:500]
    return f"{type(error).__name__}: {error}"[:500]
