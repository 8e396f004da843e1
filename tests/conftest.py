"""Shared fixtures: a tiny shop project per test, and the commands run as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "shop"
REPO = Path(__file__).parent.parent
BUILD_DAY = "2026-11-25"


def command_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "APPRECIATE_TODAY": BUILD_DAY}
    env.update(extra)
    return env


def _run(
    module: str, args: tuple[str, ...], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=command_env(**env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def appreciate(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the ``appreciate`` command as a user would."""
    return _run("generator", args, cwd, env)


def mkdocs(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs`` as a marketer would."""
    return _run("mkdocs", args, cwd, env)


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the one line that reads ``old`` with ``new``; return its line number (1-based)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    matches = [i for i, line in enumerate(lines) if line == old]
    assert len(matches) == 1, f"{old!r} found {len(matches)} times in {path}"
    lines[matches[0]] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return matches[0] + 1


MKDOCS_I18N = """\
site_name: Test Shop
site_url: https://shop.example/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - appreciate:
      campaign: campaigns/{campaign}
  - i18n:
      docs_structure: suffix
      languages:
{languages}
"""
THREE = """\
        - {locale: en, default: true, name: English}
        - {locale: es, name: Español}
        - {locale: id, name: Bahasa Indonesia}"""


def three_languages(root: Path) -> Path:
    """A copy of the tiny shop at ``root``, built in English, Spanish and Indonesian."""
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(
        MKDOCS_I18N.format(campaign="three-languages.yaml", languages=THREE), encoding="utf-8"
    )
    return root


SiteFactory = Callable[..., Path]


@pytest.fixture
def site_factory(tmp_path: Path) -> SiteFactory:
    """A copy of the tiny shop; ``files`` adds (or with ``None`` removes) files in it."""

    def make(files: dict[str, str | None] | None = None, name: str = "shop") -> Path:
        root = tmp_path / name
        shutil.copytree(FIXTURE, root)
        for relative, text in (files or {}).items():
            target = root / relative
            if text is None:
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        return root

    return make
