"""The inbox's open-items page at 100,000 rows: with its index, against the same query without.

    .venv/bin/python benchmarks/inbox.py [--rows 100000] [--runs 50] [--database-url URL]

The database (SQLite in a temporary folder unless ``--database-url`` names an empty PostgreSQL
database) holds ``--rows`` complaints and as many survey answers; 1 % of the complaints and
every tenth followed-up detractor's answer are open (the other answers are never
answered: their ``answered_at`` stays empty). The query is the console's first page of open
items (``generator.receiver.staff.inbox.inbox_query``), timed ``--runs`` times; then the
``ix_complaints_inbox`` and ``ix_answers_inbox`` partial indexes are dropped (the baseline)
and it is timed again. The median of each and their ratio are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, text

from generator.receiver.staff.inbox import inbox_query
from generator.receiver.storage import Storage
from generator.receiver.tables import answers, complaints


def fill(engine: Engine, rows: int) -> None:
    rng = random.Random(7)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    batch_c, batch_a = [], []
    for n in range(rows):
        received = start + timedelta(seconds=rng.randrange(30 * 24 * 3600))
        is_open = rng.random() < 0.01
        answered = None if is_open else received + timedelta(hours=rng.random() * 30)
        batch_c.append(
            {
                "campaign": "bench",
                "received_at": received,
                "lang": rng.choice(("en", "es", "id")),
                "ticket": f"T-{n:08d}",
                "name": "Customer",
                "email": f"c{n}@example.com",
                "message": "My parcel came late " * 5,
                "due_at": received + timedelta(hours=24),
                "answered_at": answered,
                "first_response_at": answered,
            }
        )
        nps = rng.randrange(11)
        followed = nps <= 6 and rng.random() < 0.5
        batch_a.append(
            {
                "campaign": "bench",
                "received_at": received,
                "lang": "en",
                "nps": nps,
                "answers": {"why": "because"},
                "email": f"a{n}@example.com" if followed else None,
                "consent": followed,
                "reward_code": f"R{n:09d}",
                "ticket": f"S-{n:08d}" if followed else None,
                "due_at": received + timedelta(hours=24) if followed else None,
                # only followed-up answers are ever answered; the others stay NULL, like the shop's
                "answered_at": received if followed and rng.random() < 0.9 else None,
            }
        )
        if len(batch_c) == 5000:
            with engine.begin() as connection:
                connection.execute(insert(complaints), batch_c)
                connection.execute(insert(answers), batch_a)
            batch_c, batch_a = [], []
    if batch_c:
        with engine.begin() as connection:
            connection.execute(insert(complaints), batch_c)
            connection.execute(insert(answers), batch_a)
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def timed(engine: Engine, runs: int) -> float:
    query = inbox_query("open", "", 1)
    with engine.connect() as connection:
        connection.execute(query).all()  # warm the cache
        times = []
        for _ in range(runs):
            begin = time.perf_counter()
            connection.execute(query).all()
            times.append(time.perf_counter() - begin)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--database-url")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = options.database_url or f"sqlite:///{Path(folder) / 'inbox.sqlite3'}"
        storage = Storage(url)
        storage.migrate()
        fill(storage.engine, options.rows)
        indexed = timed(storage.engine, options.runs)
        with storage.engine.begin() as connection:
            connection.execute(text("DROP INDEX ix_complaints_inbox"))
            connection.execute(text("DROP INDEX ix_answers_inbox"))
            connection.execute(text("ANALYZE"))
        baseline = timed(storage.engine, options.runs)
        storage.close()
    kind = url.split(":")[0]
    print(f"{kind}, {options.rows:,} complaints and answers, first page of open items:")
    print(f"  baseline, no index: {baseline * 1000:8.2f} ms")
    print(f"  with the index:     {indexed * 1000:8.2f} ms  ({baseline / indexed:.1f}x faster)")


if __name__ == "__main__":
    main()
