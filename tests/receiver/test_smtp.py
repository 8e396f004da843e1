"""The mail server setting, and a connection that never sends in clear off this machine."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from generator.receiver.settings import Settings, SettingsError
from generator.receiver.smtp import SmtpServer, TlsRefused, connected, parse_smtp_url
from tests.conftest import appreciate
from tests.receiver.conftest import CAMPAIGN, _free_port
from tests.receiver.mailserver import MailServer


@pytest.mark.parametrize(
    ("url", "server"),
    [
        ("smtp://127.0.0.1:2525", SmtpServer("smtp", "127.0.0.1", 2525, tls_required=False)),
        ("smtp://localhost", SmtpServer("smtp", "localhost", 587, tls_required=False)),
        ("smtp://[::1]:25", SmtpServer("smtp", "::1", 25, tls_required=False)),
        (
            "smtp://shop%40mail.example:p%40ss@mail.example:587",
            SmtpServer("smtp", "mail.example", 587, "shop@mail.example", "p@ss"),
        ),
        ("smtps://u:p@mail.example", SmtpServer("smtps", "mail.example", 465, "u", "p")),
        ("smtp://10.0.0.5", SmtpServer("smtp", "10.0.0.5", 587, tls_required=True)),
    ],
)
def test_the_url_names_the_server_and_whether_tls_is_required(url: str, server: SmtpServer) -> None:
    assert parse_smtp_url(url) == server


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://user:secret-word@mail.example", "is not an smtp:// or smtps:// address"),
        ("smtp://user:secret-word@:587", "names no mail server"),
        ("smtp://user:secret-word@mail.example:port", "the port is not a number"),
        ("smtp://user:secret-word@mail.example/inbox", "has no path or query"),
        ("smtp://user@mail.example", "give both a user and a password"),
    ],
)
def test_a_malformed_url_is_one_line_without_the_password(
    url: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRECIATE_SMTP_URL", url)
    with pytest.raises(SettingsError) as caught:
        Settings.from_environment()
    message = str(caught.value)
    assert message.startswith("APPRECIATE_SMTP_URL: ") and expected in message
    assert "secret-word" not in message and "\n" not in message and "(hint: " in message


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("APPRECIATE_MAIL_FROM", "shop\r\nBcc: x@evil.example", "is not an e-mail address"),
        ("APPRECIATE_MAIL_FROM", "not-an-address", "is not an e-mail address"),
        ("APPRECIATE_NOTIFY_EMAIL", "a@b.example, c@d.example", "is not an e-mail address"),
        ("APPRECIATE_PUBLIC_URL", "answers.shop.example", "is not a web address"),
        ("APPRECIATE_MAIL_RETRY_SECONDS", "soon", "is not a number"),
        ("APPRECIATE_MAIL_ATTEMPTS", "0", "must be at least 1"),
        ("APPRECIATE_MAIL_TIMEOUT", "-3", "must be at least 1"),
    ],
)
def test_mail_settings_are_checked(
    key: str, value: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError) as caught:
        Settings.from_environment()
    message = str(caught.value)
    assert message.startswith(f"{key}: ") and expected in message and "\n" not in message


def test_a_bad_mail_setting_stops_the_receiver_with_exit_2(tmp_path: Path) -> None:
    result = appreciate(
        "receiver",
        "--campaign",
        str(CAMPAIGN),
        "--port",
        str(_free_port()),
        cwd=tmp_path,
        APPRECIATE_SMTP_URL="smtp://shop:secret-word@mail.example/x",
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: APPRECIATE_SMTP_URL: ")
    assert "secret-word" not in result.stderr and "Traceback" not in result.stderr


def test_good_mail_settings_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRECIATE_SMTP_URL", "smtps://u:p@mail.example")
    monkeypatch.setenv("APPRECIATE_MAIL_FROM", "Hola@Shop.example")
    monkeypatch.setenv("APPRECIATE_NOTIFY_EMAIL", "owner@shop.example")
    monkeypatch.setenv("APPRECIATE_PUBLIC_URL", "https://answers.shop.example/")
    monkeypatch.setenv("APPRECIATE_MAIL_ATTEMPTS", "3")
    settings = Settings.from_environment()
    assert settings.smtp == SmtpServer("smtps", "mail.example", 465, "u", "p")
    assert settings.mail_from == "Hola@shop.example"
    assert settings.notify_email == "owner@shop.example"
    assert settings.public_url == "https://answers.shop.example"
    assert settings.mail_attempts == 3
    assert "p@" not in str(settings.smtp) and "u@mail.example" in str(settings.smtp)


def message() -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "hola@shop.example", "ana@x.example", "Hi"
    mail.set_content("hello")
    return mail


def test_a_server_off_this_machine_must_offer_starttls() -> None:
    server = MailServer(_free_port()).start()  # offers no STARTTLS
    try:
        remote = SmtpServer("smtp", "127.0.0.1", server.port, "shop", "secret", tls_required=True)
        with (
            pytest.raises(TlsRefused, match="does not offer STARTTLS") as refused,
            connected(remote, timeout=10) as client,
        ):
            client.send_message(message())
        assert "secret" not in str(refused.value)
        # on loopback, a relay without TLS is allowed
        local = SmtpServer("smtp", "127.0.0.1", server.port, tls_required=False)
        with connected(local, timeout=10) as client:
            client.send_message(message())
    finally:
        server.stop()
    assert len(server.received) == 1 and server.secured == [False]


def test_starttls_is_used_and_the_certificate_checked() -> None:
    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_context)
    server = MailServer(_free_port(), tls_context=server_context).start()
    trusting = ssl.create_default_context()
    authority.configure_trust(trusting)
    remote = SmtpServer("smtp", "127.0.0.1", server.port, tls_required=True)
    try:
        with connected(remote, timeout=10, context=trusting) as client:
            client.send_message(message())
        # a certificate this client does not trust: nothing is sent
        with pytest.raises(ssl.SSLCertVerificationError), connected(remote, timeout=10) as client:
            client.send_message(message())
    finally:
        server.stop()
    assert server.secured == [True]


def test_a_refused_login_is_an_smtp_error_without_the_password() -> None:
    server = MailServer(_free_port()).start()  # offers no AUTH at all
    try:
        local = SmtpServer("smtp", "127.0.0.1", server.port, "shop", "secret", tls_required=False)
        with pytest.raises(smtplib.SMTPException) as refused, connected(local, timeout=10):
            pass
    finally:
        server.stop()
    assert "secret" not in str(refused.value)
