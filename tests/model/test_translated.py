"""Texts in several languages: maps per language, fallback to the default, and the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.errors import InputError
from generator.model.loader import LoadedCampaign, load_campaign
from generator.model.translated import Translatable, localized
from generator.pages.render import missing_translations
from tests.conftest import FIXTURE

LANGUAGES = "  default_language: en\n  languages: [en, es, id]"


def load(tmp_path: Path, *replacements: tuple[str, str]) -> LoadedCampaign:
    source = (FIXTURE / "campaigns" / "campaign.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in source, old
        source = source.replace(old, new)
    (tmp_path / "campaign.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "returns.yaml").write_text(
        (FIXTURE / "campaigns" / "returns.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return load_campaign(tmp_path / "campaign.yaml")


def problems(tmp_path: Path, *replacements: tuple[str, str]) -> list[str]:
    with pytest.raises(InputError) as caught:
        load(tmp_path, *replacements)
    return [str(p).split("campaign.yaml", 1)[1] for p in caught.value.problems]


def test_a_map_gives_each_language_its_text_and_the_default_to_the_rest(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        ("  default_language: en", LANGUAGES),
        ("    title: A gift\n", "    title: {en: A gift, es: Un regalo}\n"),
    )
    gift = loaded.campaign.offers[2]
    assert isinstance(gift.title, Translatable)
    assert gift.title == "A gift"  # the default language, wherever one string is enough
    assert localized(loaded.campaign, "es").offers[2].title == "Un regalo"
    assert localized(loaded.campaign, "id").offers[2].title == "A gift"
    # the original keeps its translations, so a localized copy can be localized again
    assert localized(localized(loaded.campaign, "es"), "en").offers[2].title == "A gift"


def test_every_text_a_language_lacks_is_reported_at_its_line(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        ("  default_language: en", LANGUAGES),
        ("    title: A gift\n", "    title: {en: A gift, es: Un regalo, id: Hadiah}\n"),
    )
    report = [
        line.split("/test_every_text_a_language_lac0/", 1)[1]
        for line in missing_translations(loaded)
    ]
    assert "campaign.yaml:3: tagline: no 'es' translation (the en text is shown)" in report
    assert "campaign.yaml:3: tagline: no 'id' translation (the en text is shown)" in report
    assert "campaign.yaml:38: offers[2].item: no 'es' translation (the en text is shown)" in report
    assert not any("offers[2].title" in line for line in report)
    assert "returns.yaml:9: steps[0]: no 'id' translation (the en text is shown)" in report
    # the business's name and address are names, the same in every language
    assert not any("business" in line for line in report)


def test_a_single_language_campaign_has_nothing_to_translate(tmp_path: Path) -> None:
    assert missing_translations(load(tmp_path)) == []


def test_a_language_the_campaign_does_not_have_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        ("  default_language: en", LANGUAGES),
        ("tagline: Thank you for shopping with us.", "tagline: {en: Thanks, ed: Gracias}"),
    )
    assert found == [
        ":3: tagline.ed: 'ed' is not a language of this campaign "
        "(hint: business.languages lists en, es, id)"
    ]


def test_a_text_without_the_default_language_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        ("  default_language: en", LANGUAGES),
        ("tagline: Thank you for shopping with us.", "tagline: {es: Gracias, id: Terima kasih}"),
    )
    assert found == [
        ":3: tagline: has no 'en' text "
        "(hint: 'en' is the default language: the other languages fall back to it)"
    ]


def test_an_empty_translation_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        ("  default_language: en", LANGUAGES),
        ("tagline: Thank you for shopping with us.", "tagline: {en: Thanks, es: }"),
    )
    assert found == [
        ":3: tagline.es: must not be empty "
        "(hint: write the translation, or remove the line to use the default language)"
    ]


def test_a_language_without_appreciates_own_texts_is_refused(tmp_path: Path) -> None:
    found = problems(
        tmp_path, ("  default_language: en", "  default_language: en\n  languages: [en, fr]")
    )
    assert found == [
        ":17: business.languages[1]: 'fr' has no translation of Appreciate's own texts "
        "(hint: use one of en, es, id)"
    ]


def test_the_languages_must_include_the_default(tmp_path: Path) -> None:
    found = problems(
        tmp_path, ("  default_language: en", "  default_language: en\n  languages: [es, id]")
    )
    assert found == [
        ":17: business.languages: does not list the default language 'en' "
        "(hint: add en to the list)"
    ]


def test_the_site_languages_start_with_the_default(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, ("  default_language: en", "  default_language: id\n  languages: [en, es, id]")
    )
    assert loaded.campaign.business.site_languages == ("id", "en", "es")
