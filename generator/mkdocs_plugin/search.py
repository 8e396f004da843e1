"""One search index per language, so a search on a Spanish page finds Spanish pages.

mkdocs-static-i18n merges every language's entries into one lunr index at the site's root.
:func:`split_search_index` writes each language's entries into its own folder's index, with
the lunr language of that language; :func:`language_base` is the ``base_url`` that points a
page's search at its own language's index (Material reads the index, and resolves results,
from it).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


def split_search_index(
    site_dir: Path, languages: Sequence[str], lunr_languages: Collection[str]
) -> dict[str, int]:
    """Rewrite the merged index as one per language; the number of entries of each.

    ``languages[0]`` is the default language, at the site's root; the others are in folders of
    their name. ``lunr_languages`` are those lunr.js can stem and filter: a language without a
    pipeline is indexed as written (no stop words, no stemming of another language).
    """
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    default, *others = languages
    docs: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    for doc in merged["docs"]:
        location = doc["location"]
        language = next((lang for lang in others if _in_folder(location, lang)), default)
        if language != default:
            location = location.removeprefix(language).removeprefix("/")
        docs[language].append({**doc, "location": location})
    for language in languages:
        config = {**merged["config"], "lang": [language]}
        if language != "en" and language not in lunr_languages:
            config.update(lang=["en"], pipeline=[])  # lunr's base, with its English steps off
        folder = site_dir if language == default else site_dir / language
        target = folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({**merged, "config": config, "docs": docs[language]}, ensure_ascii=False)
        target.write_text(text, encoding="utf-8")
    return {language: len(entries) for language, entries in docs.items()}


def _in_folder(location: str, folder: str) -> bool:
    return location == folder or location.startswith((f"{folder}/", f"{folder}#"))


def language_base(page_url: str, language_folder: str) -> str:
    """The page's ``base_url`` as its language's folder (``es/``) instead of the site's root.

    ``page_url`` is the page's address relative to the site's root (``es/offers/``). Material
    fetches ``search/search_index.json`` from ``base_url`` and resolves result links against it;
    its assets and links are made relative to the page, not to it.
    """
    page_folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.relpath(language_folder, page_folder.rstrip("/") or ".")
