"""The receiver's settings, read from the environment with a clear error naming the key.

One pydantic-settings model: each field names its variable (``validation_alias``) and checks
its value; :meth:`Settings.from_environment` turns the first problem into one line,
:class:`SettingsError`. An empty variable counts as unset; no ``.env`` file is read.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import BeforeValidator, Field, SecretStr, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from generator.errors import AppreciateError
from generator.receiver.smtp import SmtpServer, SmtpUrlError, parse_smtp_url
from generator.receiver.storage import DEFAULT_URL

SITE_ORIGIN = "APPRECIATE_SITE_ORIGIN"


class SettingsError(AppreciateError):
    """A setting is malformed: one line naming the variable, exit 2."""


def _problem(message: str) -> PydanticCustomError:
    """A validation error whose text is ``message`` exactly (the variable is named later)."""
    return PydanticCustomError("setting", message)


def _number(
    minimum: float = 0, hint: str = "0 turns the limit off", whole: bool = False
) -> BeforeValidator:
    """A validator for a number of at least ``minimum``; ``whole`` drops the fraction."""

    def check(value: object) -> object:
        if isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                raise _problem(f"'{value}' is not a number (hint: {hint})") from None
        elif isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        else:
            return value  # not a number at all: pydantic says so
        if number < minimum or number != number:
            raise _problem(f"must be at least {minimum:g}")
        if whole:
            if number == float("inf"):
                raise _problem(f"'{value}' is not a number (hint: {hint})")
            return int(number)
        return number

    return BeforeValidator(check)


def _unset_if_empty(value: object) -> object:
    return None if value == "" else value


# a secret, or None when the variable is empty
Secret = Annotated[SecretStr | None, BeforeValidator(_unset_if_empty)]
Rate = Annotated[float, _number()]
Burst = Annotated[int, _number(whole=True)]
Seconds = Annotated[float, _number(0.1, "seconds, e.g. 5")]


class Settings(BaseSettings):
    """The receiver's settings: ``Settings(...)`` in code, :meth:`from_environment` in service.

    Fields are checked in the order below (the origins and the mail server first); the first
    problem is the one reported.
    """

    model_config = SettingsConfigDict(
        env_file=None,  # the environment only
        env_ignore_empty=True,  # an empty variable is an unset one
        case_sensitive=True,
        populate_by_name=True,  # Settings(rate_per_minute=0) in code, APPRECIATE_RATE_LIMIT outside
        validate_default=True,
        hide_input_in_errors=True,  # a token or a password never reaches a ValidationError's text
        extra="ignore",
        frozen=True,
    )

    database_url: str = Field(DEFAULT_URL, validation_alias="DATABASE_URL", repr=False)
    admin_token: Secret = Field(None, validation_alias="APPRECIATE_ADMIN_TOKEN")
    staff_token: Secret = Field(None, validation_alias="APPRECIATE_STAFF_TOKEN")
    site_origins: Annotated[tuple[str, ...], NoDecode] = Field((), validation_alias=SITE_ORIGIN)
    """Origins the forms may come from; empty: any (a warning at start)."""
    smtp_url: Secret = Field(None, validation_alias="APPRECIATE_SMTP_URL")
    """``smtp://user:pass@host:587`` or ``smtps://``; without it replies are stored, not sent."""
    rate_per_minute: Rate = Field(60.0, validation_alias="APPRECIATE_RATE_LIMIT")
    rate_burst: Burst = Field(20, validation_alias="APPRECIATE_RATE_BURST")
    mail_from: str | None = Field(None, validation_alias="APPRECIATE_MAIL_FROM")
    """The address replies come from; default: the campaign's ``business.email``."""
    notify_email: str | None = Field(None, validation_alias="APPRECIATE_NOTIFY_EMAIL")
    """Where new complaints are announced; default: the campaign's ``business.email``."""
    site_url: str | None = Field(None, validation_alias="APPRECIATE_SITE_URL")
    """The site's address, for links to its pages (the complaint form); default: ``site_url``."""
    public_url: str | None = Field(None, validation_alias="APPRECIATE_PUBLIC_URL")
    """The receiver's address in links sent by mail; default: the campaign's ``receiver.url``."""
    mail_retry_seconds: Annotated[float, _number(0.1, "seconds, e.g. 60")] = Field(
        60.0, validation_alias="APPRECIATE_MAIL_RETRY_SECONDS"
    )
    """The first wait after a failed delivery; it doubles with each failure, up to an hour."""
    mail_attempts: Annotated[int, _number(1, "a count, e.g. 12", whole=True)] = Field(
        12, validation_alias="APPRECIATE_MAIL_ATTEMPTS"
    )
    """Deliveries tried before a message is marked failed (about 17 hours at the defaults)."""
    mail_timeout: Annotated[float, _number(1, "seconds, e.g. 30")] = Field(
        30.0, validation_alias="APPRECIATE_MAIL_TIMEOUT"
    )
    """Seconds a mail server may take to answer; a claim on a message lasts twice as long."""
    db_connect_timeout: Seconds = Field(5.0, validation_alias="APPRECIATE_DB_CONNECT_TIMEOUT")
    """Seconds to wait for the database to accept a connection; then 503 with Retry-After."""
    db_statement_timeout: Seconds = Field(5.0, validation_alias="APPRECIATE_DB_STATEMENT_TIMEOUT")
    """Seconds a statement may run (PostgreSQL) or wait for a lock (SQLite); then 503."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Settings(...) in code holds what it is given; from_environment reads the variables
        return (init_settings,)

    @classmethod
    def from_environment(cls, site_url: str | None = None) -> Settings:
        """The settings of the environment; ``site_url`` (``mkdocs.yml``'s) gives the site's
        origin and address when their variables are unset. :class:`SettingsError` names the
        first malformed variable."""
        found = EnvSettingsSource(cls)()
        # by the variables' names only: `database_url` in the environment is no DATABASE_URL
        values = {name: value for name, value in found.items() if name in VARIABLES}
        if site_url and not _origins(values.get(SITE_ORIGIN, "")):
            parts = urlsplit(site_url)
            values[SITE_ORIGIN] = (f"{parts.scheme}://{parts.netloc}",)
        try:
            settings = cls.model_validate(values)
        except ValidationError as exc:
            raise SettingsError(_one_line(exc)) from None
        fallback = (site_url or "").rstrip("/")
        if settings.site_url is None and fallback:  # the campaign's own, taken as it is
            settings = settings.model_copy(update={"site_url": fallback})
        return settings

    @property
    def smtp(self) -> SmtpServer | None:
        """The mail server, or ``None``: replies are stored, not sent."""
        return parse_smtp_url(self.smtp_url.get_secret_value()) if self.smtp_url else None

    @field_validator("site_origins", mode="before")
    @classmethod
    def _site_origins(cls, value: object) -> object:
        origins = _origins(value) if isinstance(value, str) else value
        if isinstance(origins, tuple | list):
            for origin in origins:
                if isinstance(origin, str) and not origin.startswith(("http://", "https://")):
                    raise _problem(f"'{origin}' is not an origin (hint: https://shop.example)")
        return origins

    @field_validator("smtp_url")
    @classmethod
    def _smtp_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            try:
                parse_smtp_url(value.get_secret_value())
            except SmtpUrlError as exc:  # its message names no password
                raise _problem(str(exc)) from None
        return value

    @field_validator("mail_from", "notify_email", mode="before")
    @classmethod
    def _address(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value:
            return None
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError:
            shown = value.encode("unicode_escape").decode()[:80]
            raise _problem(
                f"'{shown}' is not an e-mail address (hint: hello@shop.example)"
            ) from None

    @field_validator("site_url", "public_url", mode="before")
    @classmethod
    def _public_url(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.strip().rstrip("/")
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
            raise _problem(
                f"'{value[:80]}' is not a web address (hint: https://answers.shop.example)"
            )
        return value


VARIABLES = frozenset(str(field.validation_alias) for field in Settings.model_fields.values())


def _origins(value: str) -> tuple[str, ...]:
    """``https://a.example, https://b.example/`` as ``("https://a.example", "https://b.example")``."""
    return tuple(o.strip().rstrip("/") for o in value.split(",") if o.strip())


def _one_line(error: ValidationError) -> str:
    """The first problem, named by its variable: ``APPRECIATE_MAIL_ATTEMPTS: must be ...``."""
    first = error.errors(include_url=False)[0]
    name = str(first["loc"][0]) if first["loc"] else "settings"
    field = Settings.model_fields.get(name)
    variable = field.validation_alias if field and isinstance(field.validation_alias, str) else name
    return f"{variable}: {first['msg']}"
