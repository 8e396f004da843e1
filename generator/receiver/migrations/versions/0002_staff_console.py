"""The staff console: accounts, sessions, replies, the mail outbox, check-backs; inbox columns.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)
# the inbox's open items, by due time (partial indexes, as in tables.py)
OPEN = "answered_at IS NULL"
OPEN_ANSWER = "answered_at IS NULL AND due_at IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("complaints") as complaints:
        complaints.add_column(sa.Column("first_response_at", WHEN, nullable=True))
        complaints.add_column(sa.Column("notified_at", WHEN, nullable=True))
        complaints.create_index(
            "ix_complaints_inbox",
            ["due_at"],
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )
        complaints.create_index("ix_complaints_notified_at", ["notified_at"])
    # the complaints already here were seen in the report: the shop is not mailed them all now
    op.execute(sa.text("UPDATE complaints SET notified_at = received_at"))
    with op.batch_alter_table("answers") as answers:
        answers.add_column(sa.Column("ticket", sa.String(16), nullable=True))
        answers.add_column(sa.Column("due_at", WHEN, nullable=True))
        answers.add_column(sa.Column("answered_at", WHEN, nullable=True))
        answers.add_column(sa.Column("first_response_at", WHEN, nullable=True))
        answers.create_unique_constraint("uq_answers_ticket", ["ticket"])
        answers.create_index(
            "ix_answers_inbox",
            ["due_at"],
            sqlite_where=sa.text(OPEN_ANSWER),
            postgresql_where=sa.text(OPEN_ANSWER),
        )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "staff_id", sa.Integer, sa.ForeignKey("staff.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("last_seen_at", WHEN, nullable=False),
    )
    op.create_index("ix_staff_sessions_staff_id", "staff_sessions", ["staff_id"])
    op.create_table(
        "setup_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("used_at", WHEN, nullable=True),
    )
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(320), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", WHEN, nullable=False),
        sa.Column("locked_until", WHEN, nullable=True),
    )
    op.create_table(
        "replies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("staff_email", sa.String(254), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_replies_item", "replies", ["item_kind", "item_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(64), nullable=True),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", WHEN, nullable=False),
        sa.Column("sent_at", WHEN, nullable=True),
    )
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])
    op.create_table(
        "mail_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "outbox_id", sa.Integer, sa.ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("attempted_at", WHEN, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
    )
    op.create_index("ix_mail_attempts_outbox_id", "mail_attempts", ["outbox_id"])
    op.create_table(
        "checkbacks",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("item_kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("reply_id", sa.Integer, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("answered_at", WHEN, nullable=True),
        sa.Column("solved", sa.Boolean, nullable=True),
        sa.Column("satisfaction", sa.Integer, nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
    )
    op.create_index("ix_checkbacks_item", "checkbacks", ["item_kind", "item_id"])


def downgrade() -> None:
    for table in (
        "checkbacks",
        "mail_attempts",
        "outbox",
        "replies",
        "login_failures",
        "setup_tokens",
        "staff_sessions",
        "staff",
    ):
        op.drop_table(table)
    with op.batch_alter_table("answers") as answers:
        answers.drop_index("ix_answers_inbox")
        answers.drop_constraint("uq_answers_ticket", type_="unique")
        for column in ("first_response_at", "answered_at", "due_at", "ticket"):
            answers.drop_column(column)
    with op.batch_alter_table("complaints") as complaints:
        complaints.drop_index("ix_complaints_notified_at")
        complaints.drop_index("ix_complaints_inbox")
        complaints.drop_column("notified_at")
        complaints.drop_column("first_response_at")
