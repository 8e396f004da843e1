"""business.name names the site: mkdocs.yml may leave site_name out, and may not contradict it.
Material's end-of-life banner stays quiet for the plugin's sites (a real `mkdocs build`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_DAY, SiteFactory, replace_line

BANNER = "Material for MkDocs reaches end of life"


def bare_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs`` with nothing set for it in the environment: no NO_MKDOCS_2_WARNING."""
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    env["APPRECIATE_TODAY"] = BUILD_DAY
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_without_site_name_the_shop_names_the_site_and_no_banner(site_factory: SiteFactory) -> None:
    root = site_factory()
    replace_line(root / "mkdocs.yml", "site_name: Test Shop", "")
    replace_line(root / "campaigns" / "campaign.yaml", "  name: Test Shop", "  name: Corner Bakery")

    result = bare_mkdocs("build", cwd=root)

    assert result.returncode == 0, result.stderr
    assert BANNER not in result.stderr + result.stdout
    landing = (root / "site" / "index.html").read_text()
    assert "<title>Home - Corner Bakery</title>" in landing
    assert '<meta property="og:site_name" content="Corner Bakery">' in landing
    assert 'data-md-component="header-title"' in landing
    assert "Corner Bakery" in landing.split('data-md-component="header-title"')[1][:600]
    assert "Test Shop" not in landing


def test_a_site_name_that_differs_stops_the_build_naming_both(site_factory: SiteFactory) -> None:
    root = site_factory()
    replace_line(root / "mkdocs.yml", "site_name: Test Shop", "site_name: Your Shop")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the published site")

    result = bare_mkdocs("build", cwd=root)

    assert result.returncode != 0
    assert (
        "mkdocs.yml: site_name: 'Your Shop' is not the shop's name 'Test Shop' "
        "(campaigns/campaign.yaml:5: business.name) (hint: remove site_name from mkdocs.yml: "
        "the shop's name is business.name, in the header, page titles, share cards and e-mails)"
    ) in result.stderr
    assert (root / "site" / "index.html").read_text() == "the published site"


def test_other_sites_keep_mkdocs_rules_and_its_banner(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hello\n")
    (tmp_path / "mkdocs.yml").write_text("theme:\n  name: material\n")

    unnamed = bare_mkdocs("build", cwd=tmp_path)
    assert unnamed.returncode != 0
    assert "Config value 'site_name': Required configuration not provided." in unnamed.stderr

    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\ntheme:\n  name: material\n")
    named = bare_mkdocs("build", cwd=tmp_path)
    assert named.returncode == 0, named.stderr
    assert BANNER in named.stderr  # only the appreciate plugin's sites are kept quiet
