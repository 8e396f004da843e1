"""A customer on a phone answers, in Chromium, in each language, with and without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from generator.i18n import gettext_in, ngettext_in
from tests.browser import PHONE, axe_violations, need_chromium
from tests.conftest import BUILD_DAY, appreciate, replace_line, three_languages
from tests.receiver.conftest import Receiver, start_receiver, stop

if TYPE_CHECKING:
    from playwright.sync_api import Browser

if (skip := need_chromium()) is not None:
    pytestmark = skip

LANGUAGES = {"en": "", "es": "/es", "id": "/id"}
# the campaign's own texts in each language (tests/fixtures/shop/campaigns/three-languages.yaml)
REWARD = {
    "en": "5 % off your next order",
    "es": "5 % de descuento en tu próximo pedido",
    "id": "Diskon 5 % untuk pesanan berikutnya",
}


@dataclass(frozen=True)
class Shop:
    site: str
    receiver: Receiver
    browser: Browser


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    """The three-language shop served on loopback, its receiver, and a headless Chromium."""
    from playwright.sync_api import sync_playwright

    root = three_languages(tmp_path_factory.mktemp("e2e") / "shop")
    (root / "site").mkdir()
    database = tmp_path_factory.mktemp("db") / "answers.sqlite3"
    with serve_site(root / "site") as site:
        receiver = start_receiver(f"sqlite:///{database}", APPRECIATE_SITE_ORIGIN=site)
        try:
            replace_line(
                root / "campaigns" / "three-languages.yaml",
                "  url: https://answers.shop.example/",
                f"  url: {receiver.url}",
            )
            # a receiver on loopback is for a preview, not for publishing
            built = appreciate("build", "--preview", cwd=root)
            assert built.returncode == 0, built.stderr
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                try:
                    yield Shop(site, receiver, browser)
                finally:
                    browser.close()
        finally:
            assert "Traceback" not in stop(receiver)


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_customer_answers_the_survey(shop: Shop, lang: str, javascript: bool) -> None:
    tab = shop.browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    # the visitor's day is the build's: the page's script closes the survey after the month
    tab.clock.set_fixed_time(datetime.fromisoformat(f"{BUILD_DAY}T12:00:00"))
    survey = f"{shop.site}{LANGUAGES[lang]}/survey/"
    tab.goto(survey)
    assert tab.locator("html").get_attribute("lang") == lang
    tab.locator('label.appreciate-nps__option:has(input[value="9"])').click()
    tab.locator('input[name="favourite"][value="Service"]').check()
    tab.locator("#q-why").fill(f"Friendly people ({lang})")
    submit = tab.get_by_role("button", name=gettext_in(lang, "Send my answers"))
    submit.click()
    if javascript:  # answered in place, the page stays
        result = tab.locator('[data-appreciate-result="survey-form"]')
        result.wait_for(state="visible")
        assert tab.url == survey
        text = result.inner_text()
    else:  # the plain form: the receiver's own thank-you page, in the same language
        tab.wait_for_url(re.compile(re.escape(shop.receiver.url) + r"/thanks/survey.*"))
        assert tab.locator("html").get_attribute("lang") == lang
        assert axe_violations(tab, javascript=False) == []
        text = tab.locator("main").inner_text()
    assert gettext_in(lang, "Thank you for your answers!") in text
    assert REWARD[lang] in text
    code = re.search(r"\b[A-Z2-9]{10}\b", text)
    assert code is not None, text
    stored = shop.receiver.query(
        "select lang, nps, answers from answers where reward_code = :c", c=code[0]
    )
    assert len(stored) == 1
    assert (stored[0].lang, stored[0].nps) == (lang, 9)
    assert "Service" in stored[0].answers and f"({lang})" in stored[0].answers


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_complaint_form_promises_its_response_time(shop: Shop, lang: str) -> None:
    hours = ngettext_in(lang, "%(num)d hour", "%(num)d hours", 48)
    tab = shop.browser.new_context(viewport=PHONE).new_page()
    tab.goto(f"{shop.site}{LANGUAGES[lang]}/contact/")
    promise = gettext_in(lang, "We answer within %(hours)s", hours=hours)
    assert promise in tab.locator("article").inner_text()
    tab.locator("#complaint-name").fill("Ann")
    tab.locator("#complaint-email").fill("ann@example.com")
    tab.locator("#complaint-message").fill(f"The parcel came late ({lang}).")
    tab.locator('#complaint input[name="consent"]').check()
    tab.get_by_role("button", name=gettext_in(lang, "Send"), exact=True).click()
    result = tab.locator('[data-appreciate-result="complaint"]')
    result.wait_for(state="visible")
    text = result.inner_text()
    assert re.search(r"T-[A-Z2-9]{6}", text)
    assert gettext_in(lang, "We received your message") in text and "48" in text
    stored = shop.receiver.query(
        "select lang from complaints where message = :m", m=f"The parcel came late ({lang})."
    )
    assert [row.lang for row in stored] == [lang]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_refused_answer_is_explained_in_the_language(shop: Shop, lang: str) -> None:
    tab = shop.browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    tab.goto(f"{shop.site}{LANGUAGES[lang]}/contact/")
    # the browser would stop an empty required field; a customer's old page might not
    tab.evaluate(
        "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))"
    )
    tab.get_by_role("button", name=gettext_in(lang, "Send"), exact=True).click()
    tab.wait_for_url(re.compile(re.escape(shop.receiver.url) + r"/complaints"))
    assert tab.locator("html").get_attribute("lang") == lang
    message = gettext_in(lang, "please give your name and tell us what happened")
    assert message[1:] in tab.locator("main").inner_text()
    assert tab.get_by_role("link", name=gettext_in(lang, "Back to the form")).is_visible()
    assert axe_violations(tab, javascript=False) == []


# a word of the reward's title, in each language's own words
SEARCH = {"en": "order", "es": "descuento", "id": "pesanan"}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_search_finds_the_pages_of_its_own_language(shop: Shop, lang: str) -> None:
    from playwright.sync_api import expect

    tab = shop.browser.new_context(viewport=PHONE).new_page()
    tab.goto(f"{shop.site}{LANGUAGES[lang]}/offers/")
    tab.locator('label.md-header__button[for="__search"]').click()
    box = tab.locator("input.md-search__input")
    box.press_sequentially(SEARCH[lang])  # typed: Material searches on key presses
    results = tab.locator("a.md-search-result__link")
    results.first.wait_for(state="visible")
    # read in one go: Material redraws the list while the last key's results arrive
    links: list[str] = results.evaluate_all("(found) => found.map((a) => a.getAttribute('href'))")
    own = f"{shop.site}{LANGUAGES[lang]}/"
    others = tuple(f"{shop.site}{prefix}/" for prefix in LANGUAGES.values() if prefix)
    assert all(link.startswith(own) for link in links), links
    assert lang != "en" or not any(link.startswith(others) for link in links), links
    assert any(REWARD[lang] in text for text in results.all_inner_texts())
    # a word of another language finds nothing here ("N matching documents" has a digit)
    box.fill("")
    box.press_sequentially(SEARCH["es" if lang != "es" else "id"])
    expect(tab.locator(".md-search-result__meta")).not_to_have_text(re.compile(r"\d"))
    assert results.count() == 0


def test_the_english_folder_sends_the_customer_to_the_page(shop: Shop) -> None:
    for javascript in (True, False):  # a meta refresh: no script needed
        tab = shop.browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
        tab.goto(f"{shop.site}/en/offers/")
        tab.wait_for_url(f"{shop.site}/offers/")
        assert tab.locator("html").get_attribute("lang") == "en"
        tab.context.close()


def test_pages_fetch_nothing_from_third_parties(shop: Shop, tmp_path: Path) -> None:
    """No fonts, scripts or images from elsewhere: only the site (and its own address)."""
    tab = shop.browser.new_context(viewport=PHONE, device_scale_factor=2).new_page()
    outside: list[str] = []
    tab.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "https://shop.example/"))
            else None
        ),
    )
    tab.goto(f"{shop.site}/es/")
    tab.screenshot(path=str(tmp_path / "landing.png"), full_page=True)
    assert (tmp_path / "landing.png").stat().st_size > 10_000
    assert outside == []
