"""Real receivers: uvicorn started by the test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import FIXTURE, command_env

CAMPAIGN = FIXTURE / "campaigns" / "three-languages.yaml"
ADMIN, STAFF = "admin-token-for-tests", "staff-token-for-tests"
SITE = "https://shop.example"
POSTGRES = os.environ.get("DATABASE_URL", "").strip() or "postgresql://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sqlalchemy_url(url: str) -> str:
    return (
        "postgresql+psycopg://" + url.removeprefix("postgresql://")
        if url.startswith("postgresql://")
        else url
    )


def _postgres_answers() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it answers."""
    engine = create_engine(_sqlalchemy_url(POSTGRES), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as exc:  # any failure to connect means: no server here
        return f"{POSTGRES}: {type(exc).__name__}"
    finally:
        engine.dispose()
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'answers.sqlite3'}"
        return
    problem = _postgres_answers()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must answer in CI: {problem}")
        pytest.skip(f"PostgreSQL does not answer ({problem}); CI runs these tests")
    name = f"appreciate_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_sqlalchemy_url(POSTGRES), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = POSTGRES.rpartition("/")
    yield f"{base}/{name}"
    with admin.connect() as connection:
        connection.execute(
            text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        )
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@dataclass
class Receiver:
    url: str
    database_url: str
    process: subprocess.Popen[str]
    env: dict[str, str]

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]

    def query(self, sql: str, **params: object) -> list[Any]:
        """Rows of ``sql`` on the receiver's database, read directly (not through the service)."""
        engine = create_engine(_sqlalchemy_url(self.database_url))
        try:
            with engine.begin() as connection:
                result = connection.execute(text(sql), params)
                return list(result) if result.returns_rows else []
        finally:
            engine.dispose()

    def count(self, table: str) -> int:
        return int(self.query(f"select count(*) from {table}")[0][0])


def start_receiver(
    database_url: str,
    *flags: str,
    campaign: Path = CAMPAIGN,
    access_log: Path | None = None,
    output: Path | None = None,
    port: int | None = None,
    **env: str,
) -> Receiver:
    """``appreciate receiver`` with ``flags``: its standard output (the access log) to
    ``access_log``, or both its outputs to ``output``; on ``port``, else a free one."""
    port = port or _free_port()
    settings = {
        "DATABASE_URL": database_url,
        "APPRECIATE_ADMIN_TOKEN": ADMIN,
        "APPRECIATE_STAFF_TOKEN": STAFF,
        "APPRECIATE_SITE_ORIGIN": SITE,
        "APPRECIATE_RATE_LIMIT": "0",
        "APPRECIATE_CODE_KEY": "a-code-key-for-the-tests",
        **env,
    }
    written = output or access_log
    log = written.open("w") if written else None
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "receiver",
            "--campaign",
            str(campaign),
            "--port",
            str(port),
            *flags,
        ],
        env=command_env(**settings),
        stdin=subprocess.DEVNULL,
        stdout=log if log is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output else subprocess.PIPE,
        text=True,
    )
    if log is not None:
        log.close()  # the receiver has its own copy of the file
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # a bound on start-up, not a speed test
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = output.read_text() if output else process.stderr.read() if process.stderr else ""
            raise AssertionError(f"the receiver stopped: {said}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return Receiver(url, database_url, process, settings)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the receiver did not start")


def stop(receiver: Receiver) -> str:
    receiver.process.terminate()
    try:
        _, stderr = receiver.process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        receiver.process.kill()
        _, stderr = receiver.process.communicate()
    return stderr or ""


@pytest.fixture
def receiver(database_url: str) -> Iterator[Receiver]:
    running = start_receiver(database_url)
    yield running
    stderr = stop(running)
    assert "Traceback" not in stderr, stderr
