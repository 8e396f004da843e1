"""Signing in: the set-up link, sessions and their cookie, CSRF, the lock-out, roles."""

from __future__ import annotations

import re

from generator.receiver.staff import lockout
from generator.receiver.staff.sessions import COOKIE, digest
from tests.receiver.staff.conftest import CLERK, OWNER, PASSWORD, Console, csrf_of


def test_nothing_under_staff_answers_before_the_owner_exists(bare_console: Console) -> None:
    client = bare_console.client
    for path in ("/staff", "/staff/login", "/staff/till", "/staff/report"):
        assert client.get(path).status_code == 404, path
    link = bare_console.setup_link()
    form = client.get(link)
    assert form.status_code == 200
    created = client.post(
        link, data={"csrf": csrf_of(form), "email": "Boss@Shop.example", "password": PASSWORD}
    )
    assert created.status_code == 303 and created.headers["location"] == "/staff"
    inbox = client.get("/staff")
    assert inbox.status_code == 200 and "boss@shop.example (owner)" in inbox.text
    # single use: the link is spent, and a second owner cannot be made with it
    assert client.get(link).status_code == 404
    assert (
        client.post(
            link, data={"csrf": csrf_of(form), "email": "x@y.example", "password": PASSWORD}
        ).status_code
        == 404
    )


def test_the_setup_link_refuses_a_short_password_and_stays_usable(bare_console: Console) -> None:
    client, link = bare_console.client, bare_console.setup_link()
    form = client.get(link)
    short = client.post(link, data={"csrf": csrf_of(form), "email": OWNER, "password": "short"})
    assert short.status_code == 422 and "at least 12 characters" in short.text
    assert client.get(link).status_code == 200


def test_only_the_newest_setup_link_works(bare_console: Console) -> None:
    first, second = bare_console.setup_link(), bare_console.setup_link()
    assert bare_console.client.get(first).status_code == 404
    assert bare_console.client.get(second).status_code == 200


def test_session_cookie_flags_and_rotation(console: Console) -> None:
    client = console.browser()
    client.cookies.set(COOKIE, "planted-by-someone-else", domain="testserver.local", path="/staff")
    signed = console.sign_in(client, OWNER)
    assert signed.status_code == 303
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # plain http: a Secure cookie would never come back
    token = re.search(rf"{COOKIE}=([^;]+)", cookie)
    assert token and token[1] != "planted-by-someone-else"
    stored = console.rows("select id from staff_sessions")
    assert [row[0] for row in stored] == [digest(token[1])]  # type: ignore[index]  # only the hash is stored
    again = console.sign_in(console.browser(), OWNER)
    second = re.search(rf"{COOKIE}=([^;]+)", again.headers["set-cookie"])
    assert second and second[1] != token[1]  # a new id at every sign-in


def test_the_cookie_is_secure_over_https(console: Console) -> None:
    client = console.browser(https=True)
    signed = console.sign_in(client, OWNER)
    assert signed.status_code == 303
    assert "Secure" in signed.headers["set-cookie"]
    assert client.get("/staff").status_code == 200


def test_a_wrong_email_and_a_wrong_password_read_the_same(console: Console) -> None:
    wrong_password = console.sign_in(console.browser(), OWNER, "not the password at all")
    wrong_email = console.sign_in(
        console.browser(), "nobody@shop.example", "not the password at all"
    )
    assert wrong_password.status_code == wrong_email.status_code == 401
    message = re.compile(r'<p class="problem" role="alert">(.*?)</p>')
    assert (
        message.findall(wrong_password.text)
        == message.findall(wrong_email.text)
        == ["Wrong e-mail or password."]
    )


def test_six_wrong_passwords_are_429_with_retry_after(console: Console) -> None:
    client = console.browser()
    for _ in range(5):
        assert console.sign_in(client, CLERK, "a wrong password").status_code == 401
    locked = console.sign_in(client, CLERK, "a wrong password")
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) >= 25
    # even the right password waits: the lock is on the account
    assert console.sign_in(console.browser(), CLERK).status_code == 429


def test_the_lockout_doubles() -> None:
    waits = [lockout.lock_for(n) for n in range(1, 9)]
    assert waits[:4] == [None] * 4
    seconds = [w.total_seconds() for w in waits[4:] if w]
    assert seconds == [30, 60, 120, 240]


def test_a_post_without_or_with_a_wrong_csrf_token_is_403(console: Console) -> None:
    client = console.signed_in(OWNER)
    page = client.get("/staff")
    assert client.post("/staff/logout", data={}).status_code == 403
    assert client.post("/staff/logout", data={"csrf": "wrong"}).status_code == 403
    assert client.get("/staff").status_code == 200  # still signed in
    anonymous = console.browser()
    anonymous.get("/staff/login")
    refused = anonymous.post("/staff/login", data={"email": OWNER, "password": PASSWORD})
    assert refused.status_code == 403
    assert csrf_of(page)


def test_signing_out_ends_the_session(console: Console) -> None:
    client = console.signed_in(CLERK)
    stolen = client.cookies.get(COOKIE)
    page = client.get("/staff")
    out = client.post("/staff/logout", data={"csrf": csrf_of(page)})
    assert out.status_code == 303 and out.headers["location"] == "/staff/login"
    replay = console.browser()
    replay.cookies.set(COOKIE, str(stolen), path="/staff")
    gone = replay.get("/staff")
    assert gone.status_code == 303 and gone.headers["location"] == "/staff/login"


def test_removing_an_account_ends_its_sessions(console: Console) -> None:
    from generator.receiver.staff import accounts

    client = console.signed_in(CLERK)
    assert client.get("/staff").status_code == 200
    accounts.remove(console.engine, CLERK)
    assert client.get("/staff").status_code == 303


def test_a_session_idle_for_12_hours_ends(console: Console) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from generator.receiver.storage import now
    from generator.receiver.tables import staff_sessions

    client = console.signed_in(CLERK)
    with console.engine.begin() as connection:
        connection.execute(
            update(staff_sessions).values(last_seen_at=now() - timedelta(hours=12, minutes=1))
        )
    assert client.get("/staff").status_code == 303
    assert console.rows("select id from staff_sessions") == []
