"""Links from the marketer's Markdown pages to the generated pages that hold a form."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from generator.publish.checks import FormLink

# the generated pages with a form posting to the receiver, by their name
FORM_PAGES = {"survey": "the survey form", "contact": "the complaint form"}
# an inline link [text](target), an HTML href, or a reference definition "[name]: target"
_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+)|href\s*=\s*[\"']([^\"']+)[\"']|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)"
)


def form_target(target: str) -> str | None:
    """What form a link leads to (``the survey form``), or None for any other link."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s not in ("", ".", "..")]
    if not segments:
        return None
    name = segments[-1].removesuffix(".md").removesuffix(".html")
    if name == "index" and len(segments) > 1:
        name = segments[-2]
    name = name.split(".")[0]  # survey.es.md
    return FORM_PAGES.get(name)


def form_links_in(text: str, page: str) -> list[FormLink]:
    """The links to forms in one page's Markdown, with their lines."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _LINK.finditer(line):
            target = match.group(1) or match.group(2) or match.group(3)
            form = form_target(target)
            if form is not None:
                found.append(FormLink(page, number, target, form))
    return found


def form_links_under(docs_dir: Path, display: str) -> tuple[FormLink, ...]:
    """Every link to a form in the Markdown files under ``docs_dir`` shown as ``display``."""
    found: list[FormLink] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = path.relative_to(docs_dir).as_posix()
        if name.split(".")[0] in FORM_PAGES:  # the marketer's own survey.md or contact.md
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports unreadable pages itself
        found.extend(form_links_in(text, f"{display}/{name}"))
    return tuple(found)
