from __future__ import annotations

from generator.model.campaign import Brand
from generator.pages.brand import brand_css, contrast, mix, text_on


def test_text_on_brand_colours_is_readable() -> None:
    assert text_on("#ffeb3b") == "#000000"  # yellow → black text
    assert text_on("#1f5f8b") == "#ffffff"  # dark blue → white text
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0


def test_mix_moves_towards_the_other_colour() -> None:
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#6b3e26", "#6b3e26", 0.3) == "#6b3e26"


def test_css_sets_materials_palette_variables() -> None:
    css = brand_css(Brand(primary="#6b3e26", accent="#e0a526"))
    assert css.startswith(":root > * {")
    assert "--md-primary-fg-color: #6b3e26;" in css
    assert "--md-accent-fg-color: #e0a526;" in css
    assert "--md-primary-bg-color: #ffffff;" in css  # white text on dark brown
    assert "--md-accent-bg-color: #000000;" in css  # black text on amber
