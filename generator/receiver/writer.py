"""Group commit: the inserts of concurrent requests share one transaction, so one disk flush.

Each request waits for its own batch's commit, so a 2xx still means "on disk"; under load a
commit carries dozens of rows, inserted with one executemany per table, and wakes the event
loop once.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, Table, insert

MAX_BATCH = 256
Row = tuple[Table, dict[str, Any], Any, "asyncio.Future[Any]"]
Outcome = tuple["asyncio.Future[Any]", Any, BaseException | None]


class GroupWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.pending: queue.SimpleQueue[Row | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="appreciate-writer", daemon=True)
        self.thread.start()

    def insert(self, table: Table, row: dict[str, Any], result: Any) -> asyncio.Future[Any]:
        """Insert ``row`` in the next transaction; the future gives ``result`` after the commit.

        Call it from the event loop; the loop is woken once per batch, not once per row.
        """
        future = asyncio.get_running_loop().create_future()
        self.pending.put((table, row, result, future))
        return future

    def close(self) -> None:
        self.pending.put(None)
        self.thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            item = self.pending.get()
            if item is None:
                return
            batch = [item]
            while len(batch) < MAX_BATCH:
                try:
                    more = self.pending.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self.pending.put(None)  # finish this batch, then stop
                    break
                batch.append(more)
            self._commit(batch)

    def _commit(self, batch: list[Row]) -> None:
        tables: dict[Table, list[dict[str, Any]]] = {}
        for table, row, _, _ in batch:
            tables.setdefault(table, []).append(row)
        try:
            with self.engine.begin() as connection:
                for table, rows in tables.items():
                    connection.execute(insert(table), rows)
        except Exception:  # one bad row (or a lost connection) must not fail the others
            outcomes: list[Outcome] = []
            for table, row, result, future in batch:
                try:
                    with self.engine.begin() as connection:
                        connection.execute(insert(table), [row])
                except Exception as exc:
                    outcomes.append((future, None, exc))
                else:
                    outcomes.append((future, result, None))
            _settle_all(outcomes)
            return
        _settle_all([(future, result, None) for _, _, result, future in batch])


def _settle_all(outcomes: list[Outcome]) -> None:
    """Hand the outcomes to each future's event loop, in one wake-up per loop."""
    by_loop: defaultdict[asyncio.AbstractEventLoop, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_loop[outcome[0].get_loop()].append(outcome)
    for loop, group in by_loop.items():
        if not loop.is_closed():
            loop.call_soon_threadsafe(_settle, group)


def _settle(group: list[Outcome]) -> None:
    for future, result, error in group:
        if future.done():  # the request went away
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)
