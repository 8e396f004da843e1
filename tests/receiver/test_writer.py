"""The group writer: batches of concurrent inserts, and connections killed in the middle of them."""

from __future__ import annotations

import asyncio
import logging
import threading
import time

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from generator.receiver.storage import Storage


async def _add_batches(storage: Storage, rounds: int, per_round: int) -> tuple[list[str], int]:
    """Add ``rounds`` groups of concurrent answers; the codes acknowledged and the failures."""
    acknowledged: list[str] = []
    failed = 0
    for _ in range(rounds):
        futures = [
            storage.add_answer("test-month", "en", 9, {"recommend": "9"}, None, False)
            for _ in range(per_round)
        ]
        for outcome in await asyncio.gather(*futures, return_exceptions=True):
            if isinstance(outcome, str):
                acknowledged.append(outcome)
            elif isinstance(outcome, OperationalError):
                failed += 1
            else:
                raise AssertionError(f"unexpected outcome {outcome!r}")
    return acknowledged, failed


def test_concurrent_answers_share_a_commit_and_are_all_stored(database_url: str) -> None:
    """Forty answers at once are inserted together (group commit), and every one is stored."""
    storage = Storage(database_url)
    storage.migrate()
    inserts: list[bool] = []  # executemany, per INSERT

    @event.listens_for(storage.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT INTO ANSWERS"):
            inserts.append(executemany)

    try:
        acknowledged, failed = asyncio.run(_add_batches(storage, rounds=5, per_round=40))
        with storage.engine.connect() as connection:
            stored = {row[0] for row in connection.execute(text("select reward_code from answers"))}
    finally:
        storage.close()
    assert failed == 0
    assert len(acknowledged) == 200
    assert stored == set(acknowledged)
    assert len(inserts) < 200, f"{len(inserts)} INSERTs for 200 answers: no batching"
    assert any(inserts), "no executemany: the answers were not written together"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_killed_connections_fail_cleanly_mid_batch(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Backends killed while batches are written: errors, never a logged traceback or a lost 2xx.

    A connection killed inside psycopg's ``executemany`` (pipeline mode) could not be rolled
    back, and the pool logged "cannot exit pipeline mode while busy" with a traceback.
    """
    storage = Storage(database_url)
    storage.migrate()
    name = database_url.rsplit("/", 1)[1]
    stop_at = threading.Event()

    def kill_backends() -> None:
        with storage.engine.connect() as killer:
            killer.execute(text("select pg_backend_pid()"))  # the killer's own backend is spared
            while not stop_at.is_set():
                killer.execute(
                    text(
                        "select pg_terminate_backend(pid) from pg_stat_activity "
                        "where datname = :name and pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                )
                killer.commit()
                time.sleep(0.002)

    killer = threading.Thread(target=kill_backends)
    caplog.set_level(logging.WARNING, logger="sqlalchemy")
    try:
        killer.start()
        acknowledged, failed = asyncio.run(_add_batches(storage, rounds=50, per_round=8))
    finally:
        stop_at.set()
        killer.join()
    try:
        with storage.engine.connect() as connection:
            stored = {row[0] for row in connection.execute(text("select reward_code from answers"))}
    finally:
        storage.close()
    assert failed > 0, "no connection was killed mid-batch: the test proved nothing"
    assert set(acknowledged) <= stored
    logged = [record for record in caplog.records if record.exc_info or "pipeline" in record.msg]
    assert logged == [], [record.getMessage() for record in logged]
