"""Issuing the codes: one per eligible customer, a mail-merge, a shop import and a digest record."""

from __future__ import annotations

import csv
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.customers.codes import CodeKeyError, code_digest, personal_code, verify
from generator.customers.issue import NoCodeOffer, issue_codes
from generator.customers.reader import CustomerReader
from generator.model.campaign import Campaign, PersonalCode
from generator.model.customers import CustomerList, TierRule
from generator.model.loader import load_campaign
from tests.conftest import FIXTURE

KEY = b"k" * 32
TODAY = date(2026, 11, 25)
SHOPIFY = (
    "First Name,Last Name,Email,Default Address City,Phone,Total Spent,Total Orders,Tags\n"
    "Olivia,Smith,olivia@example.com,London,,120.50,12,\n"
    "Mateo,García,MATEO@example.org,Madrid,,40.00,2,\n"
    "Nobody,Here,not-an-address,Paris,,1.00,1,\n"
    "Olivia,Smith,Olivia@Example.com,London,,10.00,1,\n"
)


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(FIXTURE / "campaigns" / "campaign.yaml").campaign


def reader(tmp_path: Path, tiers: list[TierRule] | None = None) -> CustomerReader:
    path = tmp_path / "customers.csv"
    path.write_text(SHOPIFY, encoding="utf-8")
    return CustomerReader(path, CustomerList(file=path.name, tiers=tiers or []), path.name)


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_each_valid_customer_gets_one_code_in_both_files_and_the_record(
    tmp_path: Path, campaign: Campaign
) -> None:
    out, record = tmp_path / "out", tmp_path / "issued" / "test-month.sha256"
    issued = issue_codes(reader(tmp_path), campaign, KEY, out, TODAY, record)
    assert (issued.issued, issued.summary.customers, issued.summary.bad_rows) == (2, 2, 1)
    assert (issued.mail_merge, issued.shop_import) == (
        out / "mail-merge.csv",
        out / "shop-import.csv",
    )
    olivia = personal_code(KEY, "test-month", "olivia@example.com")
    mateo = personal_code(KEY, "test-month", "mateo@example.org")
    assert rows(issued.mail_merge) == [
        ["first_name", "email", "code", "tier", "expires"],
        ["Olivia", "olivia@example.com", olivia, "none", "2026-12-31"],
        ["Mateo", "mateo@example.org", mateo, "none", "2026-12-31"],
    ]
    assert rows(issued.shop_import) == [["code", "usage_limit"], [olivia, "1"], [mateo, "1"]]
    assert record.read_text(encoding="utf-8") == f"{code_digest(olivia)}\n{code_digest(mateo)}\n"
    assert verify(olivia, "olivia@example.com", "test-month", KEY, 10)


def test_the_files_are_private(tmp_path: Path, campaign: Campaign) -> None:
    issued = issue_codes(reader(tmp_path), campaign, KEY, tmp_path, TODAY, tmp_path / "record")
    for path in (issued.mail_merge, issued.shop_import, tmp_path / "record"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_only_the_offers_tiers_get_codes_of_the_offers_length(
    tmp_path: Path, campaign: Campaign
) -> None:
    offer = campaign.offers[0]
    assert isinstance(offer, PersonalCode)
    gold_only = campaign.model_copy(
        update={"offers": [offer.model_copy(update={"tiers": ["gold"], "code_length": 8})]}
    )
    tiers = [TierRule(name="gold", min_orders=10), TierRule(name="friend")]
    issued = issue_codes(
        reader(tmp_path, tiers), gold_only, KEY, tmp_path, TODAY, tmp_path / "record"
    )
    assert issued.issued == 1
    ((first, email, code, tier, _),) = rows(issued.mail_merge)[1:]
    assert (first, email, tier) == ("Olivia", "olivia@example.com", "gold")
    assert code == personal_code(KEY, "test-month", email, 8)
    assert issued.summary.tiers == {"gold": 1, "friend": 1}


def test_a_campaign_without_a_code_offer_writes_nothing(tmp_path: Path, campaign: Campaign) -> None:
    no_codes = campaign.model_copy(update={"offers": campaign.offers[1:]})
    with pytest.raises(NoCodeOffer, match="no personal_code offer"):
        issue_codes(reader(tmp_path), no_codes, KEY, tmp_path / "out", TODAY, tmp_path / "r")
    assert not (tmp_path / "out").exists() and not (tmp_path / "r").exists()


def test_codes_are_never_written_where_git_would_track_them(
    tmp_path: Path, campaign: Campaign
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("private/\n", encoding="utf-8")
    with pytest.raises(CodeKeyError, match="git would track this file"):
        issue_codes(reader(tmp_path), campaign, KEY, tmp_path / "out", TODAY, tmp_path / "r")
    assert not (tmp_path / "out").exists()
    private = tmp_path / "private"
    issued = issue_codes(reader(tmp_path), campaign, KEY, private / "out", TODAY, private / "r")
    assert issued.issued == 2
