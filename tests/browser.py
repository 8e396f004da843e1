"""What the browser tests share: Debian's Chromium at a phone's size, and axe-core."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.audit.browser import CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Page

PHONE = {"width": 360, "height": 800}
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def need_chromium() -> pytest.MarkDecorator | None:
    """Skip (fail in CI) where Debian's Chromium is not installed."""
    if Path(CHROMIUM).exists():
        return None
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium", pytrace=False)
    return pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


def axe_violations(tab: Page, javascript: bool = True) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page in ``tab`` (WCAG 2.x A and AA).

    axe needs timers, which a page without JavaScript does not run: such a page is shown again,
    as it is now and at the same address, in a tab with JavaScript, and checked there.
    """
    if not javascript:
        assert tab.context.browser is not None
        copy = tab.context.browser.new_context(viewport=tab.viewport_size).new_page()
        html, url = tab.content(), tab.url
        copy.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        copy.goto(url)
        try:
            return axe_violations(copy)
        finally:
            copy.context.close()
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: `make test` installs it with npm", pytrace=False)
        pytest.skip(f"{AXE} is missing: run `npm ci --prefix tests` (make test does)")
    result: dict[str, Any] = tab.evaluate(
        """source => {
            (0, eval)(source);
            return axe.run(document, {runOnly: {type: "tag", values: TAGS}});
        }""".replace("TAGS", '["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]'),
        AXE.read_text(encoding="utf-8"),
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]
