"""The landing page's status follows the visitor's today, not only the build's."""

from __future__ import annotations

from datetime import date

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.browser import need_chromium
from tests.conftest import SiteFactory, mkdocs

if (skip := need_chromium()) is not None:
    pytestmark = skip


def test_a_site_built_before_the_month_shows_the_visitors_status(site_factory: SiteFactory) -> None:
    from playwright.sync_api import sync_playwright

    root = site_factory()
    today = date.today()
    first, last = today.replace(day=1), max(today, today.replace(day=min(today.day, 28)))
    dates = {  # the month runs over the visitor's today
        "start: 2026-11-01": f"start: {first}",
        "end: 2026-11-30": f"end: {max(last, first.replace(day=2))}",
        "starts: 2026-11-20": f"starts: {first}",
        "ends: 2026-11-30": f"ends: {max(last, first.replace(day=2))}",
        "expires: 2026-12-31": f"expires: {date(today.year + 1, 12, 31)}",
    }
    campaign = root / "campaigns" / "campaign.yaml"
    text = campaign.read_text()
    for old, new in dates.items():
        text = text.replace(old, new)
    campaign.write_text(text)
    built_on = date(today.year - 1, today.month, 1)  # a site built a year before
    assert mkdocs("build", cwd=root, APPRECIATE_TODAY=built_on.isoformat()).returncode == 0
    stale = (root / "site" / "index.html").read_text()
    assert 'data-phase="upcoming">' in stale  # what the page says without JavaScript

    with serve_site(root / "site") as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            tab = browser.new_page(viewport={"width": 360, "height": 800})
            tab.goto(origin + "/")
            shown = tab.locator(".appreciate-status [data-phase]:not([hidden])")
            assert shown.get_attribute("data-phase") == "running"
            assert "On now" in shown.inner_text()
            announce = tab.locator(".appreciate-announce [data-phase]:not([hidden])")
            assert announce.get_attribute("data-phase") == "running"
        finally:
            browser.close()
