"""The merged search index split per language, and each page pointed at its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.mkdocs_plugin.search import language_base, split_search_index

CONFIG = {"lang": ["en", "es"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}


def doc(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location, "text": text}


def write_merged(site: Path, docs: list[dict[str, str]]) -> None:
    (site / "search").mkdir(parents=True)
    index = {"config": CONFIG, "docs": docs}
    (site / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")


def read(site: Path, folder: str = "") -> dict[str, Any]:
    path = site / folder / "search" / "search_index.json"
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return index


def test_each_language_gets_its_entries_relative_to_its_folder(tmp_path: Path) -> None:
    write_merged(
        tmp_path,
        [
            doc("", "home"),
            doc("offers/#gift", "gift"),
            doc("es/", "inicio"),
            doc("es#top", "arriba"),
            doc("es/offers/#gift", "regalo"),
            doc("id/offers/", "hadiah"),
            doc("estate/", "an English page whose name starts like a language"),
        ],
    )
    counts = split_search_index(tmp_path, ["en", "es", "id"], lunr_languages={"es", "fr"})
    assert counts == {"en": 3, "es": 3, "id": 1}
    assert [d["location"] for d in read(tmp_path)["docs"]] == ["", "offers/#gift", "estate/"]
    assert [d["location"] for d in read(tmp_path, "es")["docs"]] == ["", "#top", "offers/#gift"]
    assert [d["text"] for d in read(tmp_path, "id")["docs"]] == ["hadiah"]


def test_each_index_names_its_lunr_language(tmp_path: Path) -> None:
    write_merged(tmp_path, [doc("")])
    split_search_index(tmp_path, ["en", "es", "id"], lunr_languages={"es"})
    assert read(tmp_path)["config"] == {**CONFIG, "lang": ["en"]}
    assert read(tmp_path, "es")["config"] == {**CONFIG, "lang": ["es"]}
    # no lunr pipeline for Indonesian: words as written, English stop words and stemming off
    assert read(tmp_path, "id")["config"] == {**CONFIG, "lang": ["en"], "pipeline": []}


@pytest.mark.parametrize(
    ("page_url", "base"),
    [
        ("es/", "."),
        ("es/offers/", ".."),
        ("es/faq/returns/", "../.."),
        ("es/offers.html", "."),  # use_directory_urls: false
    ],
)
def test_a_page_searches_from_its_language_folder(page_url: str, base: str) -> None:
    assert language_base(page_url, "es") == base
