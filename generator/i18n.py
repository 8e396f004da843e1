"""Appreciate's own texts (headings, labels, buttons, messages) in the site's languages.

The catalogs are gettext ``.po`` files under ``generator/locale/``, kept with Babel
(``make messages`` extracts and updates them). They are compiled in memory when first used, so
no ``.mo`` file is built or committed. English is the source language.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

import jinja2
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "appreciate"
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a text for extraction where it is defined; it is translated where it is shown."""
    return message


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``; English (and any language without a catalog) as written."""
    path = catalog_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, so they show in English
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext_in(language: str, message: str, **values: Any) -> str:
    """``message`` translated into ``language``, with ``%(name)s`` placeholders filled."""
    text = translations(language).gettext(message)
    return text % values if values else text


def ngettext_in(language: str, singular: str, plural: str, n: int, **values: Any) -> str:
    text = translations(language).ngettext(singular, plural, n)
    return text % {"num": n, **values}


def jinja_environment(
    loader: jinja2.BaseLoader, language: str, **options: Any
) -> jinja2.Environment:
    """Appreciate's Jinja2 environment (autoescaped, strict, trimmed) in ``language``.

    ``_()``, ``ngettext()`` and ``{% trans %}`` translate into ``language``.
    """
    env = jinja2.Environment(
        loader=loader,
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.globals["language"] = language
    return env
