"""What each kind of element can get wrong: one check per tag, looked up by its name."""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from generator.audit.findings import Locator
from generator.audit.images import declared_size, image_problems, keeps_ratio
from generator.audit.scanner import PageScanner
from generator.audit.srcset import parse_srcset

Attributes = dict[str, str | None]
Check = Callable[[PageScanner, LexborNode, Attributes, int], None]

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
ICON_RELS = frozenset({"icon", "apple-touch-icon", "mask-icon"})
SKIP_RELS = frozenset({"preconnect", "dns-prefetch", "prefetch", "prerender"})
SHARE_IMAGES = frozenset({"og:image", "og:image:url", "og:image:secure_url", "twitter:image"})
# <source type> every current browser shows, so such a source applies wherever it stands
SHOWN_TYPES = frozenset(
    {"", "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/svg+xml"}
)


def check_img(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    src = attrs.get("src") or ""
    if "alt" not in attrs:
        scanner.report("missing-alt", node, src, "no alt attribute", Locator(index, "<img"))
    candidates = parse_srcset(attrs.get("srcset") or "")
    if src.strip():
        target = scanner.image(node, src, index, "src", "image")
        if target.kind == "internal" and target.exists and target.path:
            style = attrs.get("style")
            width, height = declared_size(attrs.get("width"), attrs.get("height"), style)
            fitted = keeps_ratio(style)
            file = scanner.ctx.site_dir / target.path
            for tag, message in image_problems(file, width, height, scanner.ctx.limits, fitted):
                if tag != "unreadable-image":  # scanner.image has said so
                    scanner.report(tag, node, src, message, Locator(index, "src"))
    elif not candidates and not _picture_source_applies(node):
        what = "an empty src" if "src" in attrs else "no src"
        message = f"{what} and no srcset: the image loads nothing (hint: give it a src)"
        scanner.report("broken-image", node, src, message, Locator(index, "<img"))
    for candidate in candidates:
        scanner.image(node, candidate.url, index, "srcset", "image")


def _picture_source_applies(img: LexborNode) -> bool:
    """Whether ``img`` sits in a ``<picture>`` with a ``<source>`` that every browser takes."""
    parent = img.parent
    if parent is None or parent.tag != "picture":
        return False
    for child in parent.iter(include_text=False):
        attrs = child.attributes
        if (
            child.tag == "source"
            and (attrs.get("media") or "all").strip().lower() == "all"
            and (attrs.get("type") or "").strip().lower() in SHOWN_TYPES
            and parse_srcset(attrs.get("srcset") or "")
        ):
            return True
    return False


def check_source(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    parent = node.parent
    if parent is not None and parent.tag == "picture":
        for candidate in parse_srcset(attrs.get("srcset") or ""):
            scanner.image(node, candidate.url, index, "srcset", "image")
    elif attrs.get("src"):  # <video> or <audio>: one URL, whatever commas it holds
        scanner.url(node, attrs["src"], index, "src", "file")  # type: ignore[arg-type]


def check_link(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    href = attrs.get("href")
    rels = set((attrs.get("rel") or "").lower().split())
    if not href or rels & SKIP_RELS:
        return
    if rels & ICON_RELS:
        scanner.image(node, href, index, "href", "icon")
    else:
        kind = "stylesheet" if "stylesheet" in rels else "file"
        scanner.url(node, href, index, "href", kind if rels & ASSET_RELS else None)


def check_script(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    if attrs.get("src"):
        scanner.url(node, attrs["src"], index, "src", "script")  # type: ignore[arg-type]


def check_meta(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    name = (attrs.get("property") or attrs.get("name") or "").lower()
    if name in SHARE_IMAGES and attrs.get("content"):
        scanner.image(node, attrs["content"], index, "content", "image")  # type: ignore[arg-type]


def check_style(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    scanner.css(node, node.text(), index, "<style")


def check_embedded(scanner: PageScanner, node: LexborNode, attrs: Attributes, index: int) -> None:
    value = attrs.get("href") or attrs.get("src")
    if value:
        attr = "href" if "href" in attrs else "src"
        scanner.url(node, value, index, attr, None if node.tag in ("area", "iframe") else "file")


# <a> is checked in extract.scan_page itself: a big site has a million of them
CHECKS: dict[str, Check] = {
    "img": check_img,
    "source": check_source,
    "link": check_link,
    "script": check_script,
    "meta": check_meta,
    "style": check_style,
    "area": check_embedded,
    "iframe": check_embedded,
    "video": check_embedded,
    "audio": check_embedded,
    "embed": check_embedded,
}
