"""``mkdocs gh-deploy`` publishes the campaign site to a gh-pages branch."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import SiteFactory, mkdocs


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_gh_deploy_to_a_local_bare_repository(site_factory: SiteFactory, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    root = site_factory()
    identity = ("-c", "user.name=Marketer", "-c", "user.email=marketer@shop.example")
    git("init", "--quiet", "--initial-branch=main", cwd=root)
    git(*identity, "add", ".", cwd=root)
    git(*identity, "commit", "--quiet", "-m", "campaign", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)

    result = mkdocs(
        "gh-deploy",
        "--force",
        "--no-history",
        cwd=root,
        GIT_AUTHOR_NAME="Marketer",
        GIT_AUTHOR_EMAIL="marketer@shop.example",
        GIT_COMMITTER_NAME="Marketer",
        GIT_COMMITTER_EMAIL="marketer@shop.example",
    )

    assert result.returncode == 0, result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files
    assert "survey/index.html" in files
    assert ".nojekyll" in files
    landing = git("show", "gh-pages:index.html", cwd=remote)
    assert "Customer Appreciation Month" in landing
