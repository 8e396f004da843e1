"""``make console``'s demo data: seeded once, and what the inbox shows first."""

from __future__ import annotations

from pathlib import Path

from generator.receiver.staff.demo import seed
from generator.receiver.staff.inbox import page_of
from generator.receiver.storage import Storage


def test_the_demo_is_seeded_once_and_the_overdue_complaint_comes_first(tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        storage.migrate()
        assert seed(storage.engine) is True
        assert seed(storage.engine) is False
        rows, more = page_of(storage.engine, "open", "", 1)
        answered, _ = page_of(storage.engine, "answered", "", 1)
    finally:
        storage.close()
    assert [r.ticket for r in rows] == ["T-DEMO1", "T-DEMO3", "T-DEMO2", "S-DEMO1"]
    assert not more and [r.ticket for r in answered] == ["T-DEMO4"]
