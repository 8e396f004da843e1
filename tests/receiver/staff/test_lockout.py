"""The sign-in lock-out's counter: every failure counts, even when several arrive at once."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from generator.receiver.staff.lockout import (
    FIRST_WAIT,
    LONGEST_WAIT,
    keys,
    lock_for,
    record_failure,
    wait_seconds,
)
from generator.receiver.storage import Storage
from generator.receiver.tables import login_failures


def failures_of(storage: Storage, name: str) -> int:
    with storage.engine.connect() as connection:
        return int(
            connection.execute(
                select(login_failures.c.failures).where(login_failures.c.key == name)
            ).scalar_one()
        )


def test_waits_double_after_five_free_failures() -> None:
    assert [lock_for(n) for n in range(5)] == [None] * 5
    assert lock_for(5) == FIRST_WAIT
    assert lock_for(7) == FIRST_WAIT * 4
    assert lock_for(40) == LONGEST_WAIT
    assert keys(" Owner@Shop.Example ", "10.0.0.1") == [
        "account:owner@shop.example",
        "address:10.0.0.1",
    ]


def test_simultaneous_failures_all_count(database_url: str) -> None:
    storage = Storage(database_url)
    storage.migrate()
    names = keys("owner@shop.example", "192.0.2.7")
    threads, start = 8, threading.Barrier(8)

    def fail_once() -> None:
        start.wait()
        record_failure(storage.engine, names)

    workers = [threading.Thread(target=fail_once) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    try:
        assert [failures_of(storage, name) for name in names] == [threads, threads]
        # eight failures in a row: locked for 30 s x 2^3
        expected = (FIRST_WAIT * 2 ** (threads - 5)).total_seconds()
        assert expected - 5 < wait_seconds(storage.engine, names) <= expected
        assert timedelta(seconds=wait_seconds(storage.engine, names[:1])) <= LONGEST_WAIT
    finally:
        storage.close()
