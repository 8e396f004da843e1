"""The receiver's settings: each variable read, each malformed value one line naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from generator.receiver.settings import Settings, SettingsError
from generator.receiver.smtp import SmtpServer
from generator.receiver.storage import DEFAULT_URL

VARIABLES = sorted(str(field.validation_alias) for field in Settings.model_fields.values())
SMTP_EXAMPLE = "smtp://user:password@mail.example:587 or smtps://user:password@mail.example:465"


@pytest.fixture(autouse=True)
def bare_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """None of the receiver's variables set, whatever the shell running the tests has."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def read(monkeypatch: pytest.MonkeyPatch, site_url: str | None = None, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings.from_environment(site_url)


def refused(monkeypatch: pytest.MonkeyPatch, site_url: str | None = None, **env: str) -> str:
    with pytest.raises(SettingsError) as caught:
        read(monkeypatch, site_url, **env)
    return str(caught.value)


def test_every_variable_is_named() -> None:
    named = {
        "DATABASE_URL",
        "APPRECIATE_ADMIN_TOKEN",
        "APPRECIATE_STAFF_TOKEN",
        "APPRECIATE_SITE_ORIGIN",
        "APPRECIATE_RATE_LIMIT",
        "APPRECIATE_RATE_BURST",
        "APPRECIATE_SMTP_URL",
        "APPRECIATE_MAIL_FROM",
        "APPRECIATE_NOTIFY_EMAIL",
        "APPRECIATE_SITE_URL",
        "APPRECIATE_PUBLIC_URL",
        "APPRECIATE_MAIL_RETRY_SECONDS",
        "APPRECIATE_MAIL_ATTEMPTS",
        "APPRECIATE_MAIL_TIMEOUT",
        "APPRECIATE_DB_CONNECT_TIMEOUT",
        "APPRECIATE_DB_STATEMENT_TIMEOUT",
    }
    assert named == set(VARIABLES)


def test_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(monkeypatch)
    assert settings.database_url == DEFAULT_URL
    assert settings.admin_token is None and settings.staff_token is None
    assert settings.site_origins == ()
    assert settings.smtp_url is None and settings.smtp is None
    assert (settings.rate_per_minute, settings.rate_burst) == (60.0, 20)
    assert settings.mail_from is None and settings.notify_email is None
    assert settings.site_url is None and settings.public_url is None
    assert (settings.mail_retry_seconds, settings.mail_attempts, settings.mail_timeout) == (
        60.0,
        12,
        30.0,
    )
    assert (settings.db_connect_timeout, settings.db_statement_timeout) == (5.0, 5.0)
    assert Settings() == settings


@pytest.mark.parametrize("name", VARIABLES)
def test_an_empty_variable_is_an_unset_one(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(monkeypatch, **{name: ""}) == Settings()


def test_the_database_and_the_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(
        monkeypatch,
        DATABASE_URL="postgresql://shop@db.example:5432/answers",
        APPRECIATE_ADMIN_TOKEN="admin-secret",
        APPRECIATE_STAFF_TOKEN="staff-secret",
    )
    assert settings.database_url == "postgresql://shop@db.example:5432/answers"
    assert settings.admin_token == SecretStr("admin-secret")
    assert settings.staff_token == SecretStr("staff-secret")


def test_only_the_exact_names_count(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(
        monkeypatch, appreciate_rate_limit="5", rate_per_minute="5", database_url="sqlite://"
    )
    assert settings == Settings()
    assert read(monkeypatch, APPRECIATE_RATE_LIMIT="7", rate_per_minute="5").rate_per_minute == 7


def test_no_env_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("APPRECIATE_RATE_LIMIT=5\nDATABASE_URL=sqlite:///other\n")
    monkeypatch.chdir(tmp_path)
    assert read(monkeypatch) == Settings()


def test_settings_in_code_do_not_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRECIATE_RATE_LIMIT", "5")
    monkeypatch.setenv("APPRECIATE_SMTP_URL", "smtp://127.0.0.1:2525")
    settings = Settings(database_url="sqlite://", admin_token="a")  # type: ignore[arg-type]
    assert settings.rate_per_minute == 60 and settings.smtp_url is None
    assert settings.admin_token == SecretStr("a")


def test_settings_cannot_change(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(monkeypatch)
    with pytest.raises(ValidationError):
        settings.rate_burst = 1  # type: ignore[misc]


# --- the forms' origins and the site's address -------------------------------------------


def test_origins_are_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(
        monkeypatch,
        "https://campaign.example/",
        APPRECIATE_SITE_ORIGIN=" https://shop.example/ ,, http://127.0.0.1:8000",
    )
    assert settings.site_origins == ("https://shop.example", "http://127.0.0.1:8000")


@pytest.mark.parametrize("unset", [None, "", " , "])
def test_without_origins_the_sites_own_counts(
    unset: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {} if unset is None else {"APPRECIATE_SITE_ORIGIN": unset}
    settings = read(monkeypatch, "https://shop.example/en/", **env)
    assert settings.site_origins == ("https://shop.example",)
    assert read(monkeypatch, None, **env).site_origins == ()


def test_a_site_url_that_is_no_origin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    assert refused(monkeypatch, "ftp://shop.example/") == (
        "APPRECIATE_SITE_ORIGIN: 'ftp://shop.example' is not an origin (hint: https://shop.example)"
    )


def test_the_site_address_falls_back_to_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(monkeypatch, "https://shop.example/en/").site_url == "https://shop.example/en"
    assert read(monkeypatch, "/", APPRECIATE_SITE_ORIGIN="https://shop.example").site_url is None
    settings = read(monkeypatch, "https://shop.example/", APPRECIATE_SITE_URL="https://s.example/")
    assert settings.site_url == "https://s.example"


def test_the_campaigns_site_url_is_taken_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # the site's origin is set; the campaign's odd site_url is not the receiver's to judge
    settings = read(monkeypatch, "shop.example/", APPRECIATE_SITE_ORIGIN="https://shop.example")
    assert settings.site_url == "shop.example"


def test_web_addresses_lose_their_last_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(monkeypatch, APPRECIATE_PUBLIC_URL=" https://answers.shop.example/ ")
    assert settings.public_url == "https://answers.shop.example"


# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "attribute", "value", "expected"),
    [
        ("APPRECIATE_RATE_LIMIT", "rate_per_minute", "0", 0.0),
        ("APPRECIATE_RATE_LIMIT", "rate_per_minute", " 7.5 ", 7.5),
        ("APPRECIATE_RATE_BURST", "rate_burst", "3", 3),
        ("APPRECIATE_RATE_BURST", "rate_burst", "2.7", 2),
        ("APPRECIATE_MAIL_RETRY_SECONDS", "mail_retry_seconds", "0.1", 0.1),
        ("APPRECIATE_MAIL_ATTEMPTS", "mail_attempts", "1", 1),
        ("APPRECIATE_MAIL_ATTEMPTS", "mail_attempts", "3.9", 3),
        ("APPRECIATE_MAIL_TIMEOUT", "mail_timeout", "1", 1.0),
        ("APPRECIATE_DB_CONNECT_TIMEOUT", "db_connect_timeout", "2", 2.0),
        ("APPRECIATE_DB_STATEMENT_TIMEOUT", "db_statement_timeout", "1e1", 10.0),
    ],
)
def test_numbers_are_read(
    name: str, attribute: str, value: str, expected: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_value = getattr(read(monkeypatch, **{name: value}), attribute)
    assert read_value == expected and type(read_value) is type(expected)


# --- every malformed value: one line, the variable first, a hint ------------------------

REFUSED = [
    ("APPRECIATE_RATE_LIMIT", "x", "'x' is not a number (hint: 0 turns the limit off)"),
    ("APPRECIATE_RATE_LIMIT", "-1", "must be at least 0"),
    ("APPRECIATE_RATE_LIMIT", "nan", "must be at least 0"),
    ("APPRECIATE_RATE_BURST", "many", "'many' is not a number (hint: 0 turns the limit off)"),
    ("APPRECIATE_RATE_BURST", "-0.5", "must be at least 0"),
    ("APPRECIATE_RATE_BURST", "inf", "'inf' is not a number (hint: 0 turns the limit off)"),
    ("APPRECIATE_MAIL_RETRY_SECONDS", "soon", "'soon' is not a number (hint: seconds, e.g. 60)"),
    ("APPRECIATE_MAIL_RETRY_SECONDS", "0.05", "must be at least 0.1"),
    ("APPRECIATE_MAIL_ATTEMPTS", "x", "'x' is not a number (hint: a count, e.g. 12)"),
    ("APPRECIATE_MAIL_ATTEMPTS", "0", "must be at least 1"),
    ("APPRECIATE_MAIL_TIMEOUT", "slow", "'slow' is not a number (hint: seconds, e.g. 30)"),
    ("APPRECIATE_MAIL_TIMEOUT", "-3", "must be at least 1"),
    ("APPRECIATE_DB_CONNECT_TIMEOUT", "x", "'x' is not a number (hint: seconds, e.g. 5)"),
    ("APPRECIATE_DB_CONNECT_TIMEOUT", "0", "must be at least 0.1"),
    ("APPRECIATE_DB_STATEMENT_TIMEOUT", "nan", "must be at least 0.1"),
    (
        "APPRECIATE_SITE_ORIGIN",
        "ftp://x",
        "'ftp://x' is not an origin (hint: https://shop.example)",
    ),
    (
        "APPRECIATE_SITE_ORIGIN",
        "https://shop.example, shop.example",
        "'shop.example' is not an origin (hint: https://shop.example)",
    ),
    (
        "APPRECIATE_MAIL_FROM",
        "not-an-address",
        "'not-an-address' is not an e-mail address (hint: hello@shop.example)",
    ),
    (
        "APPRECIATE_MAIL_FROM",
        "shop\r\nBcc: x@evil.example",
        r"'shop\r\nBcc: x@evil.example' is not an e-mail address (hint: hello@shop.example)",
    ),
    (
        "APPRECIATE_NOTIFY_EMAIL",
        "a@b.example, c@d.example",
        "'a@b.example, c@d.example' is not an e-mail address (hint: hello@shop.example)",
    ),
    (
        "APPRECIATE_SITE_URL",
        "shop.example",
        "'shop.example' is not a web address (hint: https://answers.shop.example)",
    ),
    (
        "APPRECIATE_PUBLIC_URL",
        "https://answers.shop.example/?x=1",
        "'https://answers.shop.example/?x=1' is not a web address "
        "(hint: https://answers.shop.example)",
    ),
    (
        "APPRECIATE_SMTP_URL",
        "http://user:secret-word@mail.example",
        f"http://mail.example is not an smtp:// or smtps:// address (hint: {SMTP_EXAMPLE})",
    ),
]


@pytest.mark.parametrize(("name", "value", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_malformed_value_is_refused_in_one_line(
    name: str, value: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refused(monkeypatch, **{name: value}) == f"{name}: {message}"


def test_the_first_malformed_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    # the order the old hand-written reader checked in: origins, mail server, then the numbers
    message = refused(
        monkeypatch,
        APPRECIATE_MAIL_ATTEMPTS="0",
        APPRECIATE_RATE_LIMIT="x",
        APPRECIATE_SMTP_URL="http://mail.example",
        APPRECIATE_SITE_ORIGIN="shop.example",
    )
    assert message.startswith("APPRECIATE_SITE_ORIGIN: ")


# --- secrets stay out of errors and reprs -----------------------------------------------


def test_a_bad_setting_does_not_echo_the_mail_password(monkeypatch: pytest.MonkeyPatch) -> None:
    bad_url = refused(monkeypatch, APPRECIATE_SMTP_URL="smtp://shop:secret-word@mail.example/x")
    assert bad_url.startswith("APPRECIATE_SMTP_URL: ") and "secret-word" not in bad_url
    other = refused(
        monkeypatch,
        APPRECIATE_SMTP_URL="smtp://shop:secret-word@mail.example",
        APPRECIATE_MAIL_ATTEMPTS="none",
    )
    assert other.startswith("APPRECIATE_MAIL_ATTEMPTS: ") and "secret-word" not in other


def test_settings_in_code_do_not_echo_secrets_either() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(smtp_url="http://shop:secret-word@mail.example")  # type: ignore[arg-type]
    assert "secret-word" not in str(caught.value)


def test_the_repr_shows_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = read(
        monkeypatch,
        DATABASE_URL="postgresql://shop:db-word@db.example/answers",
        APPRECIATE_ADMIN_TOKEN="admin-word",
        APPRECIATE_STAFF_TOKEN="staff-word",
        APPRECIATE_SMTP_URL="smtps://shop:mail-word@mail.example",
    )
    assert settings.smtp == SmtpServer("smtps", "mail.example", 465, "shop", "mail-word")
    for shown in (repr(settings), str(settings), repr(settings.smtp)):
        for secret in ("db-word", "admin-word", "staff-word", "mail-word"):
            assert secret not in shown
