"""Appreciate's own texts: the catalogs are complete, current, and really translated."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from generator.i18n import LOCALE_DIR, catalog_path, gettext_in, ngettext_in
from tests.conftest import REPO

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=locale)


def msgids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_the_template_holds_every_text_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    extract = [
        *(sys.executable, "-m", "babel.messages.frontend", "extract"),
        *("-F", str(LOCALE_DIR / "babel.cfg"), "-k", "gettext_in:2", "-k", "ngettext_in:2,3"),
        *("-k", "N_", "-o", str(fresh), "."),
    ]
    subprocess.run(extract, cwd=REPO, check=True, capture_output=True)
    assert msgids(read(fresh)) == msgids(read(LOCALE_DIR / "appreciate.pot")), (
        "the catalogs are out of date: run `make messages` and translate the new entries"
    )


@pytest.mark.parametrize("language", ["es", "id"])
def test_every_text_is_translated_with_its_placeholders(language: str) -> None:
    template = read(LOCALE_DIR / "appreciate.pot")
    catalog = read(catalog_path(language), language)
    assert msgids(catalog) == msgids(template)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated: {ids[0]}")
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(ids[-1])):
                problems.append(f"placeholders differ: {ids[0]} → {text}")
            for mark in ("**", "](", "<strong>"):
                if text.count(mark) != ids[0].count(mark):
                    problems.append(f"markup differs: {ids[0]} → {text}")
        problems.extend(f"{ids[0]}: {error}" for error in message.check(catalog))
    assert problems == []


# texts that are the same words in the other language
SAME = {
    "es": {"Error %(status)s (%(code)s).", "%(hours)s h %(minutes)s min", "%(minutes)s min"},
    "id": set(),
}


@pytest.mark.parametrize("language", ["es", "id"])
def test_translations_are_not_copies_of_the_english(language: str) -> None:
    catalog = read(catalog_path(language), language)
    same = {
        m.id
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string == m.id and len(m.id) > 12
    }
    assert same == SAME[language]


def test_plural_forms_follow_each_language() -> None:
    assert ngettext_in("es", "%(num)d day left.", "%(num)d days left.", 1) != ngettext_in(
        "es", "%(num)d day left.", "%(num)d days left.", 3
    ).replace("3", "1")
    # Indonesian has one form for every number
    one = ngettext_in("id", "%(num)s day left.", "%(num)s days left.", 1, num="N")
    many = ngettext_in("id", "%(num)s day left.", "%(num)s days left.", 7, num="N")
    assert one == many
    assert gettext_in("en", "Send my answers") == "Send my answers"
    assert gettext_in("es", "Send my answers") != "Send my answers"
