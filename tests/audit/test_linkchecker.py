"""Differential test: whatever LinkChecker finds broken inside a site, the audit finds too."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.audit.serve import serve_site
from generator.audit.site import audit_site
from tests.audit.conftest import page, write_site

PLANTED = {
    "index.html": page(
        '<a href="about/">About</a> <a href="about/team.html">Team</a> <a href="missing.html">x</a>\n'
        '<a href="about/#history">History</a> <a href="about/#future">Future</a>\n'
        '<img src="img/logo.png" alt="Logo"> <img src="img/gone.png" alt="Gone">\n'
        '<a href="shop/">Shop</a> <a href="docs/guide/../intro.html">Intro</a>'
    ),
    "about/index.html": page(
        '<h2 id="history">History</h2> <a href="../index.html#nowhere">Back</a>'
    ),
    "about/team.html": page(
        '<a href="../about/">About</a> <a href="../about/people.html">People</a>'
    ),
    "docs/intro.html": page(
        '<a href="../index.html">Home</a> <a href="setup.html#step-2">Setup</a>'
    ),
    "img/logo.png": (40, 40),
}


@pytest.fixture
def world_readable_site() -> Iterator[Path]:
    # LinkChecker, run as root, drops to user nobody: every folder on the way must be readable
    root = Path(tempfile.mkdtemp(prefix="appreciate-lc-"))
    try:
        root.chmod(0o755)
        write_site(root, PLANTED)
        for path in root.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def linkchecker_broken(site: Path, tmp_path: Path) -> set[tuple[str, str]]:
    """(page, url) of every link LinkChecker reports invalid or with a missing anchor.

    The site is served over HTTP on loopback, as it is in real life: LinkChecker reads a
    file:// folder URL as a folder listing, not as its index.html.
    """
    config = tmp_path / "linkcheckerrc"
    config.write_text("[AnchorCheck]\n", encoding="utf-8")
    with serve_site(site) as origin:
        result = subprocess.run(
            [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status",
             "--no-robots", "-o", "csv", origin + "/"],
            capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    broken = set()
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        if row["valid"] == "False" or "Anchor" in (row["warningstring"] or ""):
            parent = row["parentname"].partition("#")[0].removeprefix(origin + "/") or "index.html"
            parent = parent + "index.html" if parent.endswith("/") else parent
            broken.add((parent, row["urlname"]))
    return broken


def test_everything_linkchecker_finds_broken_the_audit_finds(
    world_readable_site: Path, tmp_path: Path
) -> None:
    theirs = linkchecker_broken(world_readable_site, tmp_path)
    ours = {(f.page, f.target) for f in audit_site(world_readable_site).findings}

    assert len(theirs) >= 6, f"LinkChecker found too little to compare: {theirs}"
    assert theirs <= ours
    assert ("about/index.html", "../index.html#nowhere") in ours
