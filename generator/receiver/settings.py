"""The receiver's settings, read from the environment with a clear error naming the key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

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
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_URL,
            admin_token=env.get("APPRECIATE_ADMIN_TOKEN") or None,
            staff_token=env.get("APPRECIATE_STAFF_TOKEN") or None,
            site_origins=origins,
            rate_per_minute=_number(env, "APPRECIATE_RATE_LIMIT", 60.0),
            rate_burst=int(_number(env, "APPRECIATE_RATE_BURST", 20)),
            smtp_url=env.get("APPRECIATE_SMTP_URL") or None,
            mail_from=env.get("APPRECIATE_MAIL_FROM") or None,
        )


def _number(env: os._Environ[str], key: str, default: float) -> float:
    value = env.get(key)
    if value is None or value == "":
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(
            f"{key}: '{value}' is not a number (hint: 0 turns the limit off)"
        ) from None
    if number < 0:
        raise SettingsError(f"{key}: must not be negative")
    return number
