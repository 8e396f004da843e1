"""One page's facts: its ids, and what is wrong with its links and images.

This is the hot path of the audit: one parse with lexbor (selectolax), one pass over the
elements that carry URLs or ids, no line counting (lines are found only for findings, later).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.audit.contacts import mailto_problem, tel_problem
from generator.audit.findings import Finding, Locator
from generator.audit.images import ImageLimits, declared_size, image_problems
from generator.audit.urls import SiteRoot, Target, resolve

SELECTOR = ":is([href],[src],[srcset],[id],a[name],meta[content],[style],style,img)"
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+?)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
ASSET_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "manifest",
        "preload",
        "modulepreload",
        "mask-icon",
    }
)
SKIP_RELS = frozenset({"preconnect", "dns-prefetch", "prefetch", "prerender"})
SHARE_IMAGES = frozenset({"og:image", "og:image:url", "og:image:secure_url", "twitter:image"})


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
    """External URLs and where each first appears."""


def page_dir(page: str) -> str:
    folder = posixpath.dirname(page)
    return folder + "/" if folder else ""


def scan_page(page: str, data: bytes, ctx: ScanContext) -> PageScan:
    """Scan the HTML of ``page`` (a path relative to the site folder)."""
    tree = LexborHTMLParser(data)
    scan = PageScan(page)
    ids = scan.ids
    root = ctx.root
    base = _base_dir(tree, page, root)
    ignored = _ignored(tree)
    same_page: list[tuple[str, str, Locator, LexborNode]] = []

    def report(tag: str, node: LexborNode, target: str, message: str, locator: Locator) -> None:
        skip = ignored.get(node.mem_id) if ignored else None
        if skip is None or not ("*" in skip or tag in skip):
            scan.findings.append(Finding(tag, page, target, message, locator=locator))

    # "../" once per folder level climbs to the site's root: from there a URL means the same on
    # every page of this depth, so the navigation repeated on each page is resolved only once
    depth = base.count("/")
    up = "../" * depth
    cache = _RESOLVED.setdefault((root, depth), {}) if base == page_dir(page) else {}

    def url(node: LexborNode, value: str, index: int, attr: str, asset: str | None) -> Target:
        if value.startswith(up) and not value.startswith("../", len(up)) and ":" not in value:
            target = cache.get(value)
            if target is None:
                target = cache[value] = resolve(value, base, root)
        else:
            target = resolve(value, base, root)
        kind = target.kind
        if kind == "internal":
            if not target.exists:
                if asset:
                    report("broken-image", node, value, f"{asset} not found", Locator(index, attr))
                else:
                    where = target.path or "outside the site"
                    report("broken-link", node, value, f"{where} not found", Locator(index, attr))
            elif target.fragment and not asset:
                if not target.path or target.path == page:
                    same_page.append((target.fragment, value, Locator(index, attr), node))
                elif target.path.endswith((".html", ".htm")):
                    scan.anchors.append((target.path, target.fragment, value, Locator(index, attr)))
        elif kind == "external":
            if ctx.external and value not in scan.external:
                scan.external[value] = Locator(index, attr)
        elif kind == "mailto":
            problem = mailto_problem(value)
            if problem:
                report("bad-mailto", node, value, problem, Locator(index, attr))
        elif kind == "tel":
            problem = tel_problem(value)
            if problem:
                report("bad-tel", node, value, problem, Locator(index, attr))
        return target

    def css(node: LexborNode, text: str, index: int, attr: str) -> None:
        for match in CSS_URL.finditer(text):
            value = match[2] or match[4]
            if not value.startswith("data:"):
                url(node, value, index, attr, "CSS url()")

    for index, node in enumerate(tree.css(SELECTOR)):
        attrs = node.attributes
        tag = node.tag
        if attrs.get("id"):
            ids.add(attrs["id"])  # type: ignore[arg-type]
        if tag == "a":
            if attrs.get("name"):
                ids.add(attrs["name"])  # type: ignore[arg-type]
            href = attrs.get("href")
            if href is not None:
                url(node, href, index, "href", None)
        elif tag == "img":
            if "alt" not in attrs:
                report(
                    "missing-alt",
                    node,
                    attrs.get("src") or "",
                    "no alt attribute",
                    Locator(index, "<img"),
                )
            src = attrs.get("src")
            if src:
                target = url(node, src, index, "src", "image")
                if target.kind == "internal" and target.exists and target.path:
                    width, height = declared_size(
                        attrs.get("width"), attrs.get("height"), attrs.get("style")
                    )
                    for problem_tag, message in image_problems(
                        ctx.site_dir / target.path, width, height, ctx.limits
                    ):
                        report(problem_tag, node, src, message, Locator(index, "src"))
            if attrs.get("srcset"):
                for candidate in _srcset(attrs["srcset"]):  # type: ignore[arg-type]
                    url(node, candidate, index, "srcset", "image")
        elif tag == "link":
            href = attrs.get("href")
            rels = set((attrs.get("rel") or "").lower().split())
            if href and not rels & SKIP_RELS:
                kind = (
                    "stylesheet"
                    if "stylesheet" in rels
                    else "icon"
                    if rels & {"icon", "apple-touch-icon", "mask-icon"}
                    else "file"
                )
                url(node, href, index, "href", kind if rels & ASSET_RELS else None)
        elif tag == "script":
            if attrs.get("src"):
                url(node, attrs["src"], index, "src", "script")  # type: ignore[arg-type]
        elif tag == "source":
            for name in ("srcset", "src"):
                if attrs.get(name):
                    for candidate in _srcset(attrs[name]):  # type: ignore[arg-type]
                        url(node, candidate, index, name, "image")
        elif tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or "").lower()
            if name in SHARE_IMAGES and attrs.get("content"):
                url(node, attrs["content"], index, "content", "image")  # type: ignore[arg-type]
        elif tag == "style":
            css(node, node.text(), index, "<style")
        elif tag in ("area", "iframe", "video", "audio", "embed"):
            value = attrs.get("href") or attrs.get("src")
            if value:
                url(
                    node,
                    value,
                    index,
                    "href" if "href" in attrs else "src",
                    None if tag in ("area", "iframe") else "file",
                )
        style = attrs.get("style")
        if style and "url(" in style:
            css(node, style, index, "style")

    for fragment, value, locator, node in same_page:
        if fragment not in ids and fragment != "top" and not fragment.startswith(":~:"):
            report(
                "missing-anchor",
                node,
                value,
                f"no element with id '{fragment}' on this page",
                locator,
            )
    return scan


def scan_stylesheet(path: str, text: str, root: SiteRoot) -> list[Finding]:
    """Missing files named by ``url()`` and ``@import`` in a CSS file of the site."""
    findings = []
    for match in CSS_URL.finditer(text):
        value = match[2] or match[4]
        if value.startswith(("data:", "#")):
            continue
        target = resolve(value, page_dir(path), root)
        if target.kind == "internal" and not target.exists:
            line = text.count("\n", 0, match.start()) + 1
            findings.append(Finding("broken-image", path, value, "CSS url() not found", line=line))
    return findings


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _base_dir(tree: LexborHTMLParser, page: str, root: SiteRoot) -> str:
    """The folder relative URLs start from: the page's, or its ``<base href>``."""
    base = tree.css_first("base[href]")
    if base is None:
        return page_dir(page)
    target = resolve(str(base.attributes["href"]), page_dir(page), root)
    if target.kind != "internal" or not target.path:
        return page_dir(page)
    return page_dir(target.path) if not target.path.endswith("/index.html") else target.path[:-10]


def _ignored(tree: LexborHTMLParser) -> dict[int, set[str]]:
    """Elements inside ``data-audit-ignore`` (all tags, or those it lists) by node id."""
    ignored: dict[int, set[str]] = {}
    for element in tree.css("[data-audit-ignore]"):
        tags = set((element.attributes.get("data-audit-ignore") or "").split()) or {"*"}
        for node in element.traverse(include_text=False):
            ignored.setdefault(node.mem_id, set()).update(tags)
    return ignored
