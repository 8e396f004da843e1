"""One page's scan (``scan_page``): its ids, links to other pages' fragments, external URLs,
and the findings it can make alone; and a stylesheet's (``scan_stylesheet``)."""

from __future__ import annotations

from pathlib import Path

from generator.audit.extract import scan_page, scan_stylesheet
from generator.audit.findings import Locator
from generator.audit.scanner import PageScan, ScanContext
from generator.audit.urls import SiteRoot

FILES = frozenset({"index.html", "guide/index.html", "guide/setup.html", "img/a.png"})
ROOT = SiteRoot(FILES)


def scan(html: str, page: str = "guide/setup.html", external: bool = False) -> PageScan:
    context = ScanContext(Path("/nonexistent"), ROOT, external=external)
    return scan_page(page, html.encode(), context)


def test_ids_and_old_style_names_are_collected() -> None:
    result = scan('<h2 id="one">1</h2><a name="two"></a><p id="">x</p><div name="not-a"></div>')
    assert result.ids == {"one", "two"}


def test_links_to_other_pages_fragments_are_left_for_the_site_check() -> None:
    result = scan('<a href="../#intro">i</a> <a href="index.html#faq">f</a>')
    assert result.anchors == [
        ("index.html", "intro", "../#intro", Locator(0, "href")),
        ("guide/index.html", "faq", "index.html#faq", Locator(1, "href")),
    ]
    assert result.findings == []


def test_same_page_fragments_are_checked_against_the_pages_ids() -> None:
    result = scan(
        '<a href="#here">ok</a> <a href="#top">top</a> <a href="#:~:text=hello">text</a> '
        '<a href="#gone">x</a> <a href="setup.html#also-gone">y</a> <h2 id="here">h</h2>'
    )
    assert [(f.tag, f.target, f.locator) for f in result.findings] == [
        ("missing-anchor", "#gone", Locator(3, "href")),
        ("missing-anchor", "setup.html#also-gone", Locator(4, "href")),
    ]


def test_external_urls_are_collected_only_when_asked() -> None:
    html = '<a href="https://a.example/x">a</a> <a href="https://a.example/x">again</a>'
    assert scan(html).external == {}
    assert scan(html, external=True).external == {"https://a.example/x": Locator(0, "href")}


def test_ignored_elements_report_nothing_but_keep_their_ids() -> None:
    result = scan('<div data-audit-ignore="broken-link" id="d"><a href="gone/">x</a>'
                  '<img src="gone.png" alt="x"></div>')  # fmt: skip
    assert [(f.tag, f.target) for f in result.findings] == [("broken-image", "gone.png")]
    assert result.ids == {"d"}


def test_a_stylesheets_urls_with_their_lines() -> None:
    css = (
        "@import 'gone.css';\n"
        "a { background: url(../img/a.png) }\n"
        'b { background: url( "missing.png" ) }\n'
        "c { mask: url(#clip); background: url(data:image/png;base64,AAAA) }\n"
    )
    assert [(f.tag, f.target, f.line) for f in scan_stylesheet("css/site.css", css, ROOT)] == [
        ("broken-image", "gone.css", 1),
        ("broken-image", "missing.png", 3),
    ]
