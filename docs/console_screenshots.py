"""Take the staff console's phone screenshots for docs/staff.md, from `make console`'s demo data.

    make screenshots        # or: .venv/bin/python docs/console_screenshots.py

Starts the demo console (``generator.receiver.staff.demo``) on a free loopback port with a
temporary database, signs in as its owner in Debian's Chromium (360×800, device scale 2) and
saves the sign-in page, the inbox, an item, the till and the report.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _shoot(tab: Page, name: str, full_page: bool = False) -> None:
    target = IMAGES / f"console-{name}.png"
    tab.screenshot(path=str(target), full_page=full_page)
    print(target.relative_to(REPO))


def main() -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "console.log"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'console.sqlite3'}",
            "NO_MKDOCS_2_WARNING": "1",
        }
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "generator.receiver.staff.demo", "--port", str(port)],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            for _ in range(600):
                try:
                    if httpx.get(url + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            password = re.search(r"password: (\S+)", log.read_text(encoding="utf-8"))
            assert password, log.read_text(encoding="utf-8")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                tab = browser.new_context(
                    viewport={"width": 360, "height": 800}, device_scale_factor=2
                ).new_page()
                tab.goto(url + "/staff/login")
                _shoot(tab, "login")
                tab.get_by_label("E-mail").fill("owner@kopikita.example")
                tab.get_by_label("Password").fill(password[1])
                tab.get_by_role("button", name="Sign in").click()
                tab.wait_for_url(url + "/staff")
                _shoot(tab, "inbox")
                tab.goto(url + "/staff/items/T-DEMO1")
                _shoot(tab, "item", full_page=True)
                tab.goto(url + "/staff/till")
                tab.get_by_label("Code", exact=True).fill("demqrstuv3")
                tab.get_by_role("button", name="Redeem").click()
                _shoot(tab, "till")
                tab.goto(url + "/staff/report")
                tab.locator("#follow-up").scroll_into_view_if_needed()
                _shoot(tab, "report")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
