"""Synthetic customer lists: Shopify's format, reproducible, reachable by nobody."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from generator.customers.columns import detect_format
from generator.customers.synthetic import (
    DOMAINS,
    HEADER,
    LOCALES,
    SINCE_PREFIX,
    _ascii,
    write_sample,
)


def sample(path: Path, rows: int, **options: float | int) -> list[dict[str, str]]:
    write_sample(path, rows, **options)  # type: ignore[arg-type]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_sample_is_a_shopify_export_of_example_customers(tmp_path: Path) -> None:
    customers = sample(tmp_path / "customers.csv", 50)
    assert len(customers) == 50
    with (tmp_path / "customers.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == HEADER and detect_format(header) == "shopify"
    countries = {country for country, _ in LOCALES.values()}
    for number, customer in enumerate(customers, start=1):
        local, _, domain = customer["Email"].partition("@")
        assert domain in DOMAINS and local.isascii() and local.endswith(str(number))
        assert customer["Default Address Country Code"] in countries
        assert int(customer["Total Orders"]) >= 1
        assert float(customer["Total Spent"]) > 0
        since = customer["Tags"].split(", ")[0]
        assert since.startswith(SINCE_PREFIX)
        assert 2014 <= int(since.removeprefix(SINCE_PREFIX)) <= 2026


def test_the_same_seed_writes_the_same_file(tmp_path: Path) -> None:
    write_sample(tmp_path / "a.csv", 30, seed=7)
    write_sample(tmp_path / "b.csv", 30, seed=7)
    write_sample(tmp_path / "c.csv", 30, seed=8)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() != (tmp_path / "c.csv").read_bytes()


def test_duplicates_repeat_earlier_emails(tmp_path: Path) -> None:
    unique = sample(tmp_path / "unique.csv", 200)
    assert len({c["Email"] for c in unique}) == 200
    repeated = sample(tmp_path / "repeated.csv", 200, duplicates=0.5)
    counts = Counter(c["Email"] for c in repeated)
    assert 50 < sum(n - 1 for n in counts.values()) < 150  # about half the rows


def test_names_become_plain_lowercase_ascii_for_addresses() -> None:
    assert _ascii("José María") == "josemaria"
    assert _ascii("Ñúñez") == "nunez"
    assert _ascii("O'Brien") == "o'brien"
