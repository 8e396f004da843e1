"""Where a page's relative URLs start: its folder, or its ``<base href>`` as a browser reads it."""

from __future__ import annotations

from pathlib import Path

from generator.audit.external import ExternalOptions
from generator.audit.site import AuditOptions, audit_site
from tests.audit.conftest import StaticSite, page


def with_external(tmp_path: Path) -> AuditOptions:
    # collects external URLs; audit_site itself never asks the network
    return AuditOptions(external=ExternalOptions(tmp_path / "cache.json"))


def test_a_base_on_another_origin_makes_relative_urls_external(
    static_site: StaticSite, tmp_path: Path
) -> None:
    site = static_site(
        {
            "index.html": page(
                '<a href="missing/">x</a> <img src="img/gone.png" alt="x"> <a href="#nowhere">n</a>\n'
                '<a href="mailto:hello@@shop">m</a>',
                head='<base href="https://cdn.example/shop/">',
            )
        }
    )
    report = audit_site(site, with_external(tmp_path))
    assert [(f.tag, f.target) for f in report.findings] == [("bad-mailto", "mailto:hello@@shop")]
    assert sorted(report.external_urls) == [
        "https://cdn.example/shop/#nowhere",
        "https://cdn.example/shop/img/gone.png",
        "https://cdn.example/shop/missing/",
    ]
    assert report.external_urls["https://cdn.example/shop/missing/"][0][0] == "index.html"
    assert audit_site(site).external_urls == {}  # collected only for --external


def test_a_scheme_relative_base_is_another_origin_too(static_site: StaticSite) -> None:
    site = static_site(
        {"index.html": page('<a href="gone/">x</a>', head='<base href="//cdn.example/">')}
    )
    assert audit_site(site).findings == []


def test_a_base_inside_the_site_moves_relative_urls(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page('<a href="guide.html">g</a> <a href="gone.html">x</a>',
                               head='<base href="docs/">'),
            "docs/guide.html": page(""),
        }
    )  # fmt: skip
    assert [(f.tag, f.message) for f in audit_site(site).findings] == [
        ("broken-link", "docs/gone.html not found")
    ]


def test_a_base_on_the_sites_own_origin_is_internal(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page('<a href="guide.html">g</a> <a href="gone.html">x</a>',
                               head='<base href="https://shop.example/shop/docs/">'),
            "docs/guide.html": page(""),
        }
    )  # fmt: skip
    options = AuditOptions(site_url="https://shop.example/shop/")
    assert [(f.tag, f.message) for f in audit_site(site, options).findings] == [
        ("broken-link", "docs/gone.html not found")
    ]
