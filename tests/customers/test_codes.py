"""Personal codes: derived, verifiable, from a key that never comes from git."""

from __future__ import annotations

import csv
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.customers.codes import (
    ALPHABET,
    CodeKeyError,
    canonical_code,
    load_key,
    personal_code,
    verify,
)
from tests.conftest import REPO, appreciate

KEY = b"k" * 32


def test_codes_use_an_unambiguous_alphabet_and_the_asked_length() -> None:
    assert not set("0O1IL") & set(ALPHABET)
    for length in (8, 10, 12):
        code = personal_code(KEY, "spring", "ana@example.com", length)
        assert len(code) == length and set(code) <= set(ALPHABET)


def test_codes_are_stable_and_personal() -> None:
    code = personal_code(KEY, "spring", "ana@example.com")
    assert personal_code(KEY, "spring", " Ana@Example.com ") == code  # same customer
    assert personal_code(KEY, "autumn", "ana@example.com") != code  # another campaign
    assert personal_code(KEY, "spring", "bo@example.com") != code  # another customer
    assert personal_code(b"x" * 32, "spring", "ana@example.com") != code  # another key


def test_verify() -> None:
    code = personal_code(KEY, "spring", "ana@example.com", 9)
    assert verify(code, "ana@example.com", "spring", KEY, 9)
    assert verify(code.lower() + " ", "ana@example.com", "spring", KEY, 9)
    assert not verify(code, "bo@example.com", "spring", KEY, 9)
    assert not verify(
        code[:-1] + ("A" if code[-1] != "A" else "B"), "ana@example.com", "spring", KEY, 9
    )
    assert not verify("SHORT", "ana@example.com", "spring", KEY, 9)


def test_only_the_issued_length_verifies() -> None:
    code = personal_code(KEY, "spring", "ana@example.com", 10)
    assert verify(code, "ana@example.com", "spring", KEY, 10)
    for length in range(8, 13):
        other = personal_code(KEY, "spring", "ana@example.com", length)
        assert verify(other, "ana@example.com", "spring", KEY, length)
        if length != 10:  # its prefix or a longer code of the same HMAC
            assert not verify(other, "ana@example.com", "spring", KEY, 10), length
    assert not verify(code + "A", "ana@example.com", "spring", KEY, 10)


SPELLINGS = {
    "as issued": lambda c: c,
    "lower case": str.lower,
    "spaces around": lambda c: f" {c} ",
    "a dash between groups": lambda c: f"{c[:5]}-{c[5:]}",
    "lower case with a space": lambda c: f"{c[:5]} {c[5:]}".lower(),
    "a tab": lambda c: f"{c[:3]}\t{c[3:]}",
}


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_every_accepted_spelling_is_the_issued_code(spelling: Callable[[str], str]) -> None:
    code = personal_code(KEY, "spring", "ana@example.com", 10)
    assert canonical_code(spelling(code)) == code


@pytest.mark.parametrize("typed", ["", " - ", "ABCDEFGH0", "ABCD_EFGH", "ABCDEFGHß", "ABC.DEFGH"])
def test_what_cannot_be_a_code(typed: str) -> None:
    assert canonical_code(typed) is None


def test_key_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("APPRECIATE_CODE_KEY", "a-secret-of-enough-length")
    assert load_key(tmp_path / "none.key") == b"a-secret-of-enough-length"
    monkeypatch.setenv("APPRECIATE_CODE_KEY", "short")
    with pytest.raises(CodeKeyError, match="too short"):
        load_key(tmp_path / "none.key")


def test_key_file_is_made_once_with_mode_0600(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("APPRECIATE_CODE_KEY", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)  # not a git work tree
    path = tmp_path / "private" / "code.key"
    key = load_key(path, create=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path, create=True) == key


def test_in_ci_a_missing_key_is_an_error_never_a_new_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("APPRECIATE_CODE_KEY", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(CodeKeyError) as caught:
        load_key(tmp_path / "code.key", create=True)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("no code key: $APPRECIATE_CODE_KEY is not set")
    assert not (tmp_path / "code.key").exists()


def test_a_key_file_git_would_track_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("APPRECIATE_CODE_KEY", raising=False)
    monkeypatch.delenv("CI", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    with pytest.raises(CodeKeyError, match="git would track this file"):
        load_key(tmp_path / "code.key", create=True)
    (tmp_path / ".gitignore").write_text("*.key\n")
    assert load_key(tmp_path / "code.key", create=True)


def test_codes_command_writes_the_mail_merge_and_shop_import(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = appreciate(
        "codes", "--campaign", str(REPO / "campaigns" / "appreciation-2026.yaml"),
        "--out", str(out), "--key-file", str(tmp_path / "code.key"),
        cwd=tmp_path, APPRECIATE_CODE_KEY="demo-key-for-the-test-suite",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with (out / "mail-merge.csv").open(encoding="utf-8") as handle:
        merge = list(csv.DictReader(handle))
    with (out / "shop-import.csv").open(encoding="utf-8") as handle:
        shop = list(csv.DictReader(handle))
    assert list(merge[0]) == ["first_name", "email", "code", "tier", "expires"]
    assert {row["tier"] for row in merge} == {"gold", "silver"}  # the offer's tiers only
    assert len({row["email"] for row in merge}) == len(merge)  # each customer once
    assert [row["code"] for row in merge] == [row["code"] for row in shop]
    assert {row["usage_limit"] for row in shop} == {"1"}
    key = b"demo-key-for-the-test-suite"
    assert all(verify(row["code"], row["email"], "appreciation-2026", key, 10) for row in merge)
    assert stat.S_IMODE((out / "mail-merge.csv").stat().st_mode) == 0o600
    assert f"{len(merge)} codes issued" in result.stdout


def test_codes_command_in_ci_without_a_key(tmp_path: Path) -> None:
    result = appreciate(
        "codes", "--campaign", str(REPO / "campaigns" / "appreciation-2026.yaml"),
        "--out", str(tmp_path / "out"), "--key-file", str(tmp_path / "code.key"), cwd=tmp_path, CI="true",
        APPRECIATE_CODE_KEY="",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
