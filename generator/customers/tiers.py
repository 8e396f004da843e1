"""Loyalty tiers decided on whole cents and years, fast enough for a million customers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model.customers import TierRule

UNTIERED = "none"


@dataclass(frozen=True)
class TierTable:
    """The campaign's tier rules, first match wins; customers matching none are ``none``."""

    rules: tuple[tuple[str, int | None, int | None, int | None, bool], ...]
    """(name, min orders, min spent in cents, latest first year, all conditions needed)."""

    @classmethod
    def from_rules(cls, rules: list[TierRule], today: date) -> TierTable:
        return cls(
            tuple(
                (
                    rule.name,
                    rule.min_orders,
                    None if rule.min_spent is None else int(rule.min_spent * 100),
                    None if rule.min_years is None else today.year - rule.min_years,
                    rule.match == "all",
                )
                for rule in rules
            )
        )

    @property
    def names(self) -> list[str]:
        return [rule[0] for rule in self.rules] + [UNTIERED]

    def tier_index(self, orders: int, spent_cents: int, since_year: int) -> int:
        """The position in ``names`` of the customer's tier."""
        for index, (_, min_orders, min_cents, latest_year, need_all) in enumerate(self.rules):
            checks = (
                None if min_orders is None else orders >= min_orders,
                None if min_cents is None else spent_cents >= min_cents,
                None if latest_year is None else 0 < since_year <= latest_year,
            )
            if need_all:
                if False not in checks:
                    return index
            elif True in checks or checks == (None, None, None):
                return index
        return len(self.rules)
