from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.pages import render as render_module
from generator.pages.cache import cached_bundle
from generator.pages.render import render_bundle
from tests.conftest import FIXTURE


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "campaigns", tmp_path / "campaigns")
    return tmp_path / "campaigns" / "campaign.yaml"


def forbid_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("rendered again although nothing changed")

    monkeypatch.setattr(render_module, "render_bundle", fail)


def test_unchanged_inputs_come_from_the_cache(
    campaign: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    assert first == render_bundle(campaign, "2026-11-25")
    forbid_rendering(monkeypatch)
    assert cached_bundle(campaign, tmp_path / "cache", "2026-11-25") == first


@pytest.mark.parametrize("changed", ["campaign.yaml", "returns.yaml"])
def test_an_edited_input_is_rendered_again(campaign: Path, tmp_path: Path, changed: str) -> None:
    cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    path = campaign.parent / changed
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("Thank you for shopping with us.", "Thanks, friends.")
        .replace("window_days: 30", "window_days: 45"),
        encoding="utf-8",
    )
    bundle = cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    pages = {p.path: p for p in bundle.pages if p.language == bundle.languages[0]}
    expected = (
        ("Thanks, friends.", "index.md")
        if changed == "campaign.yaml"
        else ("**45 days**", "returns.md")
    )
    assert expected[0] in pages[expected[1]].markdown


def test_another_day_is_rendered_again(campaign: Path, tmp_path: Path) -> None:
    assert cached_bundle(campaign, tmp_path / "cache", "2026-11-25").today.day == 25
    ended = cached_bundle(campaign, tmp_path / "cache", "2026-12-03")
    assert "has ended" in ended.pages[0].markdown


def test_a_damaged_cache_is_ignored(campaign: Path, tmp_path: Path) -> None:
    cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    (entry,) = (tmp_path / "cache").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert cached_bundle(campaign, tmp_path / "cache", "2026-11-25").campaign_id == "test-month"


def test_share_cards_are_drawn_again_only_when_their_words_change(
    campaign: Path, tmp_path: Path
) -> None:
    first = cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    cards = sorted((tmp_path / "cache" / "share").glob("*.png"))
    assert len(cards) == len(first.images)
    # a new day renders the pages again (the status changes) but no card's words
    cached_bundle(campaign, tmp_path / "cache", "2026-11-26")
    assert sorted((tmp_path / "cache" / "share").glob("*.png")) == cards


def test_an_entry_of_another_shape_is_rendered_again(campaign: Path, tmp_path: Path) -> None:
    first = cached_bundle(campaign, tmp_path / "cache", "2026-11-25")
    (entry,) = (tmp_path / "cache").glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["bundle"]["images"] = {"assets/share/en/index.png": "not base64!"}  # an older format
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert cached_bundle(campaign, tmp_path / "cache", "2026-11-25") == first
    assert json.loads(entry.read_text(encoding="utf-8"))["digest"] == stored["digest"]
    assert "not base64!" not in entry.read_text(encoding="utf-8")
