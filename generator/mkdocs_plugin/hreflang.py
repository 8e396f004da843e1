"""hreflang links as search engines want them, which Material's ``extra.alternate`` can't give.

Material writes ``extra.alternate`` (mkdocs-static-i18n fills it per page) both into the
``<head>`` and into the language switcher, relative to the page. The switcher must stay relative
(a preview links to itself, not to the live site); the ``<head>`` links become absolute here.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urljoin

# Material writes one of these per language: <link rel="alternate" href="../es/" hreflang="es">
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([\w-]+)">')


def absolute_alternates(html: str, page_url: str, default_language: str) -> str:
    """hreflang links with absolute addresses (as search engines want them), plus x-default.

    ``page_url`` is the page's own absolute address; the links are resolved against it.
    """
    head, end, body = html.partition("</head>")
    found: list[tuple[str, str]] = []

    def absolute(match: re.Match[str]) -> str:
        href = urljoin(page_url, match[1])
        found.append((match[2], href))
        return f'<link rel="alternate" href="{escape(href)}" hreflang="{match[2]}">'

    head = _ALTERNATE.sub(absolute, head)
    default = next((href for language, href in found if language == default_language), None)
    if default is not None and 'hreflang="x-default"' not in head:
        last = list(_ALTERNATE.finditer(head))[-1]
        extra = f'\n<link rel="alternate" href="{escape(default)}" hreflang="x-default">'
        head = head[: last.end()] + extra + head[last.end() :]
    return head + end + body
