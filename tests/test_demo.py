"""The demo shop: builds strictly, and keeps its synthetic customers off the site and out of git."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.browser import PHONE, need_chromium
from tests.conftest import REPO, appreciate

SAMPLE = REPO / "campaigns" / "customers-sample.csv"


def test_the_demo_builds_strictly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    for page in ("", "offers/", "survey/", "contact/", "returns/", "faq/", "our-story/"):
        assert (site / page / "index.html").is_file(), page

    text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        customers = list(csv.DictReader(handle))
    assert len(customers) >= 20
    for customer in customers:
        assert customer["Email"] not in text
        assert customer["Phone"] not in text


def test_the_sample_is_synthetic_and_private_data_is_ignored() -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        emails = [row["Email"] for row in csv.DictReader(handle)]
    # reserved example domains only (RFC 2606): no real person can be reached
    assert {e.rsplit("@", 1)[1] for e in emails} <= {"example.com", "example.org", "example.net"}
    ignored = subprocess.run(
        [
            "git",
            "check-ignore",
            "--no-index",
            "private/customers.csv",
            "site/index.html",
            ".cache/appreciate/x.json",
            "private/codes.key",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.stdout.split() == [
        "private/customers.csv",
        "site/index.html",
        ".cache/appreciate/x.json",
        "private/codes.key",
    ]


def test_every_page_links_the_public_channels_and_contact_promises_their_times(
    tmp_path: Path,
) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from generator.i18n import ngettext_in

    site = tmp_path / "site"
    assert appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO).returncode == 0
    google = {"en": "Google reviews", "es": "Reseñas de Google", "id": "Ulasan Google"}
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] == "en":  # redirects to the English pages
            continue
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        lang = tree.css_first("html").attributes["lang"] or ""
        footer = tree.css("footer a.md-social__link")
        assert [(a.attributes["title"], a.attributes["href"]) for a in footer] == [
            ("Instagram", "https://www.instagram.com/kopikita.roasters/"),
            (google[lang], "https://g.page/r/CQk0pIk1tA1bEAE/review"),  # a name, translated
            ("X (Twitter)", "https://x.com/kopikita"),  # brands' names are not
        ], page
    for lang, prefix in (("en", ""), ("es", "es/"), ("id", "id/")):
        contact = LexborHTMLParser((site / prefix / "contact" / "index.html").read_text("utf-8"))
        items = [li.text() for li in contact.css("h2#channels + ul > li")]
        assert items[0] == "Instagram: " + ngettext_in(
            lang, "we answer within %(num)d hour.", "we answer within %(num)d hours.", 4
        )
        assert items[1].startswith(f"{google[lang]}: ")
        assert items[1].endswith(
            ngettext_in(
                lang, "we answer within %(num)d hour.", "we answer within %(num)d hours.", 24
            )
        )
        assert items[2].startswith("X (Twitter): ") and len(items) == 3


def _shown(html: str, box: str) -> str:
    """The phase a page shows without JavaScript in the block ``box``."""
    tree = LexborHTMLParser(html)
    node = tree.css_first(f"{box} [data-phase]:not([hidden])")
    assert node is not None, box
    return str(node.attributes["data-phase"])


def test_the_demo_is_on_in_whatever_month_it_is_built(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = appreciate("build", "--site-dir", str(site), "--today", "2027-03-15", cwd=REPO)
    assert result.returncode == 0, result.stderr
    landing = (site / "index.html").read_text(encoding="utf-8")
    assert _shown(landing, ".appreciate-status") == "running"
    assert _shown(landing, ".appreciate-announce") == "running"
    assert 'data-start="2027-03-01" data-end="2027-03-31"' in landing
    survey = (site / "survey" / "index.html").read_text(encoding="utf-8")
    assert _shown(survey, ".appreciate-survey") == "upcoming running"


def test_the_demo_built_today_is_on_in_the_browser_today(tmp_path: Path) -> None:
    if (skip := need_chromium()) is not None:
        pytest.skip(skip.kwargs["reason"])
    from playwright.sync_api import sync_playwright

    site = tmp_path / "site"
    # no fixed day: the real one, as `make demo` builds it
    result = appreciate("build", "--site-dir", str(site), cwd=REPO, APPRECIATE_TODAY="")
    assert result.returncode == 0, result.stderr
    with serve_site(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:  # the visitor's today in the shop's time zone, as the build's
            tab = browser.new_context(viewport=PHONE, timezone_id="Asia/Jakarta").new_page()
            tab.goto(origin + "/")
            for box in (".appreciate-status", ".appreciate-announce"):
                shown = tab.locator(f"{box} [data-phase]:not([hidden])")
                assert shown.get_attribute("data-phase") == "running", box
            tab.goto(origin + "/survey/")
            assert tab.locator("#survey-form").is_visible()
            assert not tab.get_by_text("This survey has closed.").is_visible()
        finally:
            browser.close()
