"""What a 360 px phone shows: measured in Chromium (boxes and computed styles), not screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.browser import PHONE, need_chromium
from tests.conftest import REPO, appreciate

if TYPE_CHECKING:
    from playwright.sync_api import Page

if (skip := need_chromium()) is not None:
    pytestmark = skip

LANGUAGES = ("", "es/", "id/")
GAP = 8  # CSS pixels between two tap targets


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, str]]:
    from playwright.sync_api import sync_playwright

    site = tmp_path_factory.mktemp("phone") / "site"
    result = appreciate("build", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    with serve_site(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser.new_context(viewport=PHONE).new_page(), url
        finally:
            browser.close()


def box(tab: Page, selector: str) -> list[dict[str, float]]:
    """The bounding boxes of every element ``selector`` finds, in CSS pixels."""
    found: list[dict[str, float]] = tab.eval_on_selector_all(
        selector,
        "nodes => nodes.map(n => { const r = n.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })",
    )
    assert found, selector
    return found


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "id"])
def test_survey_choices_sit_beside_their_words(phone: tuple[Page, str], language: str) -> None:
    tab, url = phone
    tab.goto(f"{url}/{language}survey/")
    circles = box(tab, ".appreciate-choice__option input")
    words = box(tab, ".appreciate-choice__option > span")
    assert len(circles) == len(words) >= 2
    for circle, text in zip(circles, words, strict=True):
        assert circle["right"] <= text["left"]  # beside, not above
        middle = (circle["top"] + circle["bottom"]) / 2
        assert text["top"] <= middle <= text["bottom"]  # on the same line


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "id"])
def test_only_the_consents_label_is_bold(phone: tuple[Page, str], language: str) -> None:
    tab, url = phone
    tab.goto(f"{url}/{language}survey/")
    weights: dict[str, Any] = tab.eval_on_selector(
        ".appreciate-consent",
        "label => ({text: getComputedStyle(label.querySelector('span')).fontWeight,"
        " lead: getComputedStyle(label.querySelector('strong')).fontWeight})",
    )
    assert int(weights["text"]) < 600 <= int(weights["lead"])
    (checkbox,) = box(tab, ".appreciate-consent input")
    (text,) = box(tab, ".appreciate-consent > span")
    assert checkbox["right"] <= text["left"]


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "id"])
def test_the_landing_buttons_keep_apart(phone: tuple[Page, str], language: str) -> None:
    tab, url = phone
    tab.goto(f"{url}/{language}")
    first, second = box(tab, ".appreciate-actions .md-button")
    apart = max(
        second["left"] - first["right"],  # side by side
        second["top"] - first["bottom"],  # wrapped: one above the other
    )
    assert apart >= GAP
    assert max(first["right"], second["right"]) <= PHONE["width"]
