"""The default audit against LinkChecker and html-proofer on a large Material site, in one run.

    .venv/bin/python benchmarks/audit.py [--pages 1000] [--runs 3] [--skip-linkchecker]
                                         [--skip-htmlproofer] [--anchors 10000] [--only-anchors]

The site (``benchmarks/material_site.py``) is built once and reused. LinkChecker checks internal
links only, from the files (``file://``; it is much slower through a local HTTP server); run as
root it drops to user nobody, so the site is made world-readable first. html-proofer (Debian's
ruby-html-proofer) reads the files with ``--disable-external``. Peak memory is the largest sum
of resident memory over a command's whole process tree, sampled every 20 ms.

The cost of findings: one page with ``--anchors`` links to fragments that do not exist, against
the baseline of a clean page of the same size (the same links, their ids present), both checked
by ``appreciate check`` in turn, ``--runs`` times each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
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


def anchors_page(count: int, broken: bool) -> str:
    """A page of ``count`` sections, each linked from a list; ``broken``: every link misses."""
    prefix = "gone" if broken else "part"
    links = "\n".join(f'<li><a href="#{prefix}-{i:05}">Part {i}</a></li>' for i in range(count))
    sections = "\n".join(f'<h2 id="part-{i:05}">Part {i}</h2>' for i in range(count))
    return f"<!doctype html>\n<title>anchors</title>\n<ul>\n{links}\n</ul>\n{sections}\n"


def findings_cost(count: int, runs: int) -> None:
    """``appreciate check`` of a page with ``count`` broken anchors against a clean page."""
    with tempfile.TemporaryDirectory() as folder:
        sites = {}
        for name, broken in (("clean", False), ("broken", True)):
            site = Path(folder) / name
            site.mkdir()
            (site / "index.html").write_text(anchors_page(count, broken), encoding="utf-8")
            sites[name] = site
        size = (sites["broken"] / "index.html").stat().st_size
        times: dict[str, list[float]] = {"clean": [], "broken": []}
        for _ in range(runs):  # interleaved, so both see the same machine
            for name, site in sites.items():
                command = [sys.executable, "-m", "generator", "check", str(site), "-o", "/dev/null"]
                seconds, _, code = measure(command)
                assert code == (1 if name == "broken" else 0), f"{name}: exit {code}"
                times[name].append(seconds)
    clean, broken = (statistics.median(times[name]) for name in ("clean", "broken"))
    print(
        f"one page of {size / 1e6:.1f} MB, {count:,} anchors: clean {clean:.2f} s, "
        f"all {count:,} broken {broken:.2f} s ({broken / clean:.2f}x, median of {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-linkchecker", action="store_true")
    parser.add_argument("--skip-htmlproofer", action="store_true")
    parser.add_argument("--anchors", type=int, default=10_000)
    parser.add_argument("--only-anchors", action="store_true", help="only the cost of findings")
    args = parser.parse_args()

    findings_cost(args.anchors, args.runs)
    if args.only_anchors:
        return

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
