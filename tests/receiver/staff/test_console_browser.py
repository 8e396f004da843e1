"""The console in Chromium at a phone's size, with and without JavaScript, on both databases.

One journey, as a list of STEPS that share a :class:`Journey`: the owner's set-up link, signing
in, a complaint sent from the built site, the inbox, a reply, the till, the report. Another
feature adds its steps where they belong, e.g. after ``reply``::

    STEPS.insert(step_after("reply"), ("the e-mail arrives", mail_arrives))

and its receiver settings through the ``journey_env`` fixture.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from generator.i18n import gettext_in
from tests.browser import PHONE, axe_violations, need_chromium
from tests.conftest import appreciate, replace_line, three_languages
from tests.receiver.conftest import _free_port, start_receiver
from tests.receiver.mailserver import MailServer, wait_for

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

if (skip := need_chromium()) is not None:
    pytestmark = skip

OWNER, PASSWORD = "owner@shop.example", "a long password for the owner"


@dataclass(frozen=True)
class Shop:
    """The three-language shop built for a receiver at ``receiver_url``, served on loopback."""

    site: str
    campaign: Path
    receiver_url: str
    port: int
    browser: Browser


@dataclass
class Journey:
    shop: Shop
    tab: Page
    javascript: bool
    database_url: str
    output: Path
    """What the receiver printed (the set-up link)."""
    lang: str = "es"
    seen: dict[str, Any] = field(default_factory=dict)
    """What a step found, for the next ones (``ticket``, ``reply``, ...)."""

    @property
    def receiver(self) -> str:
        return self.shop.receiver_url

    def go(self, path: str) -> None:
        self.tab.goto(self.receiver + path)


def accessible(journey: Journey) -> None:
    """No serious or critical axe-core finding on the page shown (checked once, with scripts)."""
    if journey.javascript:
        assert axe_violations(journey.tab) == [], journey.tab.url


def setup_owner(journey: Journey) -> None:
    printed = journey.output.read_text(encoding="utf-8")
    link = re.search(r"http://\S+/staff/setup/\S+", printed)
    assert link, printed
    tab = journey.tab
    tab.goto(link[0])
    tab.get_by_label("Your e-mail").fill(OWNER)
    tab.get_by_label("A password").fill(PASSWORD)
    tab.get_by_role("button", name="Create the account").click()
    tab.wait_for_url(journey.receiver + "/staff")
    assert "owner@shop.example (owner)" in tab.locator("nav").inner_text()


def sign_in(journey: Journey) -> None:
    tab = journey.tab
    tab.get_by_role("button", name="Sign out").click()
    tab.wait_for_url(journey.receiver + "/staff/login")
    tab.get_by_label("E-mail").fill(OWNER)
    tab.get_by_label("Password").fill("a wrong password, once")
    tab.get_by_role("button", name="Sign in").click()
    assert "Wrong e-mail or password." in tab.locator('[role="alert"]').inner_text()
    tab.get_by_label("E-mail").fill(OWNER)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(journey.receiver + "/staff")


def complain_on_the_site(journey: Journey) -> None:
    lang, tab = journey.lang, journey.tab
    customer = journey.tab.context.browser.new_context(  # type: ignore[union-attr]
        viewport=PHONE, java_script_enabled=journey.javascript
    ).new_page()
    customer.goto(f"{journey.shop.site}/{lang}/contact/")
    customer.locator("#complaint-name").fill("Ana <b>García</b>")
    customer.locator("#complaint-email").fill("ana@example.com")
    customer.locator("#complaint-phone").fill("+34 600 11 22 33")
    customer.locator("#complaint-message").fill("El paquete llegó tarde y roto.")
    customer.locator('#complaint input[name="consent"]').check()
    customer.get_by_role("button", name=gettext_in(lang, "Send"), exact=True).click()
    if journey.javascript:
        result = customer.locator('[data-appreciate-result="complaint"]')
        result.wait_for(state="visible")
        text = result.inner_text()
    else:
        customer.wait_for_url(re.compile(re.escape(journey.receiver) + r"/thanks/complaint.*"))
        text = customer.locator("main").inner_text()
    ticket = re.search(r"T-[A-Z2-9]{6}", text)
    assert ticket, text
    journey.seen["ticket"] = ticket[0]
    customer.context.close()
    assert tab.url.startswith(journey.receiver)


def find_in_the_inbox(journey: Journey) -> None:
    tab, ticket = journey.tab, journey.seen["ticket"]
    journey.go("/staff")
    entry = tab.locator("ul.items li", has_text=ticket)
    assert entry.count() == 1
    text = entry.inner_text()
    assert "El paquete llegó tarde" in text and "left" in text and journey.lang in text
    assert "Ana <b>García</b>" in text  # shown as typed, not as HTML
    accessible(journey)
    tab.get_by_role("link", name=ticket).click()
    tab.wait_for_url(journey.receiver + f"/staff/items/{ticket}")
    assert tab.locator('a[href="tel:+34600112233"]').count() == 1


def reply(journey: Journey) -> None:
    tab = journey.tab
    text = "Lo sentimos mucho: hoy sale un paquete nuevo."
    tab.get_by_label("Your reply").fill(text)
    tab.locator("form[action$='/reply'] button").click()
    tab.wait_for_url(re.compile(r".*/staff/items/T-.*"))
    assert text in tab.locator("#sent").inner_text()
    accessible(journey)
    journey.seen["reply"] = text


def mail_arrives(journey: Journey) -> None:
    """The reply reaches the customer, in the form's language, with a check-back link."""
    lang, ticket, mail = journey.lang, journey.seen["ticket"], journey.seen["mail"]
    (sent,) = wait_for("the reply at the SMTP server", lambda: mail.to("ana@example.com"))
    assert sent.recipients == ["ana@example.com"]
    subject = gettext_in(lang, "Your message to %(shop)s", shop="Test Shop")
    assert sent.message["Subject"] == f"{subject} [{ticket}]"
    text = sent.message.get_body(("plain",)).get_content()
    assert journey.seen["reply"] in text
    assert gettext_in(lang, "Did we solve it? Tell us in one click:") in text
    link = re.search(re.escape(journey.receiver) + r"/check-back/[\w-]+", text)
    assert link, text
    journey.seen["check-back"] = link[0]


def shop_is_told(journey: Journey) -> None:
    """The shop's own address hears of the new complaint, with a link to the item.

    Before the reply: the sender announces only complaints still open when it sees them.
    """
    ticket, mail = journey.seen["ticket"], journey.seen["mail"]
    (notice,) = wait_for("the shop's notice", lambda: mail.to("hola@shop.example"))
    assert (
        f"{journey.receiver}/staff/items/{ticket}"
        in notice.message.get_body(("plain",)).get_content()
    )


def check_back_solved(journey: Journey) -> None:
    """The customer opens the link from the e-mail: "solved", 5."""
    lang = journey.lang
    customer = journey.tab.context.browser.new_context(  # type: ignore[union-attr]
        viewport=PHONE, java_script_enabled=journey.javascript
    ).new_page()
    customer.goto(journey.seen["check-back"])
    assert customer.locator("html").get_attribute("lang") == lang
    assert journey.seen["ticket"] in customer.locator("main").inner_text()
    customer.get_by_label(gettext_in(lang, "Yes, it is solved")).check()
    customer.get_by_label("5", exact=True).check()
    customer.get_by_role("button", name=gettext_in(lang, "Send"), exact=True).click()
    customer.get_by_text(gettext_in(lang, "We are glad we could help.")).wait_for()
    assert customer.url == journey.seen["check-back"]
    customer.context.close()


def report_shows_the_check_back(journey: Journey) -> None:
    cells = journey.tab.locator("#follow-up tr", has_text="all").first.locator("td")
    solved, satisfaction = cells.nth(5).inner_text(), cells.nth(6).inner_text()
    assert solved.startswith("100 %") and "(1 of 1)" in solved
    assert float(satisfaction) == 5


def item_is_answered(journey: Journey) -> None:
    ticket = journey.seen["ticket"]
    journey.go("/staff")
    assert journey.tab.locator("ul.items li", has_text=ticket).count() == 0
    journey.go("/staff?state=answered")
    assert journey.tab.locator("ul.items li", has_text=ticket).count() == 1


def redeem_at_the_till(journey: Journey) -> None:
    answered = httpx.post(
        journey.receiver + "/survey",
        json={"campaign": "test-month", "lang": "en", "recommend": "9", "favourite": "Service"},
        headers={"Accept": "application/json", "Origin": journey.shop.site},
    )
    code = answered.json()["reward_code"]
    tab = journey.tab
    for expected in ("Valid — redeemed now", "Already used on"):
        journey.go("/staff/till")
        tab.get_by_label("Code", exact=True).fill(code.lower())
        tab.get_by_role("button", name="Redeem").click()
        verdict = tab.locator("#verdict")
        assert expected in verdict.inner_text()
    assert "bad" in (verdict.get_attribute("class") or "")
    accessible(journey)


def report_shows_it(journey: Journey) -> None:
    journey.go("/staff/report")
    figures = journey.tab.locator("#follow-up tr", has_text="all").first.inner_text()
    assert "100 % (1 of 1)" in figures  # answered within its promise
    accessible(journey)
    journey.seen["report"] = figures


STEPS: list[tuple[str, Callable[[Journey], None]]] = [
    ("owner set-up link", setup_owner),
    ("sign in", sign_in),
    ("complaint from the built site", complain_on_the_site),
    ("in the inbox", find_in_the_inbox),
    ("the shop is told", shop_is_told),
    ("reply", reply),
    ("the e-mail arrives", mail_arrives),
    ("check back: solved, 5", check_back_solved),
    ("item answered", item_is_answered),
    ("till", redeem_at_the_till),
    ("report", report_shows_it),
    ("report: the check-back", report_shows_the_check_back),
]


def step_after(name: str) -> int:
    """Where a step that follows ``name`` goes in STEPS."""
    return [n for n, _ in STEPS].index(name) + 1


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    """The shop built once for a receiver on a port chosen now; each test starts its own there."""
    from playwright.sync_api import sync_playwright

    root = three_languages(tmp_path_factory.mktemp("console") / "shop")
    (root / "site").mkdir()
    port = _free_port()
    receiver_url = f"http://127.0.0.1:{port}"
    campaign = root / "campaigns" / "three-languages.yaml"
    replace_line(campaign, "  url: https://answers.shop.example/", f"  url: {receiver_url}")
    built = appreciate("build", "--preview", cwd=root)  # a receiver on loopback: a preview
    assert built.returncode == 0, built.stderr
    with serve_site(root / "site") as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield Shop(site, campaign, receiver_url, port, browser)
        finally:
            browser.close()


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer(_free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def journey_env(mail_server: MailServer) -> dict[str, str]:
    """More receiver settings for the journey: the mail steps' loopback SMTP server."""
    return {"APPRECIATE_SMTP_URL": f"smtp://127.0.0.1:{mail_server.port}"}


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_the_console_journey(
    shop: Shop,
    database_url: str,
    javascript: bool,
    journey_env: dict[str, str],
    mail_server: MailServer,
    tmp_path: Path,
) -> None:
    output = tmp_path / "receiver.log"
    process = start_receiver(
        database_url,
        campaign=shop.campaign,
        output=output,
        port=shop.port,
        APPRECIATE_SITE_ORIGIN=shop.site,
        **journey_env,
    ).process
    context = shop.browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    journey = Journey(shop, context.new_page(), javascript, database_url, output)
    journey.seen["mail"] = mail_server
    try:
        for name, step in STEPS:
            try:
                step(journey)
            except Exception as exc:
                raise AssertionError(f"step '{name}' failed: {exc}") from exc
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=30)
    log = output.read_text(encoding="utf-8")
    assert "Traceback" not in log, log
    assert PASSWORD not in log and "a wrong password" not in log
    assert os.path.getsize(output) > 0
