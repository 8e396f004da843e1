"""What the audit reports: findings under stable tags, and the rules that ignore some of them."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

TAGS = {
    "broken-link": "an internal link to a file that does not exist",
    "missing-anchor": "a link to #fragment where the target page has no element with that id",
    "broken-image": "an image, srcset candidate, favicon, og:image, CSS url(), script or "
    "stylesheet that does not exist, or an <img> that loads nothing (no src, no srcset)",
    "unreadable-image": "an image file no browser can show: empty, truncated, or not an image",
    "missing-alt": 'an <img> without an alt attribute (alt="" marks a decorative image)',
    "stretched-image": "an image shown at a width:height ratio other than its own",
    "oversized-image": "an image far larger than it is shown, or heavier than the byte budget",
    "bad-mailto": "a mailto: link whose address is malformed",
    "bad-tel": "a tel: link whose number is malformed",
    "unreadable-file": "a page or stylesheet that cannot be read (a dangling or looping symlink)",
    "broken-external": "an external link that answers with an error or not at all (--external)",
}

FORMATS = ("text", "json", "junit", "markdown")


@dataclass(frozen=True)
class Locator:
    """Where a finding's element is: the ``index``-th element the scan looked at, by ``attr``.

    Lines are found only when reporting, so the scan itself never counts lines.
    """

    index: int
    attr: str


@dataclass(frozen=True)
class Finding:
    tag: str
    page: str
    """The page (or stylesheet) the finding is in, relative to the site folder."""
    target: str
    """The URL or file as written."""
    message: str
    line: int | None = None
    locator: Locator | None = None


@dataclass(frozen=True)
class IgnoreRule:
    """``TAG`` or ``TAG:GLOB`` (``*`` for every tag): findings that are not reported."""

    tag: str
    glob: str = "*"

    @classmethod
    def parse(cls, text: str) -> IgnoreRule:
        tag, _, glob = text.partition(":")
        tag = tag.strip() or "*"
        if tag != "*" and tag not in TAGS:
            raise ValueError(
                f"ignore rule '{text}': unknown tag '{tag}' (hint: one of {', '.join(TAGS)})"
            )
        return cls(tag, glob.strip() or "*")

    def matches(self, finding: Finding) -> bool:
        return self.tag in ("*", finding.tag) and fnmatch.fnmatchcase(finding.page, self.glob)


def not_ignored(findings: Iterable[Finding], rules: Iterable[IgnoreRule]) -> list[Finding]:
    rules = list(rules)
    return [f for f in findings if not any(rule.matches(f) for rule in rules)]
