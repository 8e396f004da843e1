from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path

from generator.model.campaign import FreeShipping, GiftWithNextOrder, PersonalCode
from generator.model.loader import load_campaign
from tests.conftest import FIXTURE, REPO


def test_the_fixture_loads_with_typed_values() -> None:
    loaded = load_campaign(FIXTURE / "campaigns" / "campaign.yaml")
    campaign = loaded.campaign
    assert [type(o) for o in campaign.offers] == [PersonalCode, FreeShipping, GiftWithNextOrder]
    code = campaign.offers[0]
    assert isinstance(code, PersonalCode)
    assert code.percent == 15 and code.min_order == Decimal(40)
    assert campaign.business.opening_hours[0].opens == time(9, 0)
    assert campaign.business.opening_hours[0].weekdays == (0, 1, 2, 3, 4)
    assert campaign.brand.primary == "#1f5f8b"
    assert loaded.returns.window_days == 30
    assert loaded.where(("offers", 0, "percent")).endswith("campaign.yaml:27")


def test_the_demo_campaign_loads() -> None:
    loaded = load_campaign(REPO / "campaigns" / "appreciation-2026.yaml")
    assert loaded.campaign.business.currency == "IDR"
    assert {p.name for p in loaded.files} == {"appreciation-2026.yaml", "returns.yaml"}


def test_short_colours_and_lowercase_codes_are_normalised(tmp_path: Path) -> None:
    source = (FIXTURE / "campaigns" / "campaign.yaml").read_text(encoding="utf-8")
    source = source.replace('"#1f5f8b"', '"#ABC"').replace("currency: EUR", "currency: eur")
    (tmp_path / "campaign.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "returns.yaml").write_text(
        (FIXTURE / "campaigns" / "returns.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    campaign = load_campaign(tmp_path / "campaign.yaml").campaign
    assert campaign.brand.primary == "#aabbcc"
    assert campaign.business.currency == "EUR"
