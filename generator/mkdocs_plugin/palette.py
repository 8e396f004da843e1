"""The brand's colours as Material's palette: ``custom`` primary and accent, and the CSS
variables Material reads for them (``--md-primary-fg-color``...)."""

from __future__ import annotations

from typing import Any

from generator.pages.colours import mix, text_on


def custom_palette(palette: Any) -> Any:
    """Material's ``theme.palette`` with primary and accent ``custom``, so the brand CSS applies."""
    if isinstance(palette, list):
        return [custom_palette(scheme) for scheme in palette]
    scheme = dict(palette or {})
    scheme["primary"] = "custom"
    scheme["accent"] = "custom"
    return scheme


def brand_css(primary: str, accent: str) -> str:
    """CSS that sets Material's palette variables to the brand, with readable text on it."""
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
