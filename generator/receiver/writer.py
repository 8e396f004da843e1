"""Group commit: the inserts of concurrent requests share one transaction, so one disk flush.

Each request waits for its own batch's commit, so a 2xx still means "on disk"; under load a
commit carries dozens of answers instead of one, and a fsync per answer stops being the limit.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

T = TypeVar("T")
Work = Callable[[Connection], Any]
MAX_BATCH = 256


class GroupWriter:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.pending: queue.SimpleQueue[tuple[Work, Future[Any]] | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="appreciate-writer", daemon=True)
        self.thread.start()

    def submit(self, work: Callable[[Connection], T]) -> Future[T]:
        """Run ``work`` in the next transaction; the future resolves after its commit."""
        future: Future[T] = Future()
        self.pending.put((work, future))
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

    def _commit(self, batch: list[tuple[Work, Future[Any]]]) -> None:
        try:
            with self.engine.begin() as connection:
                results = [work(connection) for work, _ in batch]
        except Exception:  # one bad item (or a lost connection) must not fail the others
            for work, future in batch:
                try:
                    with self.engine.begin() as connection:
                        result = work(connection)
                except Exception as exc:
                    future.set_exception(exc)
                else:
                    future.set_result(result)
            return
        for (_, future), result in zip(batch, results, strict=True):
            future.set_result(result)
