"""The default language's folder (en/) as redirects to its pages at the root."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.mkdocs_plugin.redirects import language_redirects


def redirect_of(stub: str) -> tuple[str, str, str]:
    """Where the stub sends the browser, its canonical address, and its robots rule."""
    tree = HTMLParser(stub)
    refresh = tree.css_first('meta[http-equiv="refresh"]').attributes["content"] or ""
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"] or ""
    robots = tree.css_first('meta[name="robots"]').attributes["content"] or ""
    return refresh.removeprefix("0; url="), canonical, robots


def test_every_page_gets_a_redirect_from_the_language_folder() -> None:
    stubs = language_redirects(
        "en", ["", "offers/", "faq/returns/", "offers/"], "https://shop.example/"
    )
    assert list(stubs) == ["en/index.html", "en/faq/returns/index.html", "en/offers/index.html"]
    assert redirect_of(stubs["en/index.html"]) == ("../", "https://shop.example/", "noindex")
    assert redirect_of(stubs["en/offers/index.html"])[:2] == (
        "../../offers/",
        "https://shop.example/offers/",
    )
    assert redirect_of(stubs["en/faq/returns/index.html"])[0] == "../../../faq/returns/"
    assert '<html lang="en">' in stubs["en/index.html"]


def test_plain_file_addresses_and_no_site_url() -> None:
    # use_directory_urls: false, and no site_url: the canonical address is relative too
    stubs = language_redirects("en", ["index.html", "faq/returns.html"], None)
    assert redirect_of(stubs["en/faq/returns.html"])[:2] == (
        "../../faq/returns.html",
        "../../faq/returns.html",
    )
    assert redirect_of(stubs["en/index.html"])[0] == "../index.html"


def test_a_page_of_the_site_at_that_address_is_kept() -> None:
    stubs = language_redirects("en", ["offers/", "faq/"], None, taken={"en/offers/index.html"})
    assert list(stubs) == ["en/faq/index.html"]


def test_addresses_are_escaped_in_the_stub() -> None:
    stub = language_redirects("en", ['a"b&c/'], "https://shop.example/")['en/a"b&c/index.html']
    assert 'href="https://shop.example/a&#34;b&amp;c/"' in stub
    assert redirect_of(stub)[1] == 'https://shop.example/a"b&c/'
