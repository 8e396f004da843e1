from __future__ import annotations

from generator.mkdocs_plugin.hreflang import absolute_alternates

PAGE = """<html><head>
<link rel="alternate" href="./" hreflang="en">
<link rel="alternate" href="../es/offers/" hreflang="es">
</head><body><link rel="alternate" href="./" hreflang="en"></body></html>"""


def test_alternates_become_absolute_with_an_x_default() -> None:
    html = absolute_alternates(PAGE, "https://shop.example/offers/", "en")
    head, _, body = html.partition("</head>")
    assert '<link rel="alternate" href="https://shop.example/offers/" hreflang="en">' in head
    assert '<link rel="alternate" href="https://shop.example/es/offers/" hreflang="es">' in head
    assert head.rstrip().endswith(
        '<link rel="alternate" href="https://shop.example/offers/" hreflang="x-default">'
    )
    assert body == '<body><link rel="alternate" href="./" hreflang="en"></body></html>'


def test_a_page_without_the_default_language_gets_no_x_default() -> None:
    html = absolute_alternates(PAGE, "https://shop.example/offers/", "id")
    assert "x-default" not in html
