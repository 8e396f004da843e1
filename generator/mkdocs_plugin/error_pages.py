"""The 404 page in every language: the default's at the root, the others' in their folders.

Every language's build renders Material's ``404.html`` at the root of the site; hosts that look
for ``es/404.html`` (GitHub Pages, Netlify, Cloudflare) find each other language's there.
"""

from __future__ import annotations

from pathlib import Path

from generator.pages.not_found import ERROR_PAGE

__all__ = ["ERROR_PAGE", "keep_in_language_folder"]


def keep_in_language_folder(output: str, site_dir: Path, language: str) -> str:
    """Write another language's error page to ``<language>/404.html``; return nothing, so the
    root's page (the default language's) is not written over."""
    target = site_dir / language / ERROR_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
