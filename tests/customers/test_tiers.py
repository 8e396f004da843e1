"""Loyalty tiers on whole cents and years: first match wins, any or all conditions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from generator.customers.tiers import UNTIERED, TierTable
from generator.model.customers import TierRule

TODAY = date(2026, 11, 25)


def test_rules_become_cents_and_a_latest_first_year() -> None:
    table = TierTable.from_rules(
        [
            TierRule(name="gold", min_orders=10, min_spent=Decimal("199.99"), min_years=3),
            TierRule(name="silver", min_spent=Decimal(50), match="all"),
        ],
        TODAY,
    )
    assert table.rules == (
        ("gold", 10, 19_999, 2023, False),
        ("silver", None, 5_000, None, True),
    )
    assert table.names == ["gold", "silver", UNTIERED]


def test_any_condition_is_enough_and_the_first_matching_rule_wins() -> None:
    table = TierTable.from_rules(
        [
            TierRule(name="gold", min_orders=10, min_years=5),
            TierRule(name="silver", min_orders=3),
        ],
        TODAY,
    )
    assert table.tier_index(orders=10, spent_cents=0, since_year=0) == 0
    assert table.tier_index(orders=1, spent_cents=0, since_year=2021) == 0  # five years
    assert table.tier_index(orders=9, spent_cents=0, since_year=2022) == 1
    assert table.tier_index(orders=2, spent_cents=0, since_year=2022) == 2  # none
    assert table.names[2] == UNTIERED


def test_all_conditions_must_hold_when_the_rule_says_so() -> None:
    table = TierTable.from_rules(
        [TierRule(name="silver", min_orders=3, min_spent=Decimal(70), match="all")], TODAY
    )
    assert table.tier_index(orders=3, spent_cents=7_000, since_year=0) == 0
    assert table.tier_index(orders=3, spent_cents=6_999, since_year=0) == 1
    assert table.tier_index(orders=2, spent_cents=9_000, since_year=0) == 1


def test_an_unknown_first_year_never_counts_as_a_long_time() -> None:
    table = TierTable.from_rules([TierRule(name="old", min_years=2)], TODAY)
    assert table.tier_index(orders=0, spent_cents=0, since_year=2024) == 0
    assert table.tier_index(orders=0, spent_cents=0, since_year=2025) == 1
    assert table.tier_index(orders=0, spent_cents=0, since_year=0) == 1  # 0 means unknown


def test_a_rule_without_conditions_takes_everyone_left() -> None:
    table = TierTable.from_rules(
        [TierRule(name="gold", min_orders=10), TierRule(name="friend")], TODAY
    )
    assert table.tier_index(orders=0, spent_cents=0, since_year=0) == 1
    assert table.tier_index(orders=12, spent_cents=0, since_year=0) == 0


def test_without_rules_everyone_is_untiered() -> None:
    table = TierTable.from_rules([], TODAY)
    assert table.names == [UNTIERED]
    assert table.tier_index(orders=100, spent_cents=1_000_000, since_year=2000) == 0
