"""A customer on a phone answers the survey, in Chromium, with and without JavaScript."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site
from tests.conftest import SiteFactory, mkdocs, replace_line
from tests.receiver.conftest import start_receiver, stop

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium", pytrace=False)
    pytestmark = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")

PHONE = {"width": 360, "height": 800}


def test_survey_and_complaint_end_to_end(site_factory: SiteFactory, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    root = site_factory()
    (root / "site").mkdir()
    with serve_site(root / "site") as site:
        receiver = start_receiver(
            f"sqlite:///{tmp_path / 'answers.sqlite3'}", APPRECIATE_SITE_ORIGIN=site
        )
        try:
            replace_line(
                root / "campaigns" / "campaign.yaml",
                "  url: https://answers.shop.example/",
                f"  url: {receiver.url}",
            )
            assert mkdocs("build", cwd=root).returncode == 0
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                try:
                    for javascript in (True, False):
                        tab = browser.new_context(
                            viewport=PHONE, java_script_enabled=javascript
                        ).new_page()
                        tab.goto(site + "/survey/")
                        tab.locator('label.appreciate-nps__option:has(input[value="9"])').click()
                        tab.get_by_label("Service").check()
                        tab.get_by_label("Why?").fill("Friendly people")
                        tab.get_by_role("button", name="Send my answers").click()
                        if javascript:  # answered in place, the page stays
                            result = tab.locator('[data-appreciate-result="survey-form"]')
                            result.wait_for(state="visible")
                            assert tab.url == site + "/survey/"
                            text = result.inner_text()
                        else:  # the plain form: the receiver's own thank-you page
                            tab.wait_for_url(
                                re.compile(re.escape(receiver.url) + r"/thanks/survey.*")
                            )
                            text = tab.locator("main").inner_text()
                        code = re.search(r"\b[A-Z2-9]{10}\b", text)
                        assert code is not None, text
                        assert "5 % off your next order" in text
                        stored = receiver.query(
                            "select lang, nps, answers from answers where reward_code = :c",
                            c=code[0],
                        )
                        assert len(stored) == 1 and stored[0].lang == "en" and stored[0].nps == 9

                    tab = browser.new_context(viewport=PHONE).new_page()
                    tab.goto(site + "/contact/")
                    assert "We answer within 48 hours" in tab.locator("article").inner_text()
                    tab.get_by_label("Your name").fill("Ann")
                    tab.get_by_label("Your e-mail").fill("ann@example.com")
                    tab.get_by_label("What happened?").fill("The parcel came late.")
                    tab.get_by_label(re.compile("I agree")).check()
                    tab.get_by_role("button", name="Send").click()
                    result = tab.locator('[data-appreciate-result="complaint"]')
                    result.wait_for(state="visible")
                    assert re.search(r"T-[A-Z2-9]{6}", result.inner_text())
                    assert "48 hours" in result.inner_text()
                finally:
                    browser.close()
        finally:
            assert "Traceback" not in stop(receiver)
    assert receiver.count("answers") == 2 and receiver.count("complaints") == 1
