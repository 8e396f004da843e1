"""Brand colours as Material's CSS variables, with readable text on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the share cards use the colour helpers on builds that load no campaign
    from generator.model.campaign import Brand


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def mix(colour: str, other: str, weight: float) -> str:
    """``colour`` moved ``weight`` (0–1) of the way towards ``other``."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * weight for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1–21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return (
        "#000000"
        if contrast(background, "#000000") >= contrast(background, "#ffffff")
        else "#ffffff"
    )


def brand_css(brand: Brand) -> str:
    """CSS that sets Material's palette variables (``palette.primary: custom``) to the brand."""
    primary, accent = brand.primary, brand.accent
    on_primary, on_accent = text_on(primary), text_on(accent)
    return (
        ":root > * {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {mix(primary, '#ffffff', 0.25)};\n"
        f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.25)};\n"
        f"  --md-primary-bg-color: {on_primary};\n"
        f"  --md-primary-bg-color--light: {on_primary}b3;\n"
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        f"  --md-accent-bg-color: {on_accent};\n"
        f"  --md-accent-bg-color--light: {on_accent}b3;\n"
        f"  --appreciate-primary: {primary};\n"
        f"  --appreciate-accent: {accent};\n"
        "}\n"
    )
