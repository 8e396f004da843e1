"""URLs written in CSS: ``url()`` and ``@import``, in stylesheets, ``<style>`` and ``style=``."""

from __future__ import annotations

import re
from collections.abc import Iterator

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+?)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def css_urls(text: str) -> Iterator[tuple[str, int]]:
    """Each URL named in the CSS ``text`` with its line (1-based), in order."""
    line, counted = 1, 0
    for match in _CSS_URL.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        yield match[2] or match[4], line
