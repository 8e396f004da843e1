"""One page's facts: its ids, and what is wrong with its links and images.

This is the hot path of the audit: one parse with lexbor (selectolax), one pass over the
elements that carry URLs or ids, each handed to its tag's check; no line counting (lines are
found only for findings, later).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from generator.audit.css import css_urls
from generator.audit.elements import CHECKS
from generator.audit.findings import Finding
from generator.audit.scanner import PageScan, PageScanner, ScanContext, page_dir
from generator.audit.urls import SiteRoot, resolve

SELECTOR = ":is([href],[src],[srcset],[id],a[name],meta[content],[style],style,img)"


def scan_page(page: str, data: bytes, ctx: ScanContext) -> PageScan:
    """Scan the HTML of ``page`` (a path relative to the site folder)."""
    tree = LexborHTMLParser(data)
    scanner = PageScanner(page, tree, ctx)
    ids = scanner.scan.ids
    checks = CHECKS
    url = scanner.url
    for index, node in enumerate(tree.css(SELECTOR)):
        attrs = node.attributes
        if attrs.get("id"):
            ids.add(attrs["id"])  # type: ignore[arg-type]
        tag = node.tag
        if tag == "a":  # most elements are links (a million on a big site): checked right here
            if attrs.get("name"):
                ids.add(attrs["name"])  # type: ignore[arg-type]
            href = attrs.get("href")
            if href is not None:
                url(node, href, index, "href", None)
        elif tag in checks:
            checks[tag](scanner, node, attrs, index)
        style = attrs.get("style")
        if style and "url(" in style:
            scanner.css(node, style, index, "style")
    return scanner.finish()


def scan_stylesheet(path: str, text: str, root: SiteRoot) -> list[Finding]:
    """Missing files named by ``url()`` and ``@import`` in a CSS file of the site."""
    findings = []
    for value, line in css_urls(text):
        if value.startswith("#"):
            continue
        target = resolve(value, page_dir(path), root)
        if target.kind == "internal" and not target.exists:
            findings.append(Finding("broken-image", path, value, "CSS url() not found", line=line))
    return findings
