"""Share cards: Open Graph and Twitter tags on every page and language, and their images."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from generator.model.loader import load_campaign
from tests.conftest import REPO, appreciate

PAGES = ("", "offers/", "survey/", "contact/", "returns/", "events/", "faq/", "thank-you/")
MARKETERS = ("our-story/",)  # content/our-story.md
LOCALES = {"": "en_US", "es/": "es_ES", "id/": "id_ID"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("demo") / "site"
    result = appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site


def meta(site: Path, page: str) -> dict[str, list[str]]:
    tree = LexborHTMLParser((site / page / "index.html").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for tag in tree.css("head meta[property], head meta[name]"):
        key = tag.attributes.get("property") or tag.attributes.get("name") or ""
        found.setdefault(key, []).append(tag.attributes.get("content") or "")
    return found


@pytest.mark.parametrize("prefix", list(LOCALES), ids=["en", "es", "id"])
def test_every_campaign_page_has_its_card(site: Path, prefix: str) -> None:
    brand = load_campaign(REPO / "campaigns" / "appreciation-2026.yaml").campaign.brand
    images = set()
    for page in (*PAGES, *MARKETERS):
        tags = meta(site, prefix + page)
        assert tags["og:title"] == tags["twitter:title"] and tags["og:title"][0], page
        assert tags["og:description"][0] == tags["description"][0], page
        assert tags["og:url"] == [f"https://kopikita.example/{prefix}{page}"]
        assert tags["og:locale"] == [LOCALES[prefix]]
        assert sorted(tags["og:locale:alternate"]) == sorted(
            locale for p, locale in LOCALES.items() if p != prefix
        )
        assert tags["twitter:card"] == ["summary_large_image"]
        (image,) = tags["og:image"]
        assert tags["twitter:image"] == [image]
        assert image.startswith("https://kopikita.example/assets/share/")
        path = site / image.removeprefix("https://kopikita.example/")
        with Image.open(path) as card:
            assert card.format == "PNG" and card.size == (1200, 630)
            red, green, blue = card.convert("RGB").getpixel((600, 40))  # type: ignore[misc]
            assert f"#{red:02x}{green:02x}{blue:02x}" == brand.primary
        images.add(image)
        assert tags["og:image:alt"] == tags["og:title"]  # the card shows the page's title
    assert len(images) == len(PAGES) + len(MARKETERS)  # one image per page, not one for all


def test_a_marketers_page_gets_a_card_with_its_title(site: Path) -> None:
    tags = meta(site, "es/our-story/")
    assert tags["og:image"] == ["https://kopikita.example/assets/share/es/our-story.png"]
    assert tags["og:image:alt"] == ["Our story"]  # not translated in the demo: its fallback
    english = site / "assets" / "share" / "en" / "our-story.png"
    spanish = site / "assets" / "share" / "es" / "our-story.png"
    assert english.read_bytes() != spanish.read_bytes()  # the campaign's name in its language


def test_the_audit_finds_a_missing_share_image(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "assets" / "share" / "es" / "offers.png").unlink()
    result = appreciate("check", str(copy), "--site-url", "https://kopikita.example/", cwd=tmp_path)
    assert result.returncode == 1
    assert "broken-image     https://kopikita.example/assets/share/es/offers.png" in result.stdout
