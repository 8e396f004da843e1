"""Tiers and codes for a 1,000,000-row Shopify export: `appreciate codes` against pandas, one run.

    .venv/bin/python benchmarks/customers.py [--rows 1000000] [--runs 3]

The export is synthetic (``appreciate sample-customers``, 1 % duplicate e-mails), made once in
``benchmarks/.cache/``. The baseline is pandas doing the same work in one process: read the
CSV, check e-mails, merge duplicates, decide tiers, make the HMAC codes, write both files.
Both are timed as whole processes; peak memory is the largest resident memory of the process
tree, sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import hmac
import statistics
import sys
import tempfile
from pathlib import Path

from measure import measure

from generator.customers.synthetic import write_sample

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
REPO = HERE.parent
KEY = "benchmark-key-0123456789abcdef"


def export(rows: int) -> tuple[Path, Path]:
    """The synthetic export and a campaign reading it (the demo campaign, another file)."""
    CACHE.mkdir(exist_ok=True)
    csv_file = CACHE / f"customers-{rows}.csv"
    if not csv_file.exists():
        write_sample(csv_file, rows, seed=7, duplicates=0.01)
    campaign = CACHE / f"campaign-{rows}.yaml"
    text = (REPO / "campaigns" / "appreciation-2026.yaml").read_text(encoding="utf-8")
    text = text.replace("file: customers-sample.csv", f"file: {csv_file.name}")
    text = text.replace(
        "returns_policy: returns.yaml", f"returns_policy: {REPO / 'campaigns' / 'returns.yaml'}"
    )
    campaign.write_text(text, encoding="utf-8")
    return csv_file, campaign


def pandas_codes(csv_file: Path, out: Path) -> None:
    """The same work with pandas: the baseline."""
    import numpy as np
    import pandas as pd

    frame = pd.read_csv(csv_file, dtype=str, keep_default_na=False)
    frame["email"] = frame["Email"].str.strip().str.lower()
    valid = frame["email"].str.fullmatch(r"[^@\s,;<>()\[\]\"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
    frame["orders"] = pd.to_numeric(frame["Total Orders"], errors="coerce")
    frame["spent"] = pd.to_numeric(frame["Total Spent"], errors="coerce")
    frame = frame[valid & frame["orders"].notna() & frame["spent"].notna()]
    frame["since"] = pd.to_numeric(
        frame["Tags"].str.extract(r"customer-since-(\d{4})")[0], errors="coerce"
    )
    customers = frame.groupby("email", sort=False).agg(
        first_name=("First Name", "first"),
        orders=("orders", "sum"),
        spent=("spent", "sum"),
        since=("since", "min"),
    )
    years = 2026 - customers["since"]
    tier = np.select(
        [(years >= 8) | (customers["orders"] >= 12), customers["orders"] >= 3],
        ["gold", "silver"],
        default="friend",
    )
    customers["tier"] = tier
    eligible = customers[customers["tier"].isin(["gold", "silver"])].reset_index()
    key = KEY.encode()
    symbols = bytes(ord("ABCDEFGHJKMNPQRSTUVWXYZ23456789"[b % 31]) for b in range(256))
    eligible["code"] = eligible["email"].map(
        lambda e: (
            hmac.digest(key, f"appreciation-2026\0{e}".encode(), "sha256")[:10]
            .translate(symbols)
            .decode()
        )
    )
    eligible["expires"] = "2026-12-31"
    eligible[["first_name", "email", "code", "tier", "expires"]].to_csv(
        out / "mail-merge.csv", index=False
    )
    eligible.assign(usage_limit=1)[["code", "usage_limit"]].to_csv(
        out / "shop-import.csv", index=False
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pandas", nargs=2, metavar=("CSV", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pandas:
        pandas_codes(Path(args.pandas[0]), Path(args.pandas[1]))
        return

    csv_file, campaign = export(args.rows)
    print(f"export: {args.rows} rows, {csv_file.stat().st_size / 1e6:.0f} MB")
    results: dict[str, list[tuple[float, float]]] = {"appreciate": [], "pandas": []}
    with tempfile.TemporaryDirectory() as tmp:
        ours = [
            sys.executable,
            "-m",
            "generator",
            "codes",
            "--campaign",
            str(campaign),
            "--out",
            f"{tmp}/ours",
            "--key-file",
            f"{tmp}/none.key",
        ]
        theirs = [sys.executable, __file__, "--pandas", str(csv_file), tmp]
        for _ in range(args.runs):
            seconds, memory, code = measure(ours, cwd=REPO, env={"APPRECIATE_CODE_KEY": KEY})
            assert code == 0, "appreciate codes failed"
            results["appreciate"].append((seconds, memory))
            seconds, memory, code = measure(theirs, cwd=REPO)
            assert code == 0, "the pandas baseline failed"
            results["pandas"].append((seconds, memory))
        ours_codes = (
            len(Path(f"{tmp}/ours/mail-merge.csv").read_text(encoding="utf-8").splitlines()) - 1
        )
        their_codes = (
            len(Path(f"{tmp}/mail-merge.csv").read_text(encoding="utf-8").splitlines()) - 1
        )
    print(f"codes issued: appreciate {ours_codes}, pandas {their_codes}")
    summary = {
        name: (statistics.median(t for t, _ in runs), max(m for _, m in runs))
        for name, runs in results.items()
    }
    for name, (seconds, memory) in summary.items():
        print(f"{name:<11} {seconds:6.2f} s  peak {memory:5.0f} MB  (median of {args.runs})")
    ratio = summary["pandas"][0] / summary["appreciate"][0]
    memory_ratio = summary["pandas"][1] / summary["appreciate"][1]
    print(
        f"pandas / appreciate: {ratio:.2f}x the time, {memory_ratio:.2f}x the memory "
        "(goal: <= 5 s and < 200 MB)"
    )


if __name__ == "__main__":
    main()
