"""A real SMTP server on loopback (aiosmtpd) that keeps what it accepts, for the mail tests."""

from __future__ import annotations

import asyncio
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass
class Delivered:
    sender: str
    recipients: list[str]
    message: EmailMessage
    raw: bytes


@dataclass
class MailServer:
    """aiosmtpd on 127.0.0.1:``port``; ``hold`` makes the next DATA wait until released."""

    port: int
    tls_context: ssl.SSLContext | None = None
    received: list[Delivered] = field(default_factory=list)
    refuse: int = 0
    """Answer this many messages' DATA with a 451 (try again later)."""
    hold: bool = False
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    secured: list[bool] = field(default_factory=list)
    """For each accepted message: whether its session was under TLS."""
    controller: Controller | None = None

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.hold:
            self.hold = False
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.released.wait)
            return "451 4.3.0 held by the test, then dropped"
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 try again later"
        raw = envelope.original_content or b""
        parsed = message_from_bytes(raw, policy=policy.default)
        self.received.append(
            Delivered(str(envelope.mail_from), list(envelope.rcpt_tos), parsed, raw)  # type: ignore[arg-type]
        )
        self.secured.append(session.ssl is not None)
        return "250 OK"

    def start(self) -> MailServer:
        options: dict[str, Any] = {}
        if self.tls_context is not None:
            options["tls_context"] = self.tls_context
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()
        return self

    def stop(self) -> None:
        self.released.set()
        if self.controller is not None:
            self.controller.stop()

    def to(self, address: str) -> list[Delivered]:
        return [d for d in self.received if address in d.recipients]


def wait_for(what: str, condition: Callable[[], Any], bound: float = 120) -> Any:
    """Poll ``condition`` until it is true; the bound only stops a hung test, it times nothing."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never happened: {what}")
