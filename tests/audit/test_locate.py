"""Line numbers of findings, found in one pass over the page however many there are."""

from __future__ import annotations

from generator.audit.extract import SELECTOR
from generator.audit.findings import Locator
from generator.audit.locate import lines_of
from generator.audit.site import audit_site
from tests.audit.conftest import StaticSite, page

PAGE = (
    b"<!doctype html>\n<title>t</title>\n"  # lines 1-2
    b'<a href="#a">1</a>\n'  # 3
    b"<a href='#a'>2</a> <img src=x.png>\n"  # 4
    b'<a\n  href = "#a&amp;b">3</a>\n'  # 5-6
    b'<img src="x.png" srcset="x.png 1x,\n y.png 2x">\n'  # 7-8
    b"<!-- <img> in a comment is not an element -->\n"  # 9
    b'<img src="x.png">\n'  # 10
)


def index_of(n_th: int, tag: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    nodes = LexborHTMLParser(PAGE).css(SELECTOR)
    return [i for i, node in enumerate(nodes) if node.tag == tag][n_th]


def test_each_occurrence_of_the_same_value_gets_its_own_line() -> None:
    wanted = [(Locator(index_of(n, "a"), "href"), "#a") for n in range(2)]
    assert lines_of(PAGE, wanted) == [3, 4]


def test_escaped_values_spaced_attributes_and_several_lines() -> None:
    wanted = [
        (Locator(index_of(2, "a"), "href"), "#a&b"),
        (Locator(index_of(1, "img"), "srcset"), "y.png"),
    ]
    assert lines_of(PAGE, wanted) == [6, 7]  # the attribute's line


def test_by_tag_and_by_attribute_at_the_same_element() -> None:
    last = index_of(2, "img")
    wanted = [(Locator(last, "<img"), "x.png"), (Locator(last, "src"), "x.png")]
    assert lines_of(PAGE, wanted) == [9, 10]  # the commented-out <img> is counted by its tag


def test_an_element_out_of_range_has_no_line() -> None:
    assert lines_of(PAGE, [(Locator(999, "href"), "#a")]) == [None]


def test_ten_thousand_findings_on_one_page_each_at_its_line(static_site: StaticSite) -> None:
    body = "\n".join(f'<a href="#missing-{i}">{i}</a>' for i in range(10_000))
    report = audit_site(static_site({"index.html": page(body)}))
    assert len(report.findings) == 10_000
    assert [f.line for f in report.findings] == list(range(8, 10_008))
