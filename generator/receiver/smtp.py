"""The mail server replies go through: ``APPRECIATE_SMTP_URL`` read, and one connection to it.

``smtp://`` must offer STARTTLS, except on loopback (a relay on the same machine); ``smtps://``
is TLS from the first byte. The password is never part of an error or a log line.
"""

from __future__ import annotations

import ipaddress
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
EXAMPLE = "smtp://user:password@mail.example:587 or smtps://user:password@mail.example:465"


class SmtpUrlError(ValueError):
    """``APPRECIATE_SMTP_URL`` is malformed; the message names no password."""


class TlsRefused(smtplib.SMTPException):
    """The server does not offer STARTTLS, and it is not on this machine."""


@dataclass(frozen=True)
class SmtpServer:
    scheme: str  # smtp | smtps
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    tls_required: bool = True
    """Whether an ``smtp://`` server must offer STARTTLS (all but those on loopback)."""

    def __str__(self) -> str:
        """The server without its password, for logs and the console."""
        user = f"{self.username}@" if self.username else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpServer:
    """``url`` read; :class:`SmtpUrlError` when it cannot be a mail server."""
    parts = urlsplit(url.strip())
    shown = f"{parts.scheme}://{parts.hostname or ''}" if parts.scheme else "the value"
    if parts.scheme not in DEFAULT_PORTS:
        raise SmtpUrlError(f"{shown} is not an smtp:// or smtps:// address (hint: {EXAMPLE})")
    if not parts.hostname:
        raise SmtpUrlError(f"{shown} names no mail server (hint: {EXAMPLE})")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise SmtpUrlError(f"{shown}: the port is not a number (hint: {EXAMPLE})") from None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise SmtpUrlError(f"{shown}: a mail server has no path or query (hint: {EXAMPLE})")
    if (parts.username is None) != (parts.password is None):
        raise SmtpUrlError(
            f"{shown}: give both a user and a password, or neither (hint: {EXAMPLE})"
        )
    return SmtpServer(
        parts.scheme,
        parts.hostname,
        port,
        unquote(parts.username) if parts.username else None,
        unquote(parts.password) if parts.password is not None else None,
        tls_required=not is_loopback(parts.hostname),
    )


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address, as written in the URL (no name is looked up)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextmanager
def connected(
    server: SmtpServer, timeout: float, context: ssl.SSLContext | None = None
) -> Iterator[smtplib.SMTP]:
    """An open, secured and signed-in connection to ``server``; ``QUIT`` at the end."""
    context = context or ssl.create_default_context()
    client: smtplib.SMTP
    if server.scheme == "smtps":
        client = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=timeout)
    try:
        client.ehlo()
        if server.scheme == "smtp":
            if client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            elif server.tls_required:
                raise TlsRefused(f"{server} does not offer STARTTLS: nothing is sent in clear")
        if server.username is not None and server.password is not None:
            client.login(server.username, server.password)
        yield client
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()
