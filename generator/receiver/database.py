"""Connections to the answers database: SQLite (durable, WAL) or PostgreSQL, every wait bounded."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url


def engine_for(url: str, connect_timeout: float = 5.0, statement_timeout: float = 5.0) -> Engine:
    """An engine that survives a dropped connection and, on SQLite, commits durably (WAL, FULL).

    No wait is unbounded: a connection is given up after ``connect_timeout`` seconds, a
    statement (PostgreSQL) or a wait for SQLite's lock after ``statement_timeout``.
    """
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": statement_timeout, "check_same_thread": False}
        )
        busy_ms = round(statement_timeout * 1000)

        @event.listens_for(engine, "connect")
        def _pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(
                "PRAGMA synchronous=FULL"
            )  # a 2xx only after the commit reached the disk
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            cursor.close()

        return engine
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=connect_timeout,
        connect_args={
            "connect_timeout": max(1, math.ceil(connect_timeout)),  # libpq takes whole seconds
            "options": f"-c statement_timeout={round(statement_timeout * 1000)}",
        },
    )
    event.listen(engine, "handle_error", _discard_lost_connections)
    return engine


def unreachable(url: str, error: BaseException) -> str:
    """One line for a database that cannot be opened: the URL (no password), what failed, a hint."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say so, without echoing what may hold a password
        return "DATABASE_URL: not a database URL (hint: sqlite:///private/answers.sqlite3 or postgresql://user@host:5432/db)"
    cause = getattr(error, "orig", None) or error
    what = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    return (
        f"DATABASE_URL: cannot open {shown}: {what} "
        "(hint: is the database running and reachable, and the URL's host, port, user and "
        "database right?)"
    )


def is_connection_error(error: BaseException) -> bool:
    """Whether psycopg raised ``error`` itself (no SQLSTATE): the connection, not the SQL, failed.

    One such error needs this: a backend killed while psycopg's ``executemany`` runs in pipeline
    mode raises "cannot exit pipeline mode while busy" on a connection psycopg still calls open.
    SQLAlchemy would roll it back, fail again, and log the failure as a traceback in the pool.
    """
    return isinstance(error, psycopg.OperationalError) and error.sqlstate is None


def _discard_lost_connections(context: ExceptionContext) -> None:
    if is_connection_error(context.original_exception):
        context.is_disconnect = True  # invalidated, not rolled back or reused
