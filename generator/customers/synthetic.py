"""Synthetic customer lists in Shopify's format: the demo's sample and the benchmark's million.

Names, cities and phone formats come from Faker's English, Spanish and Indonesian locales with a
fixed seed; rows are drawn from those pools, so a million rows take seconds, not minutes. Every
address is at a reserved example domain: nobody real can be reached.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from pathlib import Path

from generator.customers.columns import PRESETS

LOCALES = {
    "en_GB": ("GB", "+44 20 7946 "),
    "es_ES": ("ES", "+34 91 123 "),
    "id_ID": ("ID", "+62 21 5550 "),
}
DOMAINS = ("example.com", "example.org", "example.net")
HEADER = [
    "Customer ID",
    "First Name",
    "Last Name",
    "Email",
    "Accepts Email Marketing",
    "Default Address City",
    "Default Address Country Code",
    "Phone",
    "Accepts SMS Marketing",
    "Total Spent",
    "Total Orders",
    "Tags",
]
WALL_TAG = "thank-you-wall"
SINCE_PREFIX = "customer-since-"


def _pools(seed: int, size: int) -> dict[str, tuple[list[str], list[str], list[str]]]:
    from faker import Faker

    pools = {}
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(seed)
        pools[locale] = (
            [fake.first_name() for _ in range(size)],
            [fake.last_name() for _ in range(size)],
            [fake.city() for _ in range(max(10, size // 10))],
        )
    return pools


def _ascii(text: str) -> str:
    return (
        unicodedata.normalize("NFKD", text)
        .encode("ascii", "ignore")
        .decode()
        .lower()
        .replace(" ", "")
    )


def write_sample(path: Path, rows: int, seed: int = 2026, duplicates: float = 0.0) -> None:
    """``rows`` synthetic customers; a ``duplicates`` share of rows repeats an earlier e-mail."""
    rng = random.Random(seed)
    pools = _pools(seed, 200 if rows > 1000 else 40)
    locales = list(LOCALES)
    emails: list[str] = []
    assert set(PRESETS["shopify"].values()) <= set(HEADER)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for number in range(1, rows + 1):
            locale = rng.choice(locales)
            firsts, lasts, cities = pools[locale]
            country, phone = LOCALES[locale]
            first, last = rng.choice(firsts), rng.choice(lasts)
            if emails and rng.random() < duplicates:
                email = rng.choice(emails)
            else:
                email = f"{_ascii(first)}.{_ascii(last)}{number}@{rng.choice(DOMAINS)}"
                if len(emails) < 10_000:
                    emails.append(email)
            orders = rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 9, 12, 15, 24))
            since = rng.randint(2014, 2026)
            tags = [f"{SINCE_PREFIX}{since}"]
            if rng.random() < 0.3:
                tags.append(WALL_TAG)
            out.writerow(
                [
                    7_000_000_000 + number,
                    first,
                    last,
                    email,
                    rng.choice(("yes", "no")),
                    rng.choice(cities),
                    country,
                    f"{phone}{rng.randint(1000, 9999)}",
                    rng.choice(("yes", "no")),
                    f"{orders * rng.randint(60, 240) * 1000:.2f}",
                    orders,
                    ", ".join(tags),
                ]
            )
