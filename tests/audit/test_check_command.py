"""``appreciate check`` as a user runs it, and the audit inside ``mkdocs build``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.audit.findings import TAGS
from tests.audit.conftest import StaticSite, page
from tests.conftest import SiteFactory, appreciate, mkdocs

BROKEN = {
    "index.html": page('<a href="nowhere/">x</a>\n<img src="p.png">'),
    "blog/post.html": page('<img src="../p.png">'),
    "p.png": (10, 10),
}


def test_exit_codes(static_site: StaticSite, tmp_path: Path) -> None:
    clean = static_site({"index.html": page('<a href="#x" id="x">x</a>')})
    assert appreciate("check", str(clean), cwd=tmp_path).returncode == 0
    assert appreciate("check", str(static_site(BROKEN)), cwd=tmp_path).returncode == 1
    missing = appreciate("check", str(tmp_path / "nope"), cwd=tmp_path)
    assert missing.returncode == 2
    assert "no such folder" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_rule = appreciate("check", str(clean), "--ignore", "borken-link", cwd=tmp_path)
    assert bad_rule.returncode == 2
    assert "unknown tag 'borken-link'" in bad_rule.stderr


def test_default_site_folder_and_text_report(static_site: StaticSite) -> None:
    site = static_site(BROKEN)
    (site.parent / "site").symlink_to(site)  # `appreciate check` looks in ./site by default
    result = appreciate("check", cwd=site.parent)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "blog/post.html"
    assert "  8:     broken-link      nowhere/  nowhere/index.html not found" in result.stdout
    assert result.stdout.rstrip().endswith("(1 broken-link, 2 missing-alt).")


def test_ignore_rules_by_tag_and_glob(static_site: StaticSite, tmp_path: Path) -> None:
    site = static_site(BROKEN)
    result = appreciate(
        "check", str(site), "--ignore", "missing-alt:blog/*", "--ignore", "broken-link",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    findings = json.loads(result.stdout)["findings"]
    assert [(f["tag"], f["page"]) for f in findings] == [("missing-alt", "index.html")]


def test_report_to_a_file(static_site: StaticSite, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "audit.xml"
    result = appreciate(
        "check", str(static_site(BROKEN)), "--format", "junit", "-o", str(out), cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert out.read_text().startswith('<?xml version="1.0" encoding="utf-8"?>')


def test_list_tags_documents_every_tag(tmp_path: Path) -> None:
    result = appreciate("check", "--list-tags", cwd=tmp_path)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(TAGS)


def test_strict_mkdocs_build_fails_on_findings_when_the_plugin_audits(
    site_factory: SiteFactory,
) -> None:
    root = site_factory({"content/story.md": '# Our story\n\n<img src="gone.png" alt="gone">\n'})
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text() + "      audit: true\n")
    result = mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 1
    assert "story/index.html:" in result.stderr
    assert ": broken-image: gone.png: image not found" in result.stderr

    yml.write_text(yml.read_text() + "      audit_ignore: ['broken-image:story/*']\n")
    assert mkdocs("build", "--strict", cwd=root).returncode == 0


def test_appreciate_build_always_audits(site_factory: SiteFactory) -> None:
    root = site_factory({"content/story.md": '# Our story\n\n<a href="menu/">Menu</a>\n'})
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    lenient = appreciate("build", cwd=root)
    assert lenient.returncode == 0
    assert re.search(
        r"WARNING -  appreciate: story/index.html:\d+: broken-link: menu/", lenient.stderr
    )

    (root / "site" / "index.html").write_text("the previous site")
    strict = appreciate("build", "--strict", cwd=root)
    assert strict.returncode == 1
    assert (root / "site" / "index.html").read_text() == "the previous site"
