"""The default audit against LinkChecker and html-proofer on a large Material site, in one run.

    .venv/bin/python benchmarks/audit.py [--pages 1000] [--runs 3] [--skip-linkchecker]
                                         [--skip-htmlproofer]

The site (``benchmarks/material_site.py``) is built once and reused. LinkChecker checks internal
links only, from the files (``file://``; it is much slower through a local HTTP server); run as
root it drops to user nobody, so the site is made world-readable first. html-proofer (Debian's
ruby-html-proofer) reads the files with ``--disable-external``. Peak memory is the largest sum
of resident memory over a command's whole process tree, sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from material_site import build_material_site
from measure import measure
from selectolax.lexbor import LexborHTMLParser


def lexbor_parse_seconds(site: Path) -> float:
    """One core parsing every page with lexbor, nothing else: the floor of a parser-based audit."""
    pages = [p.read_bytes() for p in site.rglob("*.html")]
    start = time.perf_counter()
    for data in pages:
        LexborHTMLParser(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-linkchecker", action="store_true")
    parser.add_argument("--skip-htmlproofer", action="store_true")
    args = parser.parse_args()

    site = build_material_site(args.pages)
    html = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in html)
    links = sum(p.read_bytes().count(b"<a ") for p in html)
    print(
        f"site: {len(html)} pages, {size / 1e6:.0f} MB of HTML, ~{links / 1e6:.2f} M links; "
        f"{os.cpu_count()} CPUs"
    )
    print(f"lexbor parse of every page on one core: {lexbor_parse_seconds(site):.2f} s")

    ours = [
        measure([sys.executable, "-m", "generator", "check", str(site)]) for _ in range(args.runs)
    ]
    assert all(code == 0 for _, _, code in ours), "the benchmark site should be clean"
    seconds = statistics.median(t for t, _, _ in ours)
    memory = max(m for _, m, _ in ours)
    print(
        f"appreciate check (default audit): {seconds:.2f} s, peak {memory:.0f} MB "
        f"(median of {args.runs})"
    )

    if not args.skip_linkchecker:
        for path in [site, *site.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        t, m, _ = measure(
            [
                sys.executable,
                "-m",
                "linkcheck",
                "--no-status",
                "-o",
                "none",
                str(site / "index.html"),
            ]
        )
        print(
            f"LinkChecker (internal links): {t:.1f} s, peak {m:.0f} MB, "
            f"{t / seconds:.0f}x appreciate check"
        )
    if not args.skip_htmlproofer:
        proofer = shutil.which("htmlproofer")
        if proofer is None:
            print("html-proofer: not installed (apt-get install ruby-html-proofer)")
        else:
            t, m, _ = measure([proofer, str(site), "--disable-external"])
            print(
                f"html-proofer --disable-external: {t:.1f} s, peak {m:.0f} MB, "
                f"{t / seconds:.0f}x appreciate check"
            )


if __name__ == "__main__":
    main()
