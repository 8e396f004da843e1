"""The 404 page's texts: in each language, the default one linking the others'."""

from __future__ import annotations

from generator.pages.bundle import OtherLanguage
from generator.pages.not_found import ERROR_PAGE, not_found_texts


def test_the_default_languages_page_links_every_other_languages_page() -> None:
    texts = not_found_texts(["en", "es", "id"], "en")
    assert (texts.title, texts.home, texts.home_label) == (
        "Page not found",
        "",
        "Go to the home page",
    )
    assert texts.text.startswith("There is no page at this address")
    assert texts.others == (
        OtherLanguage("es", f"es/{ERROR_PAGE}", "Español: Página no encontrada"),
        OtherLanguage("id", f"id/{ERROR_PAGE}", "Indonesia: Halaman tidak ditemukan"),
    )


def test_another_languages_page_is_in_its_language_and_goes_home_to_its_folder() -> None:
    texts = not_found_texts(["en", "es", "id"], "es")
    assert (texts.title, texts.home, texts.home_label, texts.others) == (
        "Página no encontrada",
        "es/",
        "Ir a la página de inicio",
        (),
    )


def test_the_default_language_is_the_first_listed_whichever_it_is() -> None:
    texts = not_found_texts(["id", "en"], "id")
    assert (texts.title, texts.home) == ("Halaman tidak ditemukan", "")
    assert texts.others == (OtherLanguage("en", "en/404.html", "English: Page not found"),)
    assert not_found_texts(["id", "en"], "en").home == "en/"


def test_a_single_language_links_no_others() -> None:
    texts = not_found_texts(["es"], "es")
    assert (texts.title, texts.home, texts.others) == ("Página no encontrada", "", ())
