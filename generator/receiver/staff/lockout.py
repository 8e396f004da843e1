"""Sign-in lock-out, per account and per client address: 5 free failures, then doubling waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from generator.receiver.tables import login_failures

FREE_FAILURES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
FORGET_AFTER = timedelta(hours=24)  # failures older than this start again from zero
COUNT_ATTEMPTS = 100  # each lost race means another failure was counted: this bounds a storm


def keys(email: str, address: str) -> list[str]:
    return [f"account:{email.strip().lower()}"[:320], f"address:{address}"[:320]]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def wait_seconds(engine: Engine, names: list[str]) -> float:
    """How long these keys stay locked (0: not locked)."""
    from generator.receiver.storage import now

    with engine.connect() as connection:
        rows = connection.execute(
            select(login_failures.c.locked_until).where(login_failures.c.key.in_(names))
        )
        until = [_aware(r.locked_until) for r in rows if r.locked_until is not None]
    moment = now()
    return max([(u - moment).total_seconds() for u in until] + [0.0])


def lock_for(failures: int) -> timedelta | None:
    """The wait after ``failures`` failures in a row: none for the first five, then 30 s, 1 min…"""
    if failures < FREE_FAILURES:
        return None
    wait: timedelta = FIRST_WAIT * 2 ** (failures - FREE_FAILURES)
    return min(wait, LONGEST_WAIT)


def record_failure(engine: Engine, names: list[str]) -> None:
    """Count one failed sign-in against each key, however many arrive at the same moment."""
    from generator.receiver.storage import now

    moment = now()
    for name in names:
        for _ in range(COUNT_ATTEMPTS):  # another failure counted in between: read it again
            if _count(engine, name, moment):
                break


def _count(engine: Engine, name: str, moment: datetime) -> bool:
    """Add one failure to ``name``'s count; False if another writer changed it first.

    A compare-and-set: the update applies only to the count that was read, so two failures at
    once never both write "one more than before" (on SQLite or PostgreSQL alike).
    """
    try:
        with engine.begin() as connection:
            row = connection.execute(
                select(login_failures.c.failures, login_failures.c.last_failure_at).where(
                    login_failures.c.key == name
                )
            ).first()
            if row is None:
                connection.execute(
                    insert(login_failures).values(
                        key=name, failures=1, last_failure_at=moment, locked_until=None
                    )
                )
                return True
            stale = moment - _aware(row.last_failure_at) > FORGET_AFTER
            failures = 1 if stale else row.failures + 1
            wait = lock_for(failures)
            changed = connection.execute(
                update(login_failures)
                .where(
                    login_failures.c.key == name,
                    login_failures.c.failures == row.failures,
                    login_failures.c.last_failure_at == row.last_failure_at,
                )
                .values(
                    failures=failures,
                    last_failure_at=moment,
                    locked_until=moment + wait if wait else None,
                )
            )
            return changed.rowcount == 1
    except IntegrityError:  # two first failures at once: the other one inserted the row
        return False


def clear(engine: Engine, name: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(login_failures).where(login_failures.c.key == name))
