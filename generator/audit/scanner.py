"""One page's scan in progress: where its relative URLs start, what it found, what it ignores."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.audit.contacts import mailto_problem, tel_problem
from generator.audit.css import css_urls
from generator.audit.findings import Finding, Locator
from generator.audit.images import unreadable
from generator.audit.limits import ImageLimits
from generator.audit.urls import SiteRoot, Target, resolve

# per process: (site, folder depth) → URL → Target, for URLs that climb to the root first
_RESOLVED: dict[tuple[SiteRoot, int], dict[str, Target]] = {}


@dataclass(frozen=True)
class ScanContext:
    site_dir: Path
    root: SiteRoot
    limits: ImageLimits = field(default_factory=ImageLimits)
    external: bool = False
    """Collect external URLs (for --external)."""


@dataclass
class PageScan:
    page: str
    ids: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    anchors: list[tuple[str, str, str, Locator]] = field(default_factory=list)
    """Links to another page's fragment: (target page, fragment, URL, where)."""
    external: dict[str, Locator] = field(default_factory=dict)
    """External URLs (absolute) and where each first appears."""


def page_dir(page: str) -> str:
    folder = posixpath.dirname(page)
    return folder + "/" if folder else ""


class PageScanner:
    """What every element's check needs: the page's base, its findings, its ignored elements."""

    def __init__(self, page: str, tree: LexborHTMLParser, ctx: ScanContext) -> None:
        self.page, self.ctx, self.root = page, ctx, ctx.root
        self.scan = PageScan(page)
        self.base, self.base_url = _base(tree, page, ctx.root)
        self.ignored = _ignored(tree)
        self.same_page: list[tuple[str, str, Locator, LexborNode]] = []
        # "../" once per folder level climbs to the site's root: from there a URL means the same
        # on every page of this depth, so the navigation repeated on each page is resolved once
        depth = self.base.count("/")
        self.up = "../" * depth
        own_base = self.base == page_dir(page) and self.base_url is None
        self.cache = _RESOLVED.setdefault((ctx.root, depth), {}) if own_base else {}

    def report(self, tag: str, node: LexborNode, target: str, message: str, where: Locator) -> None:
        skip = self.ignored.get(node.mem_id) if self.ignored else None
        if skip is None or not ("*" in skip or tag in skip):
            self.scan.findings.append(Finding(tag, self.page, target, message, locator=where))

    def url(self, node: LexborNode, value: str, index: int, attr: str, asset: str | None) -> Target:
        """Check the URL ``value`` of ``node``'s ``attr``; ``asset`` names what it loads."""
        up = self.up
        if value.startswith(up) and not value.startswith("../", len(up)) and ":" not in value:
            target = self.cache.get(value)
            if target is None:
                target = self.cache[value] = resolve(value, self.base, self.root)
        else:
            target = resolve(value, self.base, self.root)
        absolute = value
        if self.base_url is not None and target.kind == "internal":
            # <base href> on another origin: the browser resolves relative URLs there
            absolute = urljoin(self.base_url, value.strip())
            target = resolve(absolute, "", self.root)
        kind = target.kind
        if kind == "internal":
            if target.exists:
                if target.fragment and not asset:  # most links have none: nothing to note
                    where = Locator(index, attr)
                    if not target.path or target.path == self.page:
                        self.same_page.append((target.fragment, value, where, node))
                    elif target.path.endswith((".html", ".htm")):
                        self.scan.anchors.append((target.path, target.fragment, value, where))
            elif asset:
                self.report("broken-image", node, value, f"{asset} not found", Locator(index, attr))
            else:
                missing = target.path or "outside the site"
                where = Locator(index, attr)
                self.report("broken-link", node, value, f"{missing} not found", where)
        elif kind == "external":
            if self.ctx.external and absolute not in self.scan.external:
                self.scan.external[absolute] = Locator(index, attr)
        elif kind == "mailto" or kind == "tel":
            problem = mailto_problem(value) if kind == "mailto" else tel_problem(value)
            if problem:
                self.report(f"bad-{kind}", node, value, problem, Locator(index, attr))
        return target

    def image(self, node: LexborNode, value: str, index: int, attr: str, asset: str) -> Target:
        """Check an image URL: the file exists, and a browser can show it."""
        target = self.url(node, value, index, attr, asset)
        if target.kind == "internal" and target.exists and target.path:
            problem = unreadable(self.ctx.site_dir / target.path)
            if problem:
                self.report("unreadable-image", node, value, problem, Locator(index, attr))
        return target

    def css(self, node: LexborNode, text: str, index: int, attr: str) -> None:
        for value, _ in css_urls(text):
            self.url(node, value, index, attr, "CSS url()")

    def finish(self) -> PageScan:
        """The scan, once links to this page's own fragments are checked against its ids."""
        ids = self.scan.ids
        for fragment, value, where, node in self.same_page:
            if fragment not in ids and fragment != "top" and not fragment.startswith(":~:"):
                message = f"no element with id '{fragment}' on this page"
                self.report("missing-anchor", node, value, message, where)
        return self.scan


def _base(tree: LexborHTMLParser, page: str, root: SiteRoot) -> tuple[str, str | None]:
    """The folder relative URLs start from (the page's, or its ``<base href>``'s in the site),
    and the absolute base URL when ``<base href>`` points at another origin."""
    base = tree.css_first("base[href]")
    if base is None:
        return page_dir(page), None
    href = str(base.attributes["href"] or "").strip()
    target = resolve(href, page_dir(page), root)
    if target.kind == "external":
        return page_dir(page), href if "://" in href else "https:" + href
    if target.kind != "internal" or not target.path:
        return page_dir(page), None
    folder = target.path[:-10] if target.path.endswith("/index.html") else page_dir(target.path)
    return folder, None


def _ignored(tree: LexborHTMLParser) -> dict[int, set[str]]:
    """Elements inside ``data-audit-ignore`` (all tags, or those it lists) by node id."""
    ignored: dict[int, set[str]] = {}
    for element in tree.css("[data-audit-ignore]"):
        tags = set((element.attributes.get("data-audit-ignore") or "").split()) or {"*"}
        for node in element.traverse(include_text=False):
            ignored.setdefault(node.mem_id, set()).update(tags)
    return ignored
