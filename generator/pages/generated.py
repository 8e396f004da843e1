"""A page the campaign adds to the site: what rendering hands to the site engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the campaign site: its path (``offers.md``, the same in every language), title,
    description, Markdown and language."""

    path: str
    title: str
    description: str
    markdown: str
    language: str
