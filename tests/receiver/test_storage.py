"""The receiver's storage: its migrations build exactly the tables the code declares."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from generator.receiver.storage import Storage
from generator.receiver.tables import metadata


def test_the_migrations_build_the_declared_tables(database_url: str) -> None:
    storage = Storage(database_url)
    try:
        storage.migrate()
        with storage.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        storage.close()
    assert differences == []
