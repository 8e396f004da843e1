"""URLs in CSS, read by the CSS tokenizer: quotes, comments, escapes and @import."""

from __future__ import annotations

from generator.audit.css import css_urls


def urls(text: str) -> list[tuple[str, int]]:
    return list(css_urls(text))


def test_every_form_of_url_and_import() -> None:
    css = (
        "@import 'a.css';\n"
        '@import url("b.css") screen;\n'
        "p { background: url(c.png) }\n"
        'p { background: URL( "d.png" ) }\n'
        "p { background: image-set('e.png' 1x, \"f.png\" 2x) }\n"
        "@font-face { src: url(g.woff2) format('woff2') }\n"
    )
    assert urls(css) == [
        ("a.css", 1),
        ("b.css", 2),
        ("c.png", 3),
        ("d.png", 4),
        ("e.png", 5),
        ("f.png", 5),
        ("g.woff2", 6),
    ]


def test_quotes_inside_a_quoted_url_and_data_uris() -> None:
    svg = "data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert urls(f'i {{ mask: url("{svg}") }} j {{ background: url("it\'s.png") }}') == [
        ("it's.png", 1)
    ]


def test_comments_strings_and_escapes_are_read_as_css_reads_them() -> None:
    css = (
        "/* p { background: url(commented.png) } */\n"
        "p::before { content: 'url(quoted.png)' }\n"
        "q { background: url(sp\\61 ce.png) }\n"
    )
    assert urls(css) == [("space.png", 3)]


def test_nothing_to_read() -> None:
    assert urls("p { color: red }") == []
    assert urls("p { background: url(data:image/png;base64,AAAA) } q { mask: url(#m) }") == []
    assert urls("") == []
