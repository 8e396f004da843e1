"""Images as a browser shows them: CSS-stretched or far larger than their rendered box."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from generator.audit.extract import SELECTOR
from generator.audit.findings import Finding, Locator
from generator.audit.limits import ImageLimits
from generator.audit.serve import serve_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# (width, height, device pixel ratio): a phone and a laptop
VIEWPORTS = ((360, 800, 2), (1280, 800, 1))

_MEASURE = """() => Array.from(document.images).map((img, ordinal) => {
  const box = img.getBoundingClientRect();
  const style = getComputedStyle(img);
  const pad = (a, b) => parseFloat(style[a]) + parseFloat(style[b]);
  return {
    ordinal, src: img.getAttribute("src") || "", complete: img.complete,
    naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
    width: box.width - pad("paddingLeft", "paddingRight")
      - pad("borderLeftWidth", "borderRightWidth"),
    height: box.height - pad("paddingTop", "paddingBottom")
      - pad("borderTopWidth", "borderBottomWidth"),
    fit: style.objectFit, visible: style.display !== "none" && style.visibility !== "hidden",
    ignored: img.closest("[data-audit-ignore]")?.getAttribute("data-audit-ignore") ?? null,
  };
})"""


def browser_findings(
    site_dir: Path, pages: list[str], limits: ImageLimits, site_url: str | None = None
) -> list[Finding]:
    """Load each page at each viewport in headless Chromium and measure every image."""
    from playwright.sync_api import sync_playwright

    base = urlsplit(site_url).path if site_url else "/"
    base = base if base.endswith("/") else base + "/"
    findings: dict[tuple[str, str, str], Finding] = {}
    images: dict[str, list[int]] = {}  # per page: the scan's index of each <img>, parsed once
    with serve_site(site_dir, base) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for width, height, ratio in VIEWPORTS:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=ratio
                )
                tab = context.new_page()
                for page in pages:
                    tab.goto(origin + base + page, wait_until="load")
                    for image in tab.evaluate(_MEASURE):
                        for tag, message in _judge(image, ratio, limits):
                            key = (tag, page, image["src"])
                            if key not in findings:
                                if page not in images:
                                    images[page] = _img_indexes(site_dir / page)
                                locator = _img_locator(images[page], image["ordinal"])
                                message = f"at {width}×{height}: {message}"
                                findings[key] = Finding(
                                    tag, page, image["src"], message, locator=locator
                                )
                context.close()
        finally:
            browser.close()
    return list(findings.values())


def _judge(image: dict[str, object], ratio: int, limits: ImageLimits) -> list[tuple[str, str]]:
    natural_w, natural_h = float(image["naturalWidth"]), float(image["naturalHeight"])  # type: ignore[arg-type]
    width, height = float(image["width"]), float(image["height"])  # type: ignore[arg-type]
    ignored = image["ignored"]
    skip = set(str(ignored).split()) or {"*"} if ignored is not None else set()
    if (
        not image["complete"]
        or not natural_w
        or not natural_h
        or width < 1
        or height < 1
        or not image["visible"]
    ):
        return []
    found = []
    if (
        image["fit"] in ("fill", "")
        and abs((width / height) / (natural_w / natural_h) - 1) > limits.stretch_tolerance
    ):
        found.append(
            (
                "stretched-image",
                f"rendered {width:.0f}×{height:.0f}, the image is {natural_w:.0f}×{natural_h:.0f}",
            )
        )
    if (
        natural_w > limits.max_upscale * width * ratio
        or natural_h > limits.max_upscale * height * ratio
    ):
        found.append(
            (
                "oversized-image",
                f"{natural_w:.0f}×{natural_h:.0f} pixels rendered at "
                f"{width:.0f}×{height:.0f} (device pixel ratio {ratio})",
            )
        )
    return [(tag, message) for tag, message in found if "*" not in skip and tag not in skip]


def _img_indexes(path: Path) -> list[int]:
    """The scan's index of each ``<img>`` of a page, in order."""
    nodes = LexborHTMLParser(path.read_bytes()).css(SELECTOR)
    return [index for index, node in enumerate(nodes) if node.tag == "img"]


def _img_locator(images: list[int], ordinal: int) -> Locator | None:
    """The scan's locator of the ``ordinal``-th ``<img>`` of a page, for its line number."""
    return Locator(images[ordinal], "src") if ordinal < len(images) else None
