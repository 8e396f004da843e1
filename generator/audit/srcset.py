"""``srcset`` read as the HTML standard reads it ("parse a srcset attribute").

A URL may contain commas (``data:`` URIs do); a candidate's descriptors follow whitespace; a
candidate with invalid descriptors is dropped, as browsers drop it.
https://html.spec.whatwg.org/multipage/images.html#parse-a-srcset-attribute
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WHITESPACE = " \t\n\f\r"
_INTEGER = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class Candidate:
    """One image candidate: its URL and at most one width or density (and a future height)."""

    url: str
    width: int | None = None
    density: float | None = None
    height: int | None = None


def parse_srcset(value: str) -> list[Candidate]:
    """The image candidates of a ``srcset`` attribute, in order."""
    candidates: list[Candidate] = []
    position, end = 0, len(value)
    while True:
        while position < end and (value[position] in _WHITESPACE or value[position] == ","):
            position += 1
        if position >= end:
            return candidates
        start = position
        while position < end and value[position] not in _WHITESPACE:
            position += 1
        url = value[start:position]
        descriptors: list[str] = []
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            position = _descriptors(value, position, descriptors)
        candidate = _candidate(url, descriptors)
        if candidate is not None:
            candidates.append(candidate)


def _descriptors(value: str, position: int, descriptors: list[str]) -> int:
    """Tokenize the descriptors from ``position`` into ``descriptors``; the position after them."""
    end = len(value)
    while position < end and value[position] in _WHITESPACE:
        position += 1
    current, state = "", "in descriptor"
    while True:
        char = value[position] if position < end else ""
        if state == "in descriptor":
            if char and char in _WHITESPACE:
                if current:
                    descriptors.append(current)
                current, state = "", "after descriptor"
            elif char == ",":
                if current:
                    descriptors.append(current)
                return position + 1
            elif char == "(":
                current, state = current + char, "in parens"
            elif not char:
                if current:
                    descriptors.append(current)
                return position
            else:
                current += char
        elif state == "in parens":
            if not char:
                descriptors.append(current)
                return position
            current += char
            if char == ")":
                state = "in descriptor"
        elif char and char not in _WHITESPACE:  # after descriptor: reconsume in a descriptor
            state = "in descriptor"
            continue
        elif not char:
            return position
        position += 1


def _candidate(url: str, descriptors: list[str]) -> Candidate | None:
    """The candidate, or ``None`` when its descriptors are invalid (browsers drop it)."""
    width: int | None = None
    density: float | None = None
    height: int | None = None
    for descriptor in descriptors:
        number, kind = descriptor[:-1], descriptor[-1:]
        if kind == "w" and width is None and density is None and _INTEGER.fullmatch(number):
            width = int(number)
            if width == 0:
                return None
        elif kind == "x" and width is density is height is None and _FLOAT.fullmatch(number):
            density = float(number)
            if density < 0:
                return None
        elif kind == "h" and height is None and density is None and _INTEGER.fullmatch(number):
            height = int(number)
            if height == 0:
                return None
        else:
            return None
    if height is not None and width is None:
        return None
    return Candidate(url, width, density, height)
