"""Nothing half-written: a file or folder is replaced whole, or left as it was."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from generator.staging import staged_files, staged_site, write_replacing


def test_write_replacing_makes_the_folder_and_leaves_no_staging_file(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "entry.json"
    write_replacing(target, "{}")
    write_replacing(target, b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"
    assert [p.name for p in target.parent.iterdir()] == ["entry.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "entry.json"
    target.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        write_replacing(target, "new \ud800")  # a lone surrogate cannot be UTF-8
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]


def test_staged_files_appear_together_and_private(tmp_path: Path) -> None:
    first, second = tmp_path / "out" / "a.csv", tmp_path / "out" / "b.csv"
    with staged_files(first, second) as (a, b):
        a.write("a\n")
        b.write("b\n")
        assert not first.exists() and not second.exists()  # not before the block ends
    assert first.read_text() == "a\n" and second.read_text() == "b\n"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600


def test_staged_files_that_fail_leave_the_old_ones(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("old")
    with pytest.raises(RuntimeError), staged_files(first, tmp_path / "b.csv") as (a, _):
        a.write("new")
        raise RuntimeError("the list could not be read")
    assert first.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_a_failed_build_keeps_the_old_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    with pytest.raises(RuntimeError), staged_site(site) as staging:
        (staging / "index.html").write_text("new")
        raise RuntimeError("the build failed")
    assert (site / "index.html").read_text() == "old"
    with staged_site(site) as staging:
        (staging / "index.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
