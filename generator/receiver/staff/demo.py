"""``make console``: the staff console with a few demo complaints, in a local SQLite file.

    .venv/bin/python -m generator.receiver.staff.demo [--port 8001]

Seeds ``private/console-demo.sqlite3`` once (complaints in three languages, one overdue, one
answered; a detractor's survey answer; a few more answers), gives the demo owner a new random
password at every start, prints how to sign in, and runs the receiver.
"""

from __future__ import annotations

import argparse
import os
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, func, insert, select

from generator.receiver.staff import accounts
from generator.receiver.storage import Storage, now
from generator.receiver.tables import answers, complaints, replies

DATABASE = "sqlite:///private/console-demo.sqlite3"
OWNER = "owner@kopikita.example"

# (language, name, e-mail, phone, order, message, hours until due; negative: overdue)
COMPLAINTS = [
    (
        "en",
        "Maya",
        "maya@example.com",
        "+62 812 3456 7890",
        "#1042",
        "The beans I ordered arrived two days late and the bag was torn.",
        -3,
    ),
    (
        "es",
        "Lucía",
        "lucia@example.com",
        None,
        "#1051",
        "El molinillo hace un ruido extraño desde la primera semana.",
        20,
    ),
    (
        "id",
        "Budi",
        "budi@example.com",
        "+62 811 222 333",
        None,
        "Kode diskon saya tidak bisa dipakai di kasir.",
        2,
    ),
]


# (score, e-mail of a detractor who asked to be contacted; None: a happy customer)
SURVEY: list[tuple[int, str | None]] = [(3, "rudi@example.com"), (9, None), (10, None), (7, None)]


def seed(engine: Engine) -> bool:
    """Demo complaints and answers, once; ``False`` when the database has complaints already."""
    with engine.begin() as connection:
        if connection.execute(select(func.count()).select_from(complaints)).scalar_one():
            return False
        moment = now()
        _open_complaints(connection, moment)
        _answered_complaint(connection, moment)
        _survey_answers(connection, moment)
    return True


def _open_complaints(connection: Connection, moment: datetime) -> None:
    """``COMPLAINTS``, each received a day before it is due."""
    for n, (lang, name, email, phone, order, message, due) in enumerate(COMPLAINTS):
        received = moment - timedelta(hours=24 - due)
        connection.execute(
            insert(complaints).values(
                campaign="appreciation-2026",
                received_at=received,
                lang=lang,
                ticket=f"T-DEMO{n + 1}",
                name=name,
                email=email,
                phone=phone,
                order_ref=order,
                message=message,
                due_at=received + timedelta(hours=24),
                notified_at=received,
            )
        )


def _answered_complaint(connection: Connection, moment: datetime) -> None:
    """A complaint answered an hour after it came, with the owner's reply."""
    answered_at = moment - timedelta(hours=5)
    result = connection.execute(
        insert(complaints).values(
            campaign="appreciation-2026",
            received_at=moment - timedelta(hours=6),
            lang="en",
            ticket="T-DEMO4",
            name="Sam",
            email="sam@example.com",
            message="Can I change the grind of my subscription?",
            notified_at=answered_at,
            due_at=moment + timedelta(hours=18),
            answered_at=answered_at,
            first_response_at=answered_at,
        )
    )
    connection.execute(
        insert(replies).values(
            item_kind="complaint",
            item_id=(result.inserted_primary_key or [0])[0],
            kind="reply",
            staff_email=OWNER,
            created_at=answered_at,
            body="Of course: reply with the grind you like and we change it from the next bag.",
        )
    )


def _survey_answers(connection: Connection, moment: datetime) -> None:
    """``SURVEY``, an hour apart; the detractor's answer is a ticket to follow up."""
    for n, (score, contact) in enumerate(SURVEY):
        detractor = contact is not None
        connection.execute(
            insert(answers).values(
                campaign="appreciation-2026",
                received_at=moment - timedelta(hours=n + 1),
                lang="en",
                nps=score,
                answers={"why": "The café was too loud." if detractor else "Great coffee."},
                email=contact,
                consent=detractor,
                reward_code=f"DEMQRSTUV{n + 2}",
                ticket="S-DEMO1" if detractor else None,
                due_at=moment + timedelta(hours=23 - n) if detractor else None,
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="The staff console with demo complaints.")
    parser.add_argument("--port", type=int, default=8001)
    options = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DATABASE)
    storage = Storage(os.environ["DATABASE_URL"])
    storage.migrate()
    seeded = seed(storage.engine)
    password = secrets.token_urlsafe(12)
    try:
        accounts.add(storage.engine, OWNER, "owner", password)
    except accounts.AccountError:
        accounts.set_password(storage.engine, OWNER, password)
    storage.close()
    print(
        ("Seeded demo complaints into " if seeded else "Demo data in ")
        + os.environ["DATABASE_URL"].removeprefix("sqlite:///")
        + f"\nSign in at http://127.0.0.1:{options.port}/staff/login"
        + f"\n  e-mail:   {OWNER}\n  password: {password}   (a new one at every start)\n"
    )
    from generator.cli import main as appreciate

    appreciate(["receiver", "--port", str(options.port)])


if __name__ == "__main__":
    main()
