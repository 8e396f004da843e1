"""The console speaks the staff member's language: their browser's, among the campaign's."""

from __future__ import annotations

import re

import pytest

from generator.i18n import gettext_in
from tests.receiver.staff.conftest import CLERK, Console, csrf_of
from tests.receiver.staff.test_inbox import complain, overdue

PAGES = {
    "es": ("Bandeja de entrada", "Iniciar sesión", "Caja", "Canjear", "Cerrar sesión"),
    "id": ("Kotak masuk", "Masuk", "Kasir", "Tukarkan", "Keluar"),
}


def lang_of(page: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', page)
    assert found, page
    return found[1]


@pytest.mark.parametrize("language", ["es", "id"])
def test_the_console_speaks_the_browsers_language(console: Console, language: str) -> None:
    inbox_word, sign_in, till_word, redeem, sign_out = PAGES[language]
    ticket = complain(console.client, message="Late & <b>broken</b>")
    overdue(console, ticket, 2)
    browser = console.browser()
    browser.headers["Accept-Language"] = f"{language}-XX, en;q=0.5"
    login = browser.get("/staff/login")
    assert lang_of(login.text) == language
    assert f"<h1>{sign_in}</h1>" in login.text
    assert "Sign in" not in login.text
    wrong = browser.post(
        "/staff/login", data={"csrf": csrf_of(login), "email": CLERK, "password": "not it at all"}
    )
    assert wrong.status_code == 401
    assert gettext_in(language, "Wrong e-mail or password.") in wrong.text
    assert "Wrong e-mail" not in wrong.text
    assert console.sign_in(browser, CLERK).status_code == 303

    inbox = browser.get("/staff")
    assert lang_of(inbox.text) == language
    assert f"<h1>{inbox_word}</h1>" in inbox.text and sign_out in inbox.text
    overdue_by = gettext_in(language, "overdue by %(time)s", time="")
    assert overdue_by.strip() in inbox.text
    assert "Late &amp; &lt;b&gt;broken&lt;/b&gt;" in inbox.text  # the customer's text, escaped

    item = browser.get(f"/staff/items/{ticket}")
    assert lang_of(item.text) == language
    assert gettext_in(language, "Close without reply") in item.text
    assert '<p class="sent" id="message">Late &amp; &lt;b&gt;broken&lt;/b&gt;</p>' in item.text
    assert "<b>broken</b>" not in item.text

    till = browser.get("/staff/till")
    assert f"<h1>{till_word}</h1>" in till.text and redeem in till.text
    redeemed = browser.post("/staff/till", data={"csrf": csrf_of(till), "code": "NOPE-0000"})
    assert redeemed.status_code == 422
    assert gettext_in(language, "Not a code of this campaign") in redeemed.text or (
        gettext_in(language, "Not a code of this campaign (a personal code needs its e-mail).")
        in redeemed.text
    )


def test_without_accept_language_the_shops_default_language(console: Console) -> None:
    clerk = console.signed_in(CLERK)
    assert "accept-language" not in {name.lower() for name in clerk.headers}
    inbox = clerk.get("/staff")
    assert lang_of(inbox.text) == "en"  # the test shop's default language
    assert "<h1>Inbox</h1>" in inbox.text


def test_a_language_the_campaign_lacks_gives_the_default(console: Console) -> None:
    browser = console.browser()
    browser.headers["Accept-Language"] = "fr, de;q=0.8"
    login = browser.get("/staff/login")
    assert lang_of(login.text) == "en" and "<h1>Sign in</h1>" in login.text


def test_a_search_is_escaped_in_the_translated_notice(console: Console) -> None:
    clerk = console.signed_in(CLERK)
    clerk.headers["Accept-Language"] = "es"
    found = clerk.get("/staff", params={"q": "<script>x</script>"})
    assert "Nada coincide con «&lt;script&gt;x&lt;/script&gt;»." in found.text
    assert "<script>x" not in found.text


def test_a_forms_expired_token_is_said_in_the_staff_members_language(console: Console) -> None:
    clerk = console.signed_in(CLERK)
    clerk.headers["Accept-Language"] = "id"
    refused = clerk.post("/staff/till", data={"csrf": "stale", "code": "X"})
    assert refused.status_code == 403
    assert "Token keamanan formulir ini salah: muat ulang halaman." in refused.text
