"""The receiver's settings, read from the environment with a clear error naming the key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from generator.receiver.smtp import SmtpServer, SmtpUrlError, parse_smtp_url
from generator.receiver.storage import DEFAULT_URL


class SettingsError(Exception):
    """A setting is malformed: one line naming the variable, exit 2."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_URL
    admin_token: str | None = None
    staff_token: str | None = None
    site_origins: tuple[str, ...] = ()
    """Origins the forms may come from; empty: any (a warning at start)."""
    rate_per_minute: float = 60.0
    rate_burst: int = 20
    smtp_url: str | None = None
    """``smtp://user:pass@host:587`` or ``smtps://``; without it replies are stored, not sent."""
    mail_from: str | None = None
    """The address replies come from; default: the campaign's ``business.email``."""
    db_connect_timeout: float = 5.0
    """Seconds to wait for the database to accept a connection; then 503 with Retry-After."""
    db_statement_timeout: float = 5.0
    """Seconds a statement may run (PostgreSQL) or wait for a lock (SQLite); then 503."""
    notify_email: str | None = None
    """Where new complaints are announced; default: the campaign's ``business.email``."""
    site_url: str | None = None
    """The site's address, for links to its pages (the complaint form); default: ``site_url``."""
    public_url: str | None = None
    """The receiver's address in links sent by mail; default: the campaign's ``receiver.url``."""
    mail_retry_seconds: float = 60.0
    """The first wait after a failed delivery; it doubles with each failure, up to an hour."""
    mail_attempts: int = 12
    """Deliveries tried before a message is marked failed (about 17 hours at the defaults)."""
    mail_timeout: float = 30.0
    """Seconds a mail server may take to answer; a claim on a message lasts twice as long."""

    @property
    def smtp(self) -> SmtpServer | None:
        """The mail server, or ``None``: replies are stored, not sent."""
        return parse_smtp_url(self.smtp_url) if self.smtp_url else None

    @classmethod
    def from_environment(cls, site_url: str | None = None) -> Settings:
        env = os.environ
        origins = tuple(
            o.strip().rstrip("/")
            for o in env.get("APPRECIATE_SITE_ORIGIN", "").split(",")
            if o.strip()
        )
        if not origins and site_url:
            parts = urlsplit(site_url)
            origins = (f"{parts.scheme}://{parts.netloc}",)
        for origin in origins:
            if not origin.startswith(("http://", "https://")):
                raise SettingsError(
                    f"APPRECIATE_SITE_ORIGIN: '{origin}' is not an origin (hint: https://shop.example)"
                )
        smtp_url = env.get("APPRECIATE_SMTP_URL") or None
        if smtp_url:
            try:
                parse_smtp_url(smtp_url)
            except SmtpUrlError as exc:
                raise SettingsError(f"APPRECIATE_SMTP_URL: {exc}") from None
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_URL,
            admin_token=env.get("APPRECIATE_ADMIN_TOKEN") or None,
            staff_token=env.get("APPRECIATE_STAFF_TOKEN") or None,
            site_origins=origins,
            rate_per_minute=_number(env, "APPRECIATE_RATE_LIMIT", 60.0),
            rate_burst=int(_number(env, "APPRECIATE_RATE_BURST", 20)),
            smtp_url=smtp_url,
            mail_from=_address(env, "APPRECIATE_MAIL_FROM"),
            notify_email=_address(env, "APPRECIATE_NOTIFY_EMAIL"),
            site_url=_public_url(env, "APPRECIATE_SITE_URL")
            or (site_url or "").rstrip("/")
            or None,
            public_url=_public_url(env, "APPRECIATE_PUBLIC_URL"),
            mail_retry_seconds=_number(
                env, "APPRECIATE_MAIL_RETRY_SECONDS", 60.0, 0.1, "seconds, e.g. 60"
            ),
            mail_attempts=int(_number(env, "APPRECIATE_MAIL_ATTEMPTS", 12, 1, "a count, e.g. 12")),
            mail_timeout=_number(env, "APPRECIATE_MAIL_TIMEOUT", 30.0, 1, "seconds, e.g. 30"),
            db_connect_timeout=_number(
                env, "APPRECIATE_DB_CONNECT_TIMEOUT", 5.0, 0.1, "seconds, e.g. 5"
            ),
            db_statement_timeout=_number(
                env, "APPRECIATE_DB_STATEMENT_TIMEOUT", 5.0, 0.1, "seconds, e.g. 5"
            ),
        )


def _address(env: os._Environ[str], key: str) -> str | None:
    value = env.get(key, "").strip()
    if not value:
        return None
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        shown = value.encode("unicode_escape").decode()[:80]
        raise SettingsError(
            f"{key}: '{shown}' is not an e-mail address (hint: hello@shop.example)"
        ) from None


def _public_url(env: os._Environ[str], key: str) -> str | None:
    value = env.get(key, "").strip().rstrip("/")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise SettingsError(
            f"{key}: '{value[:80]}' is not a web address (hint: https://answers.shop.example)"
        )
    return value


def _number(
    env: os._Environ[str],
    key: str,
    default: float,
    minimum: float = 0,
    hint: str = "0 turns the limit off",
) -> float:
    value = env.get(key)
    if value is None or value == "":
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(f"{key}: '{value}' is not a number (hint: {hint})") from None
    if number < minimum or number != number:
        raise SettingsError(f"{key}: must be at least {minimum:g}")
    return number
