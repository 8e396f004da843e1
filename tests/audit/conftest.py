"""Tiny static sites written file by file, with real images made by Pillow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from PIL import Image

Png = tuple[int, int]


class Link(NamedTuple):
    """A symbolic link to ``target`` (relative to the link's folder, or absolute)."""

    target: str


SiteFiles = dict[str, "str | bytes | Png | Link"]
StaticSite = Callable[[SiteFiles], Path]


def page(body: str, head: str = "") -> str:
    return f'<!doctype html>\n<html lang="en">\n<head>\n<title>t</title>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n'


def write_site(root: Path, files: SiteFiles) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, tuple):
            Image.new("RGB", content, "#6b3e26").save(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def static_site(tmp_path: Path) -> StaticSite:
    counter = iter(range(1000))

    def make(files: SiteFiles) -> Path:
        return write_site(tmp_path / f"site{next(counter)}", files)

    return make
