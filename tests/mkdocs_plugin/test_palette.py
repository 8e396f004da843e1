from __future__ import annotations

from generator.mkdocs_plugin.palette import brand_css, custom_palette


def test_css_sets_materials_palette_variables() -> None:
    css = brand_css("#6b3e26", "#e0a526")
    assert css.startswith(":root > * {")
    assert "--md-primary-fg-color: #6b3e26;" in css
    assert "--md-accent-fg-color: #e0a526;" in css
    assert "--md-primary-bg-color: #ffffff;" in css  # white text on dark brown
    assert "--md-accent-bg-color: #000000;" in css  # black text on amber


def test_every_scheme_of_the_palette_is_made_custom() -> None:
    schemes = [{"scheme": "default", "primary": "teal"}, {"scheme": "slate"}]
    assert custom_palette(schemes) == [
        {"scheme": "default", "primary": "custom", "accent": "custom"},
        {"scheme": "slate", "primary": "custom", "accent": "custom"},
    ]
    assert custom_palette(None) == {"primary": "custom", "accent": "custom"}
