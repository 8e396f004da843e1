"""The list summed up: duplicates merged, tiers decided, the wall filled, memory kept flat."""

from __future__ import annotations

from pathlib import Path

from generator.customers.ledger import merge, pack, summarize, unpack
from generator.model.customers import OptIn, TierRule, Wall
from tests.customers.test_reader import SHOPIFY, TODAY, read, write


def test_a_customer_packs_into_one_integer_and_back() -> None:
    assert unpack(pack(12, 12_050, 2019, True)) == (12, 12_050, 2019, True)
    assert unpack(pack(0, 0, 0, False)) == (0, 0, 0, False)
    assert unpack(pack(5, -300, 0, False)) == (5, 0, 0, False)  # a refund-only customer


def test_merging_two_rows_adds_up_and_keeps_the_earliest_year() -> None:
    merged = merge(pack(3, 1_000, 2021, True), pack(2, 500, 2018, True))
    assert unpack(merged) == (5, 1_500, 2018, True)
    assert unpack(merge(pack(1, 0, 0, True), pack(1, 0, 2020, False))) == (2, 0, 2020, False)


def test_the_ledger_holds_each_customers_tier(tmp_path: Path) -> None:
    tiers = [TierRule(name="gold", min_orders=10), TierRule(name="friend")]
    summary, ledger = summarize(read(write(tmp_path, SHOPIFY), tiers=tiers), TODAY)
    assert ledger == {
        hash("olivia@example.com"): 0,
        hash("mateo@example.org"): 1,
        hash("putri@example.net"): 1,
    }
    assert summary.report() == (
        "3 rows, 3 customers (1 gold, 2 friend); 0 duplicate e-mails merged, 0 bad rows skipped"
    )


def test_duplicate_emails_are_merged(tmp_path: Path) -> None:
    text = SHOPIFY + "Olivia,Smith,Olivia@Example.com,London,,10.00,3,customer-since-2016\n"
    settings = {
        "since_tag_prefix": "customer-since-",
        "tiers": [TierRule(name="gold", min_orders=15), TierRule(name="friend")],
    }
    summary, _ = summarize(read(write(tmp_path, text), **settings), TODAY)
    assert (summary.customers, summary.duplicates) == (3, 1)
    assert summary.tiers == {"gold": 1, "friend": 2}  # 12 + 3 orders


def test_tier_rules_any_and_all(tmp_path: Path) -> None:
    tiers = [
        TierRule(name="gold", min_years=5, min_orders=10),  # any: 5 years or 10 orders
        TierRule(name="silver", min_orders=3, min_spent=70, match="all"),
    ]
    summary, _ = summarize(
        read(write(tmp_path, SHOPIFY), since_tag_prefix="customer-since-", tiers=tiers), TODAY
    )
    assert summary.tiers == {"gold": 1, "silver": 1, "none": 1}


def test_the_wall_shows_only_opted_in_customers_and_allowed_fields(tmp_path: Path) -> None:
    settings = {"opt_in": OptIn(column="Tags", contains="wall")}
    wall = Wall(fields=["first_name", "city"])
    summary, _ = summarize(read(write(tmp_path, SHOPIFY), **settings), TODAY, wall)
    assert summary.wall == [
        {"first_name": "Olivia", "city": "London"},
        {"first_name": "Putri", "city": "Jakarta"},
    ]


def test_opt_in_needs_every_row_of_a_customer(tmp_path: Path) -> None:
    text = (
        SHOPIFY + "Putri,Santoso,putri@example.net,Jakarta,,1.00,1,\n"
    )  # the second row did not opt in
    summary, _ = summarize(
        read(write(tmp_path, text), opt_in=OptIn(column="Tags", contains="wall")), TODAY, Wall()
    )
    assert summary.wall == [{"first_name": "Olivia"}]
