"""Where a URL written in a page points inside the site (``resolve``)."""

from __future__ import annotations

import pytest

from generator.audit.urls import EXTERNAL, SKIP, SiteRoot, Target, resolve

FILES = frozenset({"index.html", "guide/index.html", "guide/install.html", "img/a b.png"})
ROOT = SiteRoot.from_site_url(FILES, "https://Shop.example/shop")


@pytest.mark.parametrize(
    ("url", "folder", "expected"),
    [
        ("guide/", "", Target("internal", "guide/index.html")),
        ("guide", "", Target("internal", "guide/index.html")),  # servers add the slash
        ("install.html#step-2", "guide/", Target("internal", "guide/install.html", "step-2")),
        ("../", "guide/", Target("internal", "index.html")),
        ("./install.html?x=1", "guide/", Target("internal", "guide/install.html")),
        ("guide/./../guide/install.html", "", Target("internal", "guide/install.html")),
        ("img/a%20b.png", "", Target("internal", "img/a b.png")),
        ("#caf%C3%A9", "guide/", Target("internal", "", "café")),
        ("", "guide/", Target("internal", "")),
        (" guide/ ", "", Target("internal", "guide/index.html")),
        ("missing.html", "guide/", Target("internal", "guide/missing.html", exists=False)),
        ("nope/", "", Target("internal", "nope/index.html", exists=False)),
        ("../../x.html", "guide/", Target("internal", "", exists=False)),  # above the root
    ],
)
def test_relative_urls(url: str, folder: str, expected: Target) -> None:
    assert resolve(url, folder, ROOT) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/shop/guide/", Target("internal", "guide/index.html")),
        ("/shop", Target("internal", "index.html")),
        ("/other/", Target("internal", "", exists=False)),  # outside the base path
        ("https://shop.example/shop/guide/install.html", Target("internal", "guide/install.html")),
        ("HTTPS://SHOP.EXAMPLE/shop/", Target("internal", "index.html")),
        ("https://shop.example/shop", Target("internal", "index.html")),
        ("https://shop.example/elsewhere/", EXTERNAL),
        ("https://other.example/shop/", EXTERNAL),
        ("//cdn.example/x.js", EXTERNAL),
        ("mailto:hello@shop.example", Target("mailto")),
        ("TEL:+34912345678", Target("tel")),
        ("data:image/png;base64,AAAA", SKIP),
        ("javascript:void(0)", SKIP),
    ],
)
def test_root_relative_absolute_and_other_schemes(url: str, expected: Target) -> None:
    assert resolve(url, "guide/", ROOT) == expected


def test_without_a_site_url_absolute_urls_are_external() -> None:
    root = SiteRoot.from_site_url(FILES, None)
    assert (root.base_path, root.origin) == ("/", "")
    assert resolve("https://shop.example/shop/", "", root) == EXTERNAL
    assert resolve("/guide/", "", root) == Target("internal", "guide/index.html")
