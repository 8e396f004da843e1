"""The customer list summed up: merged duplicates, tiers and the wall, in one pass.

Memory stays flat in the number of rows: a distinct customer costs one dict entry (the hash of
the e-mail → one packed integer of orders, spend, first year and opt-in), whatever the row holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.customers.reader import CustomerReader, Row
from generator.customers.tiers import TierTable
from generator.model.customers import Wall
from generator.model.errors import Problem

_ORDERS = 1 << 24
_YEARS = 1 << 12


def pack(orders: int, spent_cents: int, since_year: int, opted_in: bool) -> int:
    """One customer's totals in one integer: a dict of a million of them stays small."""
    return (
        (max(spent_cents, 0) * _ORDERS + min(orders, _ORDERS - 1)) * _YEARS + since_year
    ) * 2 + opted_in


def unpack(value: int) -> tuple[int, int, int, bool]:
    rest, opted_in = divmod(value, 2)
    rest, since_year = divmod(rest, _YEARS)
    spent_cents, orders = divmod(rest, _ORDERS)
    return orders, spent_cents, since_year, bool(opted_in)


def merge(a: int, b: int) -> int:
    """Two rows of one customer: orders and spend add up, the earliest year; opted in if both."""
    orders_a, spent_a, since_a, opt_a = unpack(a)
    orders_b, spent_b, since_b, opt_b = unpack(b)
    since = min(y for y in (since_a, since_b) if y) if since_a or since_b else 0
    return pack(orders_a + orders_b, spent_a + spent_b, since, opt_a and opt_b)


@dataclass
class CustomerSummary:
    """What the site may know of the list: counts, the tiers' sizes, the opted-in wall."""

    rows: int = 0
    """Every row but the header, bad ones included."""
    customers: int = 0
    duplicates: int = 0
    bad_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    tiers: dict[str, int] = field(default_factory=dict)
    wall: list[dict[str, str]] = field(default_factory=list)

    def report(self) -> str:
        tiers = ", ".join(f"{n} {name}" for name, n in self.tiers.items())
        return (
            f"{self.rows} rows, {self.customers} customers ({tiers}); "
            f"{self.duplicates} duplicate e-mails merged, {self.bad_rows} bad rows skipped"
        )


def summarize(
    reader: CustomerReader,
    today: date,
    wall: Wall | None = None,
    max_errors: int = 20,
) -> tuple[CustomerSummary, dict[int, int]]:
    """Read the whole list once; return the summary and the ledger: the hash of each customer's
    e-mail → the index of their tier in ``TierTable.names``."""
    summary = CustomerSummary()
    table = TierTable.from_rules(reader.settings.tiers, today)
    ledger, candidates = _totals(reader, summary, wall, max_errors)
    summary.customers = len(ledger)
    summary.tiers = _decide_tiers(ledger, table)
    if wall is not None:
        summary.wall = _wall_of(candidates, ledger, wall, table.names)
    for key, value in ledger.items():  # in place: a second dict would double the memory
        ledger[key] = value >> 1
    return summary, ledger


def _totals(
    reader: CustomerReader, summary: CustomerSummary, wall: Wall | None, max_errors: int
) -> tuple[dict[int, int], dict[int, dict[str, str]]]:
    """The hash of each customer's e-mail → their packed totals, and the wall's candidates (twice
    the room, as some will not be opted in once their rows are merged); counts go in ``summary``."""
    ledger: dict[int, int] = {}
    candidates: dict[int, dict[str, str]] = {}

    def problem(found: Problem) -> None:
        summary.bad_rows += 1
        if len(summary.problems) < max_errors:
            summary.problems.append(found)

    rows = 0
    wall_room = wall.max_entries * 2 if wall is not None else 0
    for row in reader.rows(problem):
        rows += 1
        _, email, _, _, _, _, orders, spent, since, opted_in = row
        key = hash(email)
        # pack() inline: this loop runs once per row
        value = ((spent * _ORDERS + min(orders, _ORDERS - 1)) * _YEARS + since) * 2 + opted_in
        known = ledger.get(key)
        if known is None:
            ledger[key] = value
        else:
            summary.duplicates += 1
            ledger[key] = merge(known, value)
        if opted_in and len(candidates) < wall_room and key not in candidates:
            candidates[key] = _wall_entry(row, wall)  # type: ignore[arg-type]
    summary.rows = rows + summary.bad_rows
    return ledger, candidates


def _decide_tiers(ledger: dict[int, int], table: TierTable) -> dict[str, int]:
    """Each customer's totals replaced by their tier's index * 2 + opted in; the tiers' sizes."""
    names = table.names
    counts = [0] * len(names)
    tier_index = table.tier_index
    for key, value in ledger.items():
        orders, spent, since, opted_in = unpack(value)
        tier = tier_index(orders, spent, since)
        counts[tier] += 1
        ledger[key] = tier * 2 + opted_in  # totals are done with: keep what later passes need
    return {name: n for name, n in zip(names, counts, strict=True) if n or name != "none"}


def _wall_of(
    candidates: dict[int, dict[str, str]], ledger: dict[int, int], wall: Wall, names: list[str]
) -> list[dict[str, str]]:
    """The candidates still opted in once merged, in file order, up to the wall's size."""
    entries: list[dict[str, str]] = []
    for key, entry in candidates.items():
        tier, opted = divmod(ledger[key], 2)
        if opted and len(entries) < wall.max_entries:
            if "tier" in wall.fields:
                entry["tier"] = names[tier]
            entries.append(entry)
    return entries


def _wall_entry(row: Row, wall: Wall) -> dict[str, str]:
    """Only the fields the campaign allows on the wall."""
    values = {
        "first_name": row.first_name,
        "last_initial": f"{row.last_name[:1]}." if row.last_name else "",
        "city": row.city,
        "since_year": str(row.since_year) if row.since_year else "",
    }
    return {name: values[name] for name in wall.fields if name in values}
