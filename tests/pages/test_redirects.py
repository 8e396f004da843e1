"""The default language's folder (en/) as redirects to its pages at the root."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.pages.redirects import write_language_redirects


def redirect_of(stub: Path) -> tuple[str, str, str]:
    """Where the stub sends the browser, its canonical address, and its robots rule."""
    tree = HTMLParser(stub.read_text(encoding="utf-8"))
    refresh = tree.css_first('meta[http-equiv="refresh"]').attributes["content"] or ""
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"] or ""
    robots = tree.css_first('meta[name="robots"]').attributes["content"] or ""
    return refresh.removeprefix("0; url="), canonical, robots


def test_every_page_gets_a_redirect_from_the_language_folder(tmp_path: Path) -> None:
    written = write_language_redirects(
        tmp_path, "en", ["", "offers/", "faq/returns/", "offers/"], "https://shop.example/"
    )
    assert written == ["en/", "en/faq/returns/", "en/offers/"]
    assert redirect_of(tmp_path / "en" / "index.html") == (
        "../",
        "https://shop.example/",
        "noindex",
    )
    assert redirect_of(tmp_path / "en" / "offers" / "index.html")[:2] == (
        "../../offers/",
        "https://shop.example/offers/",
    )
    assert redirect_of(tmp_path / "en" / "faq" / "returns" / "index.html")[0] == (
        "../../../faq/returns/"
    )


def test_plain_file_addresses_and_no_site_url(tmp_path: Path) -> None:
    # use_directory_urls: false, and no site_url: the canonical address is relative too
    write_language_redirects(tmp_path, "en", ["index.html", "faq/returns.html"], None)
    assert redirect_of(tmp_path / "en" / "faq" / "returns.html")[:2] == (
        "../../faq/returns.html",
        "../../faq/returns.html",
    )
    assert redirect_of(tmp_path / "en" / "index.html")[0] == "../index.html"


def test_a_page_of_the_site_at_that_address_is_kept(tmp_path: Path) -> None:
    own = tmp_path / "en" / "offers" / "index.html"
    own.parent.mkdir(parents=True)
    own.write_text("a page of the site's own")
    assert write_language_redirects(tmp_path, "en", ["offers/", "faq/"], None) == ["en/faq/"]
    assert own.read_text() == "a page of the site's own"
