"""Security headers on every answer, a page policy that the pages work under (in Chromium)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from tests.browser import PHONE, need_chromium
from tests.receiver.conftest import ADMIN, SITE, Receiver
from tests.receiver.staff.conftest import TestClient, make_app
from tests.receiver.test_forms import SURVEY

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage

JSON = {"Accept": "application/json"}


def test_every_answer_carries_the_security_headers(receiver: Receiver) -> None:
    with receiver.client() as client:
        answers = {
            "page": client.get("/thanks/survey?code=ABCDEFGHJK&lang=es"),
            "error page": client.post("/survey", data={"recommend": "x"}, headers={"Origin": SITE}),
            "json": client.post("/survey", json=SURVEY, headers=JSON),
            "json error": client.get("/nowhere", headers=JSON),
            "too large": client.post("/survey", content=b"x" * 70_000, headers=JSON),
            "health": client.get("/health"),
            "csv": client.get("/export.csv", headers={"Authorization": f"Bearer {ADMIN}"}),
        }
    for name, answer in answers.items():
        assert answer.headers["x-content-type-options"] == "nosniff", name
        assert answer.headers["referrer-policy"] == "no-referrer", name
        policy = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy, name
        if answer.headers["content-type"].startswith("text/html"):
            assert "script-src 'self'" in policy and "default-src 'none'" in policy, name


@pytest.mark.skipif(need_chromium() is not None, reason="Debian's chromium is not installed")
def test_the_pages_work_under_their_policy_in_chromium(receiver: Receiver) -> None:
    from playwright.sync_api import sync_playwright

    with receiver.client() as client:
        refused = client.post(
            "/survey", data={"recommend": "5"}, headers={"Origin": SITE, "Referer": f"{SITE}/s/"}
        )
    assert refused.status_code == 422
    pages = {
        "thanks for the survey": "/thanks/survey?code=ABCDEFGHJK&lang=es",
        "thanks for the complaint": "/thanks/complaint?ticket=T-ABCDEF&lang=id",
        "error": "/nowhere",
        "report": "/report",
    }
    violations: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(
                viewport=PHONE, extra_http_headers={"Authorization": f"Bearer {ADMIN}"}
            )
            for name, path in pages.items():
                tab = context.new_page()

                def seen(message: ConsoleMessage, name: str = name) -> None:
                    if "Content Security Policy" in message.text:
                        violations.append(f"{name}: {message.text}")

                tab.on("console", seen)
                tab.goto(receiver.url + path)
                # the brand's colours come from the page's own <style>: the policy lets it apply
                background = tab.locator("header").evaluate(
                    "e => getComputedStyle(e).backgroundColor"
                )
                assert background not in ("", "rgba(0, 0, 0, 0)"), name
                tab.close()
            # and no page can be framed: Chromium refuses, naming the directive
            framing = context.new_page()
            with framing.expect_console_message(lambda m: "frame-ancestors" in m.text):
                framing.set_content(f'<iframe src="{receiver.url}/thanks/survey"></iframe>')
        finally:
            browser.close()
    assert violations == []


def test_a_server_error_carries_the_security_headers_too(tmp_path: Path) -> None:
    async def boom(request: Request) -> Response:
        raise RuntimeError("a bug")

    app = make_app(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    app.router.routes.append(Route("/boom", boom))  # type: ignore[attr-defined]
    with TestClient(app, raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        answer = client.get("/boom", headers=JSON)
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert "a bug" not in answer.text
