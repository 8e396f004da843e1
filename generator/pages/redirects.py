"""The default language's own folder (``en/``), as redirects to its pages at the site's root.

mkdocs-static-i18n builds the default language at the root only (a copy in ``en/`` would be
duplicate content to search engines). Customers and links still try ``/en/offers/``: each such
address gets a small page that sends the browser on at once, names the real page as canonical
and asks search engines not to index it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html import escape
from pathlib import Path

STUB = """<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>{target}</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{target}</a></p>
</body>
</html>
"""


def write_language_redirects(
    site_dir: Path, language: str, page_urls: Iterable[str], site_url: str | None
) -> list[str]:
    """Write ``<language>/<page>`` redirects to every page in ``page_urls`` (as MkDocs gives
    them: ``offers/``, ``""`` for the home page); the site addresses written.

    An address that the site already has (a page of its own in such a folder) is left alone.
    """
    written: list[str] = []
    for url in sorted(set(page_urls)):
        folder_url = not url or url.endswith("/")
        address = posixpath.join(language, url)
        stub = site_dir / address / "index.html" if folder_url else site_dir / address
        if stub.exists():
            continue
        here = address.rstrip("/") if folder_url else posixpath.dirname(address)
        target = posixpath.relpath(url or ".", here) + ("/" if folder_url else "")
        canonical = f"{site_url.rstrip('/')}/{url}" if site_url else target
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(
            STUB.format(language=language, target=escape(target), canonical=escape(canonical)),
            encoding="utf-8",
        )
        written.append(address)
    return written
