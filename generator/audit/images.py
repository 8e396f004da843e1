"""Image files as a browser would take them: readable at all, then stretched or oversized."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

from generator.audit.limits import ImageLimits

_PX = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*([^;]+)", re.IGNORECASE)
_OBJECT_FIT = re.compile(r"(?:^|;)\s*object-fit\s*:\s*([a-z-]+)", re.IGNORECASE)
# object-fit values that keep the image's own ratio inside any box
KEEPS_RATIO = frozenset({"cover", "contain", "none", "scale-down"})
# how a format's last bytes look when the file is whole
_ENDINGS = {"PNG": b"IEND\xaeB`\x82", "GIF": b";"}
_JPEG_END = b"\xff\xd9"


@dataclass(frozen=True)
class ImageFile:
    """What the image file holds: its pixels and bytes, or why no browser can show it."""

    width: int
    height: int
    size: int
    problem: str | None = None
    """``"empty file"``, ``"truncated ..."``, ``"not an image ..."``; ``None`` when readable."""


def read_image(path: Path) -> ImageFile | None:
    """The image at ``path`` (header and last bytes only; SVG parsed); ``None`` if missing."""
    try:
        info = path.stat()
    except OSError:
        return None
    return _read_image(path, info.st_size, info.st_mtime_ns)


# keyed by size and time too: `mkdocs serve` audits again in the same process after an edit
@lru_cache(maxsize=4096)
def _read_image(path: Path, size: int, mtime_ns: int) -> ImageFile | None:
    try:
        with path.open("rb") as file:
            head = file.read(64)
            file.seek(max(0, size - 1024))
            tail = file.read()
            if path.suffix.lower() == ".svg" or head.lstrip().startswith(b"<"):
                file.seek(0)
                return _svg(file.read(), size)
    except OSError:
        return None
    if not size:
        return ImageFile(0, 0, 0, "empty file")
    kind = _sniff(head)
    if kind is None:
        start = head[:16].decode("ascii", errors="replace")
        return ImageFile(0, 0, size, f"not an image: it begins with {start!r}")
    if not _whole(kind, head, tail, size) and not _decodes(path):
        return ImageFile(0, 0, size, f"truncated: the {kind} file ends early")
    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        return ImageFile(0, 0, size, f"cannot be read as {kind}: {exc}")
    return ImageFile(width, height, size)


def _sniff(head: bytes) -> str | None:
    """The image format by its first bytes, as browsers sniff it (never by the file name)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head.startswith(b"BM"):
        return "BMP"
    if head.startswith((b"\x00\x00\x01\x00", b"\x00\x00\x02\x00")):
        return "ICO"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def _decodes(path: Path) -> bool:
    """Whether every pixel decodes: the slow check, only when the last bytes look wrong
    (a phone's JPEG may carry a long trailer after its end marker)."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return False
    return True


def _whole(kind: str, head: bytes, tail: bytes, size: int) -> bool:
    """Whether the file ends as a whole one of its format does (read from its last bytes)."""
    if kind in _ENDINGS:
        return tail.endswith(_ENDINGS[kind])
    if kind == "JPEG":  # the end-of-image marker, perhaps followed by a little padding
        return _JPEG_END in tail
    if kind == "WEBP":  # the RIFF header gives the length of what follows it
        return int.from_bytes(head[4:8], "little") + 8 <= size
    return True


def _svg(data: bytes, size: int) -> ImageFile:
    if not data.strip():
        return ImageFile(0, 0, size, "empty file")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        problem = f"not an SVG image: {exc}" if b"<svg" in data else "not an image: no <svg>"
        return ImageFile(0, 0, size, problem)
    if root.tag.rpartition("}")[2] != "svg":
        return ImageFile(0, 0, size, f"not an image: <{root.tag.rpartition('}')[2]}>, not <svg>")
    return ImageFile(0, 0, size)  # it scales without pixels and keeps its ratio


def declared_size(width: str | None, height: str | None, style: str | None) -> tuple[float, float]:
    """Width and height in CSS pixels from attributes or an inline style; 0 when not given."""
    sizes = {"width": _pixels(width), "height": _pixels(height)}
    for name, value in _STYLE_SIZE.findall(style or ""):
        sizes[name.lower()] = _pixels(value)  # the style wins over the attributes
    return sizes["width"], sizes["height"]


def keeps_ratio(style: str | None) -> bool:
    """Whether an inline style's ``object-fit`` crops or fits the image instead of stretching."""
    found = _OBJECT_FIT.findall(style) if style and "object-fit" in style.lower() else []
    return bool(found) and found[-1].lower() in KEEPS_RATIO


def _pixels(value: str | None) -> float:
    match = _PX.match(value) if value else None
    return float(match[1]) if match else 0.0


def image_problems(
    file: Path, width: float, height: float, limits: ImageLimits, fitted: bool = False
) -> list[tuple[str, str]]:
    """``(tag, message)`` pairs for an image shown at ``width`` × ``height`` (0: not declared).

    ``fitted``: an ``object-fit`` keeps the image's ratio, so its box cannot stretch it.
    """
    facts = read_image(file)
    if facts is None:
        return []
    if facts.problem:
        return [("unreadable-image", facts.problem)]
    natural_w, natural_h, size = facts.width, facts.height, facts.size
    found = []
    if size > limits.max_bytes:
        found.append(
            ("oversized-image", f"{size // 1000} KB, over the {limits.max_bytes // 1000} KB budget")
        )
    if not natural_w or not natural_h:
        return found
    if width and height and not fitted:
        declared_ratio, natural_ratio = width / height, natural_w / natural_h
        if abs(declared_ratio / natural_ratio - 1) > limits.stretch_tolerance:
            found.append(
                (
                    "stretched-image",
                    f"shown at {width:g}×{height:g} but the image is {natural_w}×{natural_h} "
                    f"(ratio {declared_ratio:.2f} instead of {natural_ratio:.2f})",
                )
            )
    if (width and natural_w > limits.max_upscale * width) or (
        height and natural_h > limits.max_upscale * height
    ):
        found.append(
            (
                "oversized-image",
                f"{natural_w}×{natural_h} pixels shown at {width:g}×{height:g}: "
                f"more than {limits.max_upscale:g}× the size it is shown at",
            )
        )
    return found


def unreadable(file: Path) -> str | None:
    """Why no browser can show the image at ``file``, or ``None`` (also when it is missing)."""
    facts = read_image(file)
    return facts.problem if facts is not None else None
