"""axe-core finds no serious or critical problem on any page of the demo, in any language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.browser import PHONE, axe_violations, need_chromium
from tests.conftest import REPO, appreciate

if (skip := need_chromium()) is not None:
    pytestmark = skip

LANGUAGES = ("", "es/", "id/")
PAGES = (
    "",
    "offers/",
    "survey/",
    "contact/",
    "returns/",
    "events/",
    "faq/",
    "thank-you/",
    "our-story/",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("demo") / "site"
    result = appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    with serve_site(site) as url:
        yield url


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "id"])
def test_no_serious_or_critical_violations(demo: str, language: str) -> None:
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_context(viewport=PHONE, device_scale_factor=2).new_page()
            for page in PAGES:
                tab.goto(f"{demo}/{language}{page}")
                violations = axe_violations(tab)
                if violations:
                    found[language + page] = violations
        finally:
            browser.close()
    assert found == {}
