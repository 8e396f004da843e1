from __future__ import annotations

import shutil
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model.campaign import FreeShipping, GiftWithNextOrder, PersonalCode
from generator.model.errors import InputError
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


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"teal"', "#008080"),
        ("Dark Olive Green", "#556b2f"),
        ('"#ABC"', "#aabbcc"),
        ('"#6B3E26"', "#6b3e26"),
    ],
)
def test_colours_by_name_or_hex(tmp_path: Path, written: str, expected: str) -> None:
    source = (FIXTURE / "campaigns" / "campaign.yaml").read_text(encoding="utf-8")
    source = source.replace('"#1f5f8b"', written)
    (tmp_path / "campaign.yaml").write_text(source, encoding="utf-8")
    shutil.copyfile(FIXTURE / "campaigns" / "returns.yaml", tmp_path / "returns.yaml")
    assert load_campaign(tmp_path / "campaign.yaml").campaign.brand.primary == expected


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("#1f5f8b", "quote the colour: YAML reads # as a comment, like '#6b3e26'"),
        ("1f5f8b", "add the '#': '#1f5f8b', in quotes (YAML reads # as a comment)"),
        ('"1f5f8b"', "add the '#': '#1f5f8b'"),
        ('"#1f5f8"', "write '#rgb' or '#rrggbb', like '#6b3e26', or a CSS colour name like 'teal'"),
    ],
)
def test_a_colour_hint_speaks_of_quotes_only_when_unquoted(
    tmp_path: Path, written: str, hint: str
) -> None:
    source = (FIXTURE / "campaigns" / "campaign.yaml").read_text(encoding="utf-8")
    (tmp_path / "campaign.yaml").write_text(source.replace('"#1f5f8b"', written), encoding="utf-8")
    shutil.copyfile(FIXTURE / "campaigns" / "returns.yaml", tmp_path / "returns.yaml")
    with pytest.raises(InputError) as caught:
        load_campaign(tmp_path / "campaign.yaml")
    (problem,) = caught.value.problems
    assert problem.field == "brand.primary" and problem.hint == hint
