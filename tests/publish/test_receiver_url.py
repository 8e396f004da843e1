"""$APPRECIATE_RECEIVER_URL: the receiver for one run, in place of the campaign's."""

from __future__ import annotations

import pytest

from generator.model.errors import InputError
from generator.model.loader import LoadedCampaign, load_campaign
from generator.publish.receiver_url import (
    RECEIVER_VARIABLE,
    receiver_override,
    with_receiver_override,
)
from tests.conftest import FIXTURE


@pytest.fixture(scope="module")
def loaded() -> LoadedCampaign:
    return load_campaign(FIXTURE / "campaigns" / "campaign.yaml")


def test_without_the_variable_the_campaigns_receiver_and_its_line(
    loaded: LoadedCampaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(RECEIVER_VARIABLE, raising=False)
    assert receiver_override() == ""
    same, source = with_receiver_override(loaded)
    assert same is loaded
    assert source.endswith("campaign.yaml:64: receiver.url")


def test_blank_is_unset(loaded: LoadedCampaign, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RECEIVER_VARIABLE, "  ")
    assert receiver_override() == ""
    assert with_receiver_override(loaded)[0] is loaded


def test_the_variable_replaces_the_receiver_for_this_run(
    loaded: LoadedCampaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RECEIVER_VARIABLE, " https://staging.shop.example/ ")
    assert receiver_override() == "https://staging.shop.example/"
    moved, source = with_receiver_override(loaded)
    assert source == "$APPRECIATE_RECEIVER_URL"
    assert moved.campaign.receiver.base == "https://staging.shop.example"
    assert moved.campaign.offers == loaded.campaign.offers and moved.source is loaded.source
    assert loaded.campaign.receiver.base == "https://answers.shop.example"  # the original kept


@pytest.mark.parametrize("value", ["answers.shop.example", "ftp://shop.example/", "http://"])
def test_a_variable_that_is_not_a_web_address_is_one_line(
    loaded: LoadedCampaign, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(RECEIVER_VARIABLE, value)
    with pytest.raises(InputError) as caught:
        with_receiver_override(loaded)
    assert caught.value.report() == (
        f"$APPRECIATE_RECEIVER_URL: '{value}' is not a web address "
        "(hint: write it like https://answers.yourshop.com, or unset it)"
    )
