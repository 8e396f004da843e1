"""axe-core finds no serious or critical problem on any page of the demo, in any language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.browser import PHONE, axe_violations, need_chromium
from tests.conftest import REPO, appreciate

if (skip := need_chromium()) is not None:
    pytestmark = skip

LANGUAGES = ("", "es/", "id/")


def pages_of(site: Path, language: str) -> list[str]:
    """Every page the build wrote in ``language`` (its folder), found on disk: none is left out."""
    folders = {"es", "id", "en", "assets", "search", "calendar"}  # en/: redirects, not pages
    found = []
    for index in sorted((site / language).rglob("index.html")):
        page = index.parent.relative_to(site / language).as_posix()
        if page == "." or page.split("/")[0] not in folders:
            found.append("" if page == "." else f"{page}/")
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    site = tmp_path_factory.mktemp("demo") / "site"
    result = appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    with serve_site(site) as url:
        yield site, url


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "id"])
def test_no_serious_or_critical_violations(demo: tuple[Path, str], language: str) -> None:
    from playwright.sync_api import sync_playwright

    site, url = demo
    pages = pages_of(site, language)
    assert {"", "offers/", "survey/", "contact/", "events/", "our-story/"} <= set(pages)
    pages.append("404.html")  # what the server shows for a missing address (es/404.html...)
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_context(viewport=PHONE, device_scale_factor=2).new_page()
            for page in pages:
                tab.goto(f"{url}/{language}{page}")
                violations = axe_violations(tab)
                if violations:
                    found[language + page] = violations
        finally:
            browser.close()
    assert found == {}
