"""Image checks on declared sizes: stretched (ratio) and oversized (pixels, bytes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

_PX = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
_STYLE_SIZE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*([^;]+)", re.IGNORECASE)


@dataclass(frozen=True)
class ImageLimits:
    stretch_tolerance: float = 0.02
    """Allowed relative difference between the declared and the intrinsic width:height ratio."""
    max_upscale: float = 2.0
    """Intrinsic pixels may be at most this many times the declared size in each dimension."""
    max_bytes: int = 300_000


@lru_cache(maxsize=4096)
def intrinsic(path: Path) -> tuple[int, int, int] | None:
    """``(width, height, bytes)`` from the file's header; ``None`` for SVG and unreadable files."""
    try:
        size = path.stat().st_size
        if path.suffix.lower() == ".svg":
            return (0, 0, size)
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return width, height, size


def declared_size(width: str | None, height: str | None, style: str | None) -> tuple[float, float]:
    """Width and height in CSS pixels from attributes or an inline style; 0 when not given."""
    sizes = {"width": _pixels(width), "height": _pixels(height)}
    for name, value in _STYLE_SIZE.findall(style or ""):
        sizes[name.lower()] = _pixels(value)  # the style wins over the attributes
    return sizes["width"], sizes["height"]


def shown(width: float, height: float) -> str:
    """``"320×240"``, or ``"320 px wide"`` when only one side is given."""
    if width and height:
        return f"{width:g}×{height:g}"
    return f"{width:g} px wide" if width else f"{height:g} px high"


def _pixels(value: str | None) -> float:
    match = _PX.match(value) if value else None
    return float(match[1]) if match else 0.0


def image_problems(
    file: Path, width: float, height: float, limits: ImageLimits
) -> list[tuple[str, str]]:
    """``(tag, message)`` pairs for an image shown at ``width`` × ``height`` (0: not declared)."""
    facts = intrinsic(file)
    if facts is None:
        return []
    natural_w, natural_h, size = facts
    found = []
    if size > limits.max_bytes:
        found.append(
            ("oversized-image", f"{size // 1000} KB, over the {limits.max_bytes // 1000} KB budget")
        )
    if not natural_w or not natural_h:
        return found
    if width and height:
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
