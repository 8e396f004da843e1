from __future__ import annotations

from generator.pages.colours import contrast, luminance, mix, text_on


def test_text_on_brand_colours_is_readable() -> None:
    assert text_on("#ffeb3b") == "#000000"  # yellow → black text
    assert text_on("#1f5f8b") == "#ffffff"  # dark blue → white text
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0


def test_mix_moves_towards_the_other_colour() -> None:
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#6b3e26", "#6b3e26", 0.3) == "#6b3e26"


def test_luminance_follows_wcag() -> None:
    assert luminance("#ffffff") == 1.0
    assert luminance("#000000") == 0.0
    assert round(luminance("#808080"), 3) == 0.216
