"""Line numbers for findings: the scan records which element, this finds where it was written.

Each page with findings is parsed once and its text searched once, however many findings it
has: the cost grows with the page and the number of findings, never with their product.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.audit.extract import SELECTOR
from generator.audit.findings import Locator

# an attribute as written: name = "value", 'value' or value
_ATTRIBUTE = r"""(?<![\w-])({names})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""


def lines_of(data: bytes, wanted: Iterable[tuple[Locator, str]]) -> list[int | None]:
    """The line of each element a ``(locator, target)`` names in the page ``data``, in order."""
    wanted = list(wanted)
    nodes = LexborHTMLParser(data).css(SELECTOR)
    text = data.decode("utf-8", errors="replace")
    newlines = [match.start() for match in re.finditer("\n", text)]
    # what each locator looks for, and how many identical ones come before it in the page
    keys = [_key(nodes, locator, target) for locator, target in wanted]
    occurrence = _occurrences(nodes, {key for key in keys if key is not None})
    written = _positions(text, {key for key in keys if key is not None})
    lines: list[int | None] = []
    found_anywhere: dict[str, int] = {}
    for (locator, target), key in zip(wanted, keys, strict=True):
        if key is None:  # no such element
            lines.append(None)
            continue
        positions = written.get(key, [])
        nth = occurrence.get((locator.index, key), 0)
        if nth < len(positions):
            position = positions[nth]
        else:  # not written as the parser read it (rare): the target's first appearance
            if target not in found_anywhere:
                found_anywhere[target] = text.find(target)
            position = found_anywhere[target]
        lines.append(bisect_right(newlines, position - 1) + 1 if position >= 0 else None)
    return lines


Key = tuple[str, str]
"""``("<", tag)`` for the n-th such element, ``(attribute, value)`` for the n-th such value."""


def _key(nodes: list[LexborNode], locator: Locator, target: str) -> Key | None:
    if locator.index >= len(nodes):
        return None
    if locator.attr.startswith("<"):
        return ("<", locator.attr[1:])
    node = nodes[locator.index]
    return (locator.attr, node.attributes.get(locator.attr) or target)


def _occurrences(nodes: list[LexborNode], keys: set[Key]) -> dict[tuple[int, Key], int]:
    """For each element one of ``keys`` names: how many elements before it have the same key."""
    tags = {name for kind, name in keys if kind == "<"}
    attrs = {kind for kind, _ in keys if kind != "<"}
    seen: dict[Key, int] = {}
    occurrence: dict[tuple[int, Key], int] = {}
    for index, node in enumerate(nodes):
        mine: list[Key] = []
        tag = node.tag or ""
        if tag in tags:
            mine.append(("<", tag))
        if attrs:
            values = node.attributes
            mine += [(a, value) for a in attrs if (value := values.get(a)) is not None]
        for key in mine:
            if key in keys:
                occurrence[index, key] = seen.get(key, 0)
                seen[key] = seen.get(key, 0) + 1
    return occurrence


def _positions(text: str, keys: set[Key]) -> dict[Key, list[int]]:
    """Where each key is written in the page, in order: one search per kind of key."""
    positions: dict[Key, list[int]] = {}
    tags = sorted({name for kind, name in keys if kind == "<"})
    if tags:
        tag_pattern = re.compile(rf"<({'|'.join(map(re.escape, tags))})(?=[\s/>])", re.IGNORECASE)
        for match in tag_pattern.finditer(text):
            positions.setdefault(("<", match[1].lower()), []).append(match.start())
    names = sorted({kind for kind, _ in keys if kind != "<"})
    if names:
        pattern = re.compile(_ATTRIBUTE.format(names="|".join(map(re.escape, names))), re.I)
        for match in pattern.finditer(text):
            raw = next(value for value in match.groups()[1:] if value is not None)
            key = (match[1].lower(), html.unescape(raw.replace("\r\n", "\n")))
            if key in keys:
                positions.setdefault(key, []).append(match.start())
    return positions
