"""Take the docs' phone screenshots: the demo's main pages at 360 px, in every language.

    make screenshots        # or: .venv/bin/python docs/screenshots.py

Builds the demo into a temporary folder, serves it on loopback and drives Debian's Chromium
(360×800 CSS pixels, device scale 2), as the end-to-end tests do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.audit.browser import CHROMIUM, CHROMIUM_FLAGS
from generator.audit.serve import serve_site

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
LANGUAGES = {"en": "", "es": "es/", "id": "id/"}
PAGES = {"landing": "", "survey": "survey/", "contact": "contact/"}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run(
            [sys.executable, "-m", "generator", "build", "--strict", "--site-dir", str(site)],
            cwd=REPO,
            check=True,
            env={**os.environ, "APPRECIATE_TODAY": "2026-11-25", "NO_MKDOCS_2_WARNING": "1"},
        )
        with serve_site(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tab = browser.new_context(
                viewport={"width": 360, "height": 800}, device_scale_factor=2
            ).new_page()
            for lang, prefix in LANGUAGES.items():
                for name, page in PAGES.items():
                    tab.goto(f"{url}/{prefix}{page}")
                    target = IMAGES / f"phone-{name}-{lang}.png"
                    tab.screenshot(path=str(target))  # the first screen, as a customer sees it
                    print(target.relative_to(REPO))
            browser.close()


if __name__ == "__main__":
    main()
