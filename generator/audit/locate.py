"""Line numbers for findings: the scan records which element, this finds where it was written."""

from __future__ import annotations

import html
import re
from itertools import islice

from selectolax.lexbor import LexborHTMLParser

from generator.audit.extract import SELECTOR
from generator.audit.findings import Locator


def line_of(data: bytes, locator: Locator, target: str) -> int | None:
    """The line of the element ``locator`` names in the page ``data``."""
    nodes = LexborHTMLParser(data).css(SELECTOR)
    if locator.index >= len(nodes):
        return None
    text = data.decode("utf-8", errors="replace")
    node = nodes[locator.index]
    if locator.attr.startswith("<"):  # the n-th such element: by its tag
        tag = locator.attr[1:]
        occurrence = sum(1 for other in nodes[: locator.index] if other.tag == tag)
        return _nth_line(text, re.compile(rf"<{tag}\b", re.IGNORECASE), occurrence)
    value = node.attributes.get(locator.attr) or target
    occurrence = sum(
        1 for other in nodes[: locator.index] if other.attributes.get(locator.attr) == value
    )
    for written in dict.fromkeys((value, html.escape(value, quote=False), html.escape(value))):
        pattern = re.compile(
            rf"""\b{re.escape(locator.attr)}\s*=\s*["']?{re.escape(written)}""", re.IGNORECASE
        )
        line = _nth_line(text, pattern, occurrence)
        if line is not None:
            return line
    position = text.find(target)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _nth_line(text: str, pattern: re.Pattern[str], occurrence: int) -> int | None:
    match = next(islice(pattern.finditer(text), occurrence, None), None)
    return text.count("\n", 0, match.start()) + 1 if match else None
