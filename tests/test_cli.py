"""``appreciate build`` and ``appreciate new`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SiteFactory, appreciate, replace_line


def test_build_replaces_the_previous_site_on_success(site_factory: SiteFactory) -> None:
    root = site_factory()
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("from an older build")

    result = appreciate("build", cwd=root)

    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()
    assert not (root / "site" / "stale.html").exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []
    # world-readable, so a web server or a link checker running as another user can read it
    assert (root / "site").stat().st_mode & 0o755 == 0o755


def test_a_failed_build_keeps_the_previous_site(site_factory: SiteFactory) -> None:
    # not an input error: a broken link in a marketer's page fails a strict build
    root = site_factory({"content/story.md": "# Our story\n\nSee [the menu](menu.md).\n"})
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")

    result = appreciate("build", "--strict", cwd=root)

    assert result.returncode == 1
    assert "menu.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert (root / "site" / "index.html").read_text() == "the previous site"
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_build_into_another_folder(site_factory: SiteFactory, tmp_path: Path) -> None:
    root = site_factory()
    result = appreciate("build", "--site-dir", str(tmp_path / "public"), cwd=root)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "survey" / "index.html").is_file()
    assert not (root / "site").exists()


def test_new_scaffolds_a_project_that_builds_as_it_is(tmp_path: Path) -> None:
    result = appreciate("new", "myshop", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "myshop"
    for name in (
        "mkdocs.yml",
        "campaigns/campaign.yaml",
        "campaigns/returns.yaml",
        "overrides/main.html",
        "content/about.md",
        ".gitignore",
    ):
        assert (project / name).is_file(), name
    assert "/private/" in (project / ".gitignore").read_text()

    preview = appreciate("build", "--preview", cwd=project)
    assert preview.returncode == 0, preview.stderr
    assert (project / "site" / "survey" / "index.html").is_file()
    assert (project / "site" / "about" / "index.html").is_file()

    # the placeholders are named until they are filled in
    stopped = appreciate("build", "--strict", cwd=project)
    assert stopped.returncode == 2
    assert (
        "mkdocs.yml: site_url: 'https://yourshop.invalid/' is still the starter's placeholder"
        in stopped.stderr
    )
    assert "receiver.url: 'https://answers.yourshop.invalid' is not configured" in stopped.stderr
    replace_line(
        project / "mkdocs.yml",
        "site_url: https://yourshop.invalid/",
        "site_url: https://myshop.example/",
    )
    replace_line(
        project / "campaigns" / "campaign.yaml",
        "  url: https://answers.yourshop.invalid",
        "  url: https://answers.myshop.example",
    )
    built = appreciate("build", "--strict", cwd=project)
    assert built.returncode == 0, built.stderr


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "notes.txt").write_text("mine")
    result = appreciate("new", "shop", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "Error: shop: exists and is not empty (hint: choose a new folder)"
    )
    assert sorted(p.name for p in (tmp_path / "shop").iterdir()) == ["notes.txt"]


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    assert appreciate("frobnicate", cwd=tmp_path).returncode == 2
    result = appreciate("build", "--config-file", "missing.yml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
