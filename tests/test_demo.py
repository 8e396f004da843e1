"""The demo shop: builds strictly, and keeps its synthetic customers off the site and out of git."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

from tests.conftest import REPO, appreciate

SAMPLE = REPO / "campaigns" / "customers-sample.csv"


def test_the_demo_builds_strictly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = appreciate("build", "--strict", "--site-dir", str(site), cwd=REPO)
    assert result.returncode == 0, result.stderr
    for page in ("", "offers/", "survey/", "contact/", "returns/", "faq/", "our-story/"):
        assert (site / page / "index.html").is_file(), page

    text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        customers = list(csv.DictReader(handle))
    assert len(customers) >= 20
    for customer in customers:
        assert customer["Email"] not in text
        assert customer["Phone"] not in text


def test_the_sample_is_synthetic_and_private_data_is_ignored() -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        emails = [row["Email"] for row in csv.DictReader(handle)]
    # reserved example domains only (RFC 2606): no real person can be reached
    assert {e.rsplit("@", 1)[1] for e in emails} <= {"example.com", "example.org", "example.net"}
    ignored = subprocess.run(
        [
            "git",
            "check-ignore",
            "--no-index",
            "private/customers.csv",
            "site/index.html",
            ".cache/appreciate/x.json",
            "private/codes.key",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.stdout.split() == [
        "private/customers.csv",
        "site/index.html",
        ".cache/appreciate/x.json",
        "private/codes.key",
    ]
