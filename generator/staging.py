"""Nothing half-written: files and folders are written beside their place, then renamed into it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def staged_site(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it becomes ``target``.

    On any exception the staging folder is removed and ``target`` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes 0700; a served or checked site must be world-readable
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_folder(staging, target)


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with two renames on the same file system."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _beside(path: Path) -> Path:
    """A name in ``path``'s folder (the rename stays on one file system) no other process uses."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_replacing(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path``: readers see the old file or the new one,
    never a part; the folder is made when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = _beside(path)
    try:
        if isinstance(content, bytes):
            staging.write_bytes(content)
        else:
            staging.write_text(content, encoding="utf-8")
        os.replace(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


@contextmanager
def staged_files(*paths: Path, mode: int = 0o600) -> Iterator[list[TextIO]]:
    """Text files to write beside ``paths`` (``mode``, private by default); they take the paths'
    places together when the block ends without an exception, and are removed when it fails."""
    staged = []
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged.append(_beside(path))
    handles: list[TextIO] = []
    try:
        for staging in staged:
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
            handles.append(os.fdopen(fd, "w", encoding="utf-8", newline=""))
        yield handles
        for handle in handles:
            handle.close()
    except BaseException:
        for handle in handles:
            handle.close()
        for staging in staged:
            staging.unlink(missing_ok=True)
        raise
    for staging, path in zip(staged, paths, strict=True):
        os.replace(staging, path)
