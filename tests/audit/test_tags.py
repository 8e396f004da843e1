"""One planted defect per tag, found at its line; a clean site yields nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.audit.findings import TAGS, Finding
from generator.audit.limits import ImageLimits
from generator.audit.site import AuditOptions, audit_site
from tests.audit.conftest import Link, StaticSite, page

CLEAN = {
    "index.html": page(
        '<nav><a href="guide/">Guide</a> <a href="guide/#install">Install</a> '
        '<a href="#top">Top</a> <a href="/shop/guide/">Guide (root-relative)</a> '
        '<a href="https://shop.example/shop/guide/index.html">Guide (absolute)</a> '
        '<a href="https://elsewhere.example/">Elsewhere</a> '
        '<a href="mailto:hello@shop.example?subject=Hi">Mail</a> <a href="tel:+34912345678">Call</a></nav>\n'
        '<h1 id="welcome">Welcome</h1> <a href="#welcome">here</a> <a name="old-anchor"></a> '
        '<a href="#old-anchor">old</a>\n'
        '<img src="img/photo.png" width="300" height="200" alt="A photo">\n'
        '<img src="img/photo.png" style="width: 300px; height: 200px" alt="">\n'
        '<img src="img/photo.png" srcset="img/photo.png 1x, img/photo@2x.png 2x" alt="x">\n'
        '<picture><source srcset="img/photo.png"><img src="img/photo.png" alt="x"></picture>\n'
        "<div style=\"background: url('img/photo.png')\"></div>",
        head='<link rel="icon" href="img/photo.png"><link rel="stylesheet" href="css/site.css">'
        '<script src="js/app.js"></script>'
        '<meta property="og:image" content="https://shop.example/shop/img/photo.png">'
        '<link rel="preconnect" href="https://fonts.example">',
    ),
    "guide/index.html": page('<h2 id="install">Install</h2><a href="../">Home</a>'),
    "css/site.css": "body { background: url(../img/photo.png); }\n@import 'print.css';\n"
    ".icon { background: url(data:image/png;base64,AAAA); }\n",
    "css/print.css": "",
    "js/app.js": "",
    "img/photo.png": (600, 400),
    "img/photo@2x.png": (1200, 800),
}

# tag → (files added to the clean site, page, line, target)
PLANTED = {
    "broken-link": (
        {"a.html": page('<p>\n<a href="guide/missing/">x</a></p>')},
        "a.html",
        9,
        "guide/missing/",
    ),
    "missing-anchor": (
        {"a.html": page('\n\n<a href="guide/#uninstall">x</a>')},
        "a.html",
        10,
        "guide/#uninstall",
    ),
    "broken-image": (
        {"a.html": page('<img src="img/gone.png" alt="gone">')},
        "a.html",
        8,
        "img/gone.png",
    ),
    "missing-alt": (
        {"a.html": page('<img src="img/photo.png" width="300" height="200">')},
        "a.html",
        8,
        "img/photo.png",
    ),
    "stretched-image": (
        {"a.html": page('<img src="img/photo.png" width="300" height="300" alt="x">')},
        "a.html",
        8,
        "img/photo.png",
    ),
    "oversized-image": (
        {"a.html": page('<img src="img/photo.png" width="150" height="100" alt="x">')},
        "a.html",
        8,
        "img/photo.png",
    ),
    "bad-mailto": (
        {"a.html": page('<a href="mailto:hello@@shop">x</a>')},
        "a.html",
        8,
        "mailto:hello@@shop",
    ),
    "bad-tel": ({"a.html": page('<a href="tel:12">x</a>')}, "a.html", 8, "tel:12"),
    "unreadable-image": (
        {"a.html": page('\n<img src="img/empty.png" alt="x">'), "img/empty.png": b""},
        "a.html",
        9,
        "img/empty.png",
    ),
    "unreadable-file": ({"gone.html": Link("nowhere.html")}, "gone.html", None, "gone.html"),
}
OPTIONS = AuditOptions(site_url="https://shop.example/shop/")


def test_a_clean_site_yields_nothing(static_site: StaticSite) -> None:
    report = audit_site(static_site(CLEAN), OPTIONS)
    assert report.findings == []
    assert report.pages == ["guide/index.html", "index.html"]


def test_every_offline_tag_is_planted_here() -> None:
    assert set(PLANTED) == set(TAGS) - {"broken-external"}  # that one needs the network


@pytest.mark.parametrize("tag", PLANTED)
def test_each_planted_defect_is_found_at_its_line(static_site: StaticSite, tag: str) -> None:
    # unreadable-file has no line: the file itself cannot be read
    files, page_path, line, target = PLANTED[tag]
    report = audit_site(static_site({**CLEAN, **files}), OPTIONS)
    assert [(f.tag, f.page, f.line, f.target) for f in report.findings] == [
        (tag, page_path, line, target)
    ]


def only(site: Path, options: AuditOptions = OPTIONS) -> list[tuple[str, str, str]]:
    return [(f.tag, f.target, f.message) for f in audit_site(site, options).findings]


def test_broken_assets_of_every_kind(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img src="a.png" srcset="b.png 1x, c.png 2x" alt="x">'
                '<picture><source srcset="d.webp"><img src="a.png" alt="x"></picture>'
                '<div style="background-image: url(e.png)"></div><style>p { background: url("f.png") }</style>',
                head='<link rel="icon" href="g.ico"><link rel="stylesheet" href="h.css">'
                '<script src="i.js"></script><meta property="og:image" content="j.png">',
            ),
            "a.png": (10, 10),
            "k.css": "p { background: url(missing.png) }",
        }
    )
    targets = {t for tag, t, _ in only(site) if tag == "broken-image"}
    assert targets == {
        "b.png",
        "c.png",
        "d.webp",
        "e.png",
        "f.png",
        "g.ico",
        "h.css",
        "i.js",
        "j.png",
        "missing.png",
    }


def test_root_relative_links_honour_the_base_path(static_site: StaticSite) -> None:
    site = static_site({"index.html": page('<a href="/shop/">in</a> <a href="/other/">out</a>')})
    assert only(site) == [("broken-link", "/other/", "outside the site not found")]


def test_folder_links_resolve_to_index_html(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<a href="docs">a</a> <a href="docs/">b</a> <a href="docs/index.html">c</a> <a href="nodocs/">d</a>'
            ),
            "docs/index.html": page(""),
        }
    )
    assert only(site) == [("broken-link", "nodocs/", "nodocs/index.html not found")]


def test_empty_alt_is_decorative_not_missing(static_site: StaticSite) -> None:
    site = static_site(
        {"index.html": page('<img src="a.png" alt=""><img src="a.png">'), "a.png": (4, 4)}
    )
    assert only(site) == [("missing-alt", "a.png", "no alt attribute")]


def test_stretch_tolerance_and_byte_budget_are_settable(static_site: StaticSite) -> None:
    # 300×200 shown at 300×196: 2.04 % off the ratio
    site = static_site(
        {
            "index.html": page('<img src="p.png" width="300" height="196" alt="x">'),
            "p.png": (300, 200),
        }
    )
    assert [tag for tag, _, _ in only(site)] == ["stretched-image"]
    loose = AuditOptions(limits=ImageLimits(stretch_tolerance=0.05))
    assert only(site, loose) == []
    tight = AuditOptions(limits=ImageLimits(stretch_tolerance=0.05, max_bytes=100))
    assert [tag for tag, _, _ in only(site, tight)] == ["oversized-image"]


def test_data_audit_ignore_skips_an_element_or_some_tags(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<div data-audit-ignore><a href="gone/">x</a><img src="gone.png"></div>'
                '<p data-audit-ignore="missing-alt"><img src="gone2.png"></p>'
            )
        }
    )
    assert only(site) == [("broken-image", "gone2.png", "image not found")]


def test_ids_inside_ignored_elements_still_count_as_anchors(static_site: StaticSite) -> None:
    site = static_site(
        {"index.html": page('<section data-audit-ignore id="s"></section><a href="#s">s</a>')}
    )
    assert only(site) == []


def test_many_pages_are_scanned_in_worker_processes(static_site: StaticSite) -> None:
    files = {
        f"p{i}/index.html": page(f'<a href="../p{(i + 1) % 80}/#h">n</a><h2 id="h">h</h2>')
        for i in range(80)
    }
    files["p7/index.html"] = page('<a href="../p8/#nope">n</a><h2 id="h">h</h2>')
    report = audit_site(static_site(files), AuditOptions(jobs=2))
    assert [(f.page, f.tag, f.target) for f in report.findings] == [
        ("p7/index.html", "missing-anchor", "../p8/#nope")
    ]


def test_findings_are_sorted_by_page_and_line(static_site: StaticSite) -> None:
    site = static_site(
        {
            "b.html": page('<a href="x/">x</a>\n<a href="y/">y</a>'),
            "a.html": page('<a href="z/">z</a>'),
        }
    )
    report = audit_site(site)
    assert [(f.page, f.line) for f in report.findings] == [
        ("a.html", 8),
        ("b.html", 8),
        ("b.html", 9),
    ]
    assert all(isinstance(f, Finding) for f in report.findings)
