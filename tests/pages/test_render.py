from __future__ import annotations

from generator.model.loader import load_campaign
from generator.pages.render import render_bundle, share_meta, social_links
from tests.conftest import FIXTURE, REPO


def test_share_meta_names_the_other_languages_locales() -> None:
    meta = share_meta(["en", "es", "id"], "es")
    assert meta.share_image == "assets/share/es/index.png"
    assert meta.locale == "es_ES"
    assert meta.alternate_locales == ("en_US", "id_ID")


def test_the_channels_are_named_in_each_language() -> None:
    campaign = load_campaign(REPO / "campaigns" / "appreciation-2026.yaml").campaign
    english, spanish = social_links(campaign, "en"), social_links(campaign, "es")
    assert len(english) == len(campaign.channels) >= 3
    assert [link.link for link in english] == [link.link for link in spanish]
    assert [link.name for link in english] != [link.name for link in spanish]


def test_without_a_customer_list_the_guard_has_nothing_to_look_for() -> None:
    bundle = render_bundle(FIXTURE / "campaigns" / "campaign.yaml", "2026-11-25")
    assert bundle.guard is None
    assert bundle.brand[0].startswith("#")
    assert set(bundle.share) == set(bundle.languages)
