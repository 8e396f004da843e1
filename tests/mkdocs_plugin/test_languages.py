"""One ``mkdocs build`` of the shop in English, Spanish and Indonesian (mkdocs-static-i18n)."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.i18n import gettext_in
from generator.mkdocs_plugin.languages import docs_path, neutral_path, translated_page
from tests.conftest import MKDOCS_I18N, THREE, SiteFactory, appreciate, mkdocs, three_languages

PAGES = ("", "offers/", "survey/", "contact/", "returns/", "faq/")


def project(site_factory: SiteFactory, languages: str = THREE) -> Path:
    text = MKDOCS_I18N.format(campaign="three-languages.yaml", languages=languages)
    return site_factory({"mkdocs.yml": text})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shop built once in three languages (the tests only read it)."""
    root = three_languages(tmp_path_factory.mktemp("three") / "shop")
    (root / "content" / "story.es.md").write_text("# Nuestra historia\n", encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def html(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "es", "id"])
def test_every_page_is_built_in_every_language(site: Path, lang: str) -> None:
    prefix = "" if lang == "en" else f"{lang}/"
    for page in PAGES:
        tree = html(site, prefix + page)
        assert tree.css_first("html").attributes["lang"] == lang, page
    offers = html(site, prefix + "offers/")
    assert offers.css_first("h1").text(strip=True).rstrip("¶") == gettext_in(lang, "Offers")
    code_title = {"en": "Your personal code", "es": "Tu código personal", "id": "Kode pribadi Anda"}
    assert offers.css_first("h2#personal-code").text(strip=True).rstrip("¶") == code_title[lang]
    # Material's own texts are in the language too (its search box)
    placeholder = {"en": "Search", "es": "Búsqueda", "id": "Cari"}[lang]
    assert (
        html(site, prefix).css_first("input.md-search__input").attributes["placeholder"]
        == placeholder
    )


def test_our_own_texts_are_translated_not_copied(site: Path) -> None:
    survey = {
        lang: html(site, prefix + "survey/")
        for lang, prefix in (("en", ""), ("es", "es/"), ("id", "id/"))
    }
    buttons = {
        lang: tree.css_first("form#survey-form button[type=submit]").text(strip=True)
        for lang, tree in survey.items()
    }
    assert len(set(buttons.values())) == 3, buttons
    assert buttons["en"] == "Send my answers"


def test_forms_post_their_language_and_stable_choice_values(site: Path) -> None:
    for lang, prefix in (("en", ""), ("es", "es/"), ("id", "id/")):
        form = html(site, prefix + "survey/").css_first("form#survey-form")
        assert form.css_first('input[name="lang"]').attributes["value"] == lang
        values = [i.attributes["value"] for i in form.css('input[name="favourite"]')]
        assert values == ["Products", "Service"]  # the answer is counted the same in any language
        complaint = html(site, prefix + "contact/").css_first('form#complaint input[name="lang"]')
        assert complaint.attributes["value"] == lang


def test_money_dates_and_numbers_follow_the_locale(site: Path) -> None:
    texts = {
        lang: html(site, prefix + "offers/").css_first("article").text()
        for lang, prefix in (("en", ""), ("es", "es/"), ("id", "id/"))
    }
    assert "€1,500" in texts["en"] and "December 31, 2026" in texts["en"]
    assert "1500\xa0€" in texts["es"] or "1.500\xa0€" in texts["es"]
    assert "31 de diciembre de 2026" in texts["es"]
    assert "€1.500" in texts["id"] and "31 Desember 2026" in texts["id"]


def test_the_switcher_stays_on_the_same_page(site: Path) -> None:
    links = {
        a.attributes["hreflang"]: a.attributes["href"]
        for a in html(site, "es/offers/").css("a.md-select__link[hreflang]")
    }
    assert links == {"en": "../../offers/", "es": "./", "id": "../../id/offers/"}


def test_every_head_names_its_alternates_with_absolute_addresses(site: Path) -> None:
    for page in PAGES:
        for prefix in ("", "es/", "id/"):
            head = {
                link.attributes["hreflang"]: link.attributes["href"]
                for link in html(site, prefix + page).css('head link[rel="alternate"][hreflang]')
            }
            assert head == {
                "en": f"https://shop.example/{page}",
                "es": f"https://shop.example/es/{page}",
                "id": f"https://shop.example/id/{page}",
                "x-default": f"https://shop.example/{page}",
            }, prefix + page


def test_the_sitemap_lists_each_page_with_its_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in urls
    }
    for page in PAGES:
        assert entries[f"https://shop.example/{page}"] == {
            "en": f"https://shop.example/{page}",
            "es": f"https://shop.example/es/{page}",
            "id": f"https://shop.example/id/{page}",
        }
    assert "https://shop.example/id/offers/" in entries


def test_the_default_languages_folder_redirects_to_its_pages(site: Path) -> None:
    for page in (*PAGES, "story/"):
        stub = html(site, f"en/{page}")
        refresh = stub.css_first('meta[http-equiv="refresh"]').attributes["content"] or ""
        target = posixpath.normpath(posixpath.join("en", page, refresh.removeprefix("0; url=")))
        assert target == (page.rstrip("/") or ".")  # the page itself, at the root
        assert stub.css_first('link[rel="canonical"]').attributes["href"] == (
            f"https://shop.example/{page}"
        )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "shop.example/en/" not in sitemap  # not a page of its own to search engines


def test_the_error_page_at_the_root_is_in_the_default_language(site: Path) -> None:
    # every language's build renders 404.html; the root keeps the default language's
    error_page = HTMLParser((site / "404.html").read_text(encoding="utf-8"))
    assert error_page.css_first("html").attributes["lang"] == "en"
    assert error_page.css_first("article h1").text(strip=True) == "Page not found"
    # it links the other languages' own error pages
    links = {
        a.attributes["hreflang"]: (a.attributes["href"], a.text(strip=True))
        for a in error_page.css("article a[hreflang]")
    }
    assert links == {
        "es": ("/es/404.html", "Español: Página no encontrada"),
        "id": ("/id/404.html", "Indonesia: Halaman tidak ditemukan"),
    }


@pytest.mark.parametrize("lang", ["es", "id"])
def test_each_language_has_its_own_error_page(site: Path, lang: str) -> None:
    error_page = HTMLParser((site / lang / "404.html").read_text(encoding="utf-8"))
    assert error_page.css_first("html").attributes["lang"] == lang
    assert error_page.css_first("article h1").text(strip=True) == gettext_in(lang, "Page not found")
    home = error_page.css_first("article a.md-button")
    assert home.attributes["href"] == f"/{lang}/"
    root = HTMLParser((site / "404.html").read_text(encoding="utf-8"))
    assert root.css_first("article a.md-button").attributes["href"] == "/"
    assert home.text(strip=True) == gettext_in(lang, "Go to the home page")


def search_index(site: Path, folder: str = "") -> dict[str, Any]:
    index: dict[str, Any] = json.loads(
        (site / folder / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return index


def test_each_language_has_its_own_search_index(site: Path) -> None:
    english, spanish, indonesian = (search_index(site, f) for f in ("", "es", "id"))
    assert english["config"]["lang"] == ["en"]
    assert spanish["config"]["lang"] == ["es"]
    # lunr has no Indonesian pipeline: its base, with no English stop words or stemming
    assert (indonesian["config"]["lang"], indonesian["config"]["pipeline"]) == (["en"], [])
    for index in (english, spanish, indonesian):
        locations = {doc["location"] for doc in index["docs"]}
        assert {"offers/", "story/"} <= locations  # relative to the language's folder
        assert not any(loc.startswith(("es/", "id/")) for loc in locations)
    text = {
        name: " ".join(d["text"] for d in index["docs"])
        for name, index in (("en", english), ("es", spanish), ("id", indonesian))
    }
    assert "Kode pribadi Anda" in text["id"] or "kode pribadi" in text["id"].lower()
    assert "descuento" in text["es"] and "descuento" not in text["en"] + text["id"]


def test_pages_search_their_own_languages_index(site: Path) -> None:
    def base(path: str) -> str:
        script = html(site, path).css_first("script#__config")
        return str(json.loads(script.text())["base"])

    assert (base(""), base("offers/")) == (".", "..")
    assert (base("es/"), base("es/offers/")) == (".", "..")  # es/ is this page's search root
    assert base("id/story/") == ".."
    # preferences (light or dark...) stay one for the site, not one per language folder
    for path in ("", "es/offers/", "id/story/"):
        assert '__md_scope=new URL("/",location)' in html(site, path).html, path


def test_a_translated_marketer_page_replaces_the_english_one(site: Path) -> None:
    assert (
        html(site, "es/story/").css_first("h1").text(strip=True).rstrip("¶") == "Nuestra historia"
    )
    # an untranslated page falls back to English in the other language
    assert (site / "id" / "story" / "index.html").is_file()


def test_languages_that_differ_from_the_campaigns_are_refused(site_factory: SiteFactory) -> None:
    two = """\
        - {locale: en, default: true, name: English}
        - {locale: es, name: Español}"""
    root = project(site_factory, languages=two)
    result = mkdocs("build", cwd=root)
    assert result.returncode == 1
    assert (
        "mkdocs.yml: plugins.i18n.languages: builds en, es with default en, but the campaign's "
        "languages are en, es, id with default en (hint: make them the same)"
    ) in result.stderr


def test_several_languages_need_the_i18n_plugin(site_factory: SiteFactory) -> None:
    root = site_factory(
        {
            "mkdocs.yml": (site_factory().joinpath("mkdocs.yml"))
            .read_text()
            .replace("campaign.yaml", "three-languages.yaml")
        },
        name="plain",
    )
    result = mkdocs("build", cwd=root)
    assert result.returncode == 1
    assert (
        "the campaign's languages are en, es, id but the i18n plugin is not set up" in result.stderr
    )


def test_a_missing_translation_is_reported_and_strict_stops(site_factory: SiteFactory) -> None:
    root = project(site_factory)
    campaign = root / "campaigns" / "three-languages.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(
        text.replace(', id: "Sebuah hadiah"}', "}").replace(", id: Sebuah hadiah}", "}")
    )
    assert "Sebuah hadiah" not in campaign.read_text(encoding="utf-8")
    lenient = appreciate("build", cwd=root)
    assert lenient.returncode == 0, lenient.stderr
    report = (
        "campaigns/three-languages.yaml:38: offers[2].title: no 'id' translation "
        "(the en text is shown)"
    )
    assert report in lenient.stderr
    # the fallback: the Indonesian offers page shows the English title
    offers = (root / "site" / "id" / "offers" / "index.html").read_text(encoding="utf-8")
    assert "A gift" in offers
    strict = appreciate("build", "--strict", cwd=root)
    assert strict.returncode != 0 and report in strict.stderr
    assert "site was kept as it was" in strict.stderr


@pytest.mark.parametrize(
    ("path", "language", "in_docs"),
    [
        ("offers.md", "en", "offers.md"),
        ("offers.md", "es", "offers.es.md"),
        ("blog/v1.2.md", "id", "blog/v1.2.id.md"),
    ],
)
def test_i18n_file_names_round_trip(path: str, language: str, in_docs: str) -> None:
    assert docs_path(path, language, "en") == in_docs
    assert neutral_path(in_docs, language) == path
    assert translated_page(in_docs, ["en", "es", "id"]) == (language != "en")
