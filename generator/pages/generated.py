"""A page the campaign adds to the site: what rendering hands to the site engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the campaign site: its path in the docs tree, title, description and Markdown."""

    path: str
    title: str
    description: str
    markdown: str
    language: str
