"""ProperDocs, the maintained continuation of MkDocs 1.x, builds and publishes the demo:
`properdocs gh-deploy` with a properdocs.yml, to a bare repository on disk."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUILD_DAY, REPO
from tests.test_gh_deploy import git

if importlib.util.find_spec("properdocs") is None:
    pytestmark = pytest.mark.skipif(
        not os.environ.get("CI"), reason="ProperDocs is not installed (pip install -e '.[dev]')"
    )

BANNER = "Material for MkDocs reaches end of life"


def demo_project(tmp_path: Path) -> Path:
    """A copy of the demo; what changes with ProperDocs: the configuration's name (mkdocs.yml is
    still read, with a notice)."""
    project = tmp_path / "demo"
    for folder in ("campaigns", "content", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copyfile(REPO / "mkdocs.yml", project / "properdocs.yml")
    return project


def properdocs(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "properdocs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_properdocs_builds_and_publishes_the_demo(tmp_path: Path) -> None:
    project = demo_project(tmp_path)
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    git("init", "--quiet", "--initial-branch=main", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    identity = {
        f"GIT_{who}_{what}": value
        for who in ("AUTHOR", "COMMITTER")
        for what, value in (("NAME", "Marketer"), ("EMAIL", "marketer@shop.example"))
    }
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    env.update(identity, APPRECIATE_TODAY=BUILD_DAY)

    result = properdocs("gh-deploy", "--force", "--no-history", cwd=project, env=env)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert BANNER not in result.stderr + result.stdout
    assert "appreciate: audit" not in result.stderr or "no findings" in result.stderr
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    for page in ("index.html", "survey/index.html", "es/survey/index.html", "id/faq/index.html"):
        assert page in files, page
    landing = git("show", "gh-pages:index.html", cwd=remote)
    # site_name is left out: the start-up hook works under ProperDocs too
    assert "<title>Home - Kopi Kita Roasters</title>" in landing
    survey = git("show", "gh-pages:survey/index.html", cwd=remote)
    assert 'action="https://answers.kopikita.example/survey"' in survey


def test_properdocs_stops_a_site_not_ready_to_publish(tmp_path: Path) -> None:
    project = demo_project(tmp_path)
    env = {
        **os.environ,
        "APPRECIATE_TODAY": BUILD_DAY,
        "APPRECIATE_RECEIVER_URL": "http://127.0.0.1:8001",
    }

    result = properdocs("build", cwd=project, env=env)

    assert result.returncode != 0
    assert (
        "$APPRECIATE_RECEIVER_URL: 'http://127.0.0.1:8001' is a loopback address" in result.stderr
    )
    assert not (project / "site").exists()
