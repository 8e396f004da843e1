"""The whole site: whatever the file system holds among its pages, a finding, never a traceback."""

from __future__ import annotations

import json
import os

from generator.audit.site import audit_site, walk_site
from tests.audit.conftest import Link, StaticSite, page
from tests.conftest import appreciate


def test_dangling_and_looping_symlinks_are_findings_naming_them(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page('<a href="gone.html">gone</a> <img src="photo.png" alt="x">'),
            "gone.html": Link("nowhere.html"),
            "loop.html": Link("loop.html"),
            "style.css": Link("missing.css"),
            "photo.png": Link("missing.png"),
        }
    )
    report = audit_site(site)
    assert [(f.tag, f.page, f.message) for f in report.findings] == [
        ("unreadable-file", "gone.html", "a symlink to nothing (its target is missing)"),
        ("broken-image", "index.html", "image not found"),  # a dangling image is a missing one
        ("broken-link", "index.html", "gone.html not found"),
        ("unreadable-file", "loop.html", "a symlink that loops back on itself"),
        ("unreadable-file", "style.css", "a symlink to nothing (its target is missing)"),
    ]
    assert report.pages == ["index.html"]


def test_symlinks_that_work_are_followed_and_loops_of_folders_end(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page('<a href="docs/guide.html">guide</a> <a href="alias.html">a</a>'),
            "real/guide.html": page("<p>guide</p>"),
            "docs": Link("real"),
            "alias.html": Link("index.html"),
            "real/up": Link(".."),  # a folder that contains itself
        }
    )
    tree = walk_site(site)
    assert tree.files == ["alias.html", "docs/guide.html", "index.html", "real/guide.html"]
    assert tree.unreadable == {}
    assert audit_site(site).findings == []


def test_the_command_names_a_dangling_page_in_one_line(static_site: StaticSite) -> None:
    site = static_site({"index.html": page("<p>hi</p>"), "old.html": Link("/nonexistent/old.html")})
    result = appreciate("check", str(site), cwd=site.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "  -:     unreadable-file  old.html  a symlink to nothing (its target is missing)" in (
        result.stdout
    )


def test_a_page_whose_name_is_not_utf8_is_reported(static_site: StaticSite) -> None:
    site = static_site({"index.html": page("<p>hi</p>")})
    (site / os.fsdecode(b"caf\xe9.html")).write_text(page('<a href="gone/">x</a>'))
    out = site.parent / "report.json"
    result = appreciate("check", str(site), "--format", "json", "-o", str(out), cwd=site.parent)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["page"], f["tag"]) for f in findings] == [("caf\ufffd.html", "broken-link")]


def test_a_fifo_among_the_pages_is_not_read(static_site: StaticSite) -> None:
    site = static_site({"index.html": page("<p>hi</p>")})
    os.mkfifo(site / "pipe.html")  # reading it would wait for a writer forever
    assert [(f.tag, f.page, f.message) for f in audit_site(site).findings] == [
        ("unreadable-file", "pipe.html", "not a regular file")
    ]
