"""A built site served on loopback at its base path, as a browser or LinkChecker sees it."""

from __future__ import annotations

import httpx

from generator.audit.serve import serve_site
from tests.audit.conftest import StaticSite, page


def test_the_site_is_served_at_its_base_path(static_site: StaticSite) -> None:
    site = static_site({"index.html": page("<p>home</p>"), "guide/index.html": page("<p>g</p>")})
    with serve_site(site, "/shop/") as origin:
        assert origin.startswith("http://127.0.0.1:")
        assert "<p>home</p>" in httpx.get(f"{origin}/shop/").text
        assert "<p>g</p>" in httpx.get(f"{origin}/shop/guide/").text
        assert httpx.get(f"{origin}/shop/missing.html").status_code == 404
