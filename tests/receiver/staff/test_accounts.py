"""``appreciate staff``: accounts in the receiver's database, argon2 hashes, never the password."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from generator.receiver.staff import accounts
from tests.conftest import command_env

PASSWORD = "a long enough password"


def appreciate(
    *args: str, cwd: Path, input_text: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """``appreciate`` as a person runs it, with ``input_text`` typed on stdin."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=command_env(**env),
        input=input_text,
        capture_output=True,
        text=True,
        check=False,
    )


def _database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'answers.sqlite3'}"


def test_add_list_password_remove(tmp_path: Path) -> None:
    url = _database(tmp_path)
    run = {"cwd": tmp_path, "DATABASE_URL": url}
    added = appreciate(
        "staff",
        "add",
        "Owner@Shop.example",
        "--role",
        "owner",
        "--password-stdin",
        input_text=PASSWORD + "\n",
        **run,
    )
    assert added.returncode == 0, added.stderr
    assert (
        appreciate(
            "staff",
            "add",
            "clerk@shop.example",
            "--password-stdin",
            input_text=PASSWORD + "\n",
            **run,
        ).returncode
        == 0
    )
    listed = appreciate("staff", "list", **run)
    assert listed.stdout.splitlines() == ["owner@shop.example\towner", "clerk@shop.example\tstaff"]
    engine = create_engine(url)
    with engine.connect() as connection:
        hashes = [row[0] for row in connection.execute(text("select password_hash from staff"))]
    engine.dispose()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    for output in (added.stdout, added.stderr):
        assert PASSWORD not in output
    changed = appreciate(
        "staff",
        "password",
        "clerk@shop.example",
        "--password-stdin",
        input_text="another long password\n",
        **run,
    )
    assert changed.returncode == 0, changed.stderr
    engine = create_engine(url)
    assert accounts.verify(engine, "clerk@shop.example", "another long password") is not None
    assert accounts.verify(engine, "clerk@shop.example", PASSWORD) is None
    engine.dispose()
    assert appreciate("staff", "remove", "clerk@shop.example", **run).returncode == 0
    last = appreciate("staff", "remove", "owner@shop.example", **run)
    assert last.returncode == 2 and "only owner" in last.stderr and "Traceback" not in last.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("add", "clerk@shop.example", "--password-stdin"), "short\n", "at least 12 characters"),
        (
            ("add", "not-an-address", "--password-stdin"),
            PASSWORD + "\n",
            "is not an e-mail address",
        ),
        (("remove", "nobody@shop.example"), "", "has no account"),
        (
            ("password", "nobody@shop.example", "--password-stdin"),
            PASSWORD + "\n",
            "has no account",
        ),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], stdin: str, message: str
) -> None:
    done = appreciate(
        "staff", *args, cwd=tmp_path, input_text=stdin, DATABASE_URL=_database(tmp_path)
    )
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_the_same_email_twice_is_refused(tmp_path: Path) -> None:
    engine = create_engine(_database(tmp_path))
    from generator.receiver.storage import Storage

    Storage(_database(tmp_path)).migrate()
    accounts.add(engine, "a@shop.example", "staff", PASSWORD)
    with pytest.raises(accounts.AccountError, match="has an account already"):
        accounts.add(engine, "A@shop.example", "owner", PASSWORD)
    engine.dispose()


def test_a_database_that_cannot_be_opened_is_named_without_its_password(tmp_path: Path) -> None:
    # port 9 on loopback: nothing listens, the connection is refused at once
    url = "postgresql://shop:s3cret-pass@127.0.0.1:9/answers"
    done = appreciate("staff", "list", cwd=tmp_path, DATABASE_URL=url)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: DATABASE_URL: cannot open postgresql://shop:***@")
    assert "s3cret-pass" not in done.stderr + done.stdout
    assert len(done.stderr.strip().splitlines()) == 1
