from __future__ import annotations

from pathlib import Path

import psycopg
from sqlalchemy import event, text

from generator.receiver.database import (
    _discard_lost_connections,
    engine_for,
    is_connection_error,
    unreachable,
)


def test_only_errors_of_the_connection_itself_discard_it() -> None:
    # what psycopg raises when a backend dies under executemany's pipeline
    assert is_connection_error(psycopg.OperationalError("cannot exit pipeline mode while busy"))
    assert is_connection_error(psycopg.OperationalError("consuming input failed"))
    # errors the server reports keep the connection (a cancelled query, a bad row)
    assert not is_connection_error(psycopg.errors.QueryCanceled("statement timeout"))
    assert not is_connection_error(psycopg.errors.UniqueViolation("duplicate key"))
    assert not is_connection_error(ValueError("not psycopg"))
    # and the receiver's PostgreSQL engines apply it
    engine = engine_for("postgresql://postgres@127.0.0.1:5432/test")
    try:
        assert event.contains(engine, "handle_error", _discard_lost_connections)
    finally:
        engine.dispose()


def test_sqlite_commits_durably_and_makes_its_folder(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path}/new/answers.sqlite3", statement_timeout=2.5)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 2500
    finally:
        engine.dispose()
    assert (tmp_path / "new").is_dir()


def test_an_unreachable_database_is_one_line_without_its_password() -> None:
    line = unreachable("postgresql://shop:s3cret@db.invalid:5432/answers", OSError("no such host"))
    assert line.startswith("DATABASE_URL: cannot open postgresql://shop:***@db.invalid:5432/")
    assert "s3cret" not in line and "\n" not in line
    assert unreachable("not a url at all s3cret", ValueError("x")).startswith(
        "DATABASE_URL: not a database URL"
    )
