"""The receiver's tables, in SQLAlchemy Core; Alembic migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()
OPEN = "answered_at IS NULL"
OPEN_ANSWER = "answered_at IS NULL AND due_at IS NOT NULL"

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("campaign", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, index=True),
    Column("lang", String(8), nullable=False),
    Column("nps", Integer, nullable=True),
    Column("answers", JSON, nullable=False),
    Column("email", String(254), nullable=True, index=True),
    Column("consent", Boolean, nullable=False, default=False),
    Column("reward_code", String(16), nullable=False, unique=True),
    # a detractor who left an e-mail with consent is followed up like a complaint (0002)
    Column("ticket", String(16), nullable=True, unique=True),
    Column("due_at", DateTime(timezone=True), nullable=True),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("first_response_at", DateTime(timezone=True), nullable=True),
    # the inbox's open items by due time: a partial index (PostgreSQL cannot order by due_at
    # after "answered_at IS NULL" in a two-column index)
    Index(
        "ix_answers_inbox",
        "due_at",
        sqlite_where=text(OPEN_ANSWER),
        postgresql_where=text(OPEN_ANSWER),
    ),
)

complaints = Table(
    "complaints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("campaign", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("ticket", String(16), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("email", String(254), nullable=False, index=True),
    Column("phone", String(40), nullable=True),
    Column("order_ref", String(60), nullable=True),
    Column("message", Text, nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("first_response_at", DateTime(timezone=True), nullable=True),
    Column("notified_at", DateTime(timezone=True), nullable=True),  # the shop was told (0002)
    Index(
        "ix_complaints_inbox",
        "due_at",
        sqlite_where=text(OPEN),
        postgresql_where=text(OPEN),
    ),
    Index("ix_complaints_notified_at", "notified_at"),  # the sender looks for NULL each second
)

redemptions = Table(
    "redemptions",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("redeemed_at", DateTime(timezone=True), nullable=False),
)

spam = Table(
    "spam",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("form", String(16), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# --- the staff console (migration 0002) -----------------------------------------------------
# Complaints and detractors' survey answers (those with an e-mail and consent: they carry a
# ticket) are the inbox's items: ``answered_at`` NULL means open, ``first_response_at`` is the
# first reply. Both tables got these columns in 0002.

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), nullable=False, unique=True),  # stored lower-case
    Column("role", String(16), nullable=False),  # owner | staff
    Column("password_hash", String(200), nullable=False),  # argon2id, never the password
    Column("created_at", DateTime(timezone=True), nullable=False),
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    # the SHA-256 of the cookie's random value: a stolen database holds no usable session
    Column("id", String(64), primary_key=True),
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_staff_sessions_staff_id", "staff_id"),
)

setup_tokens = Table(
    "setup_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the one-time link's token
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("key", String(320), primary_key=True),  # "account:<email>" or "address:<ip>"
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)

replies = Table(
    "replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_kind", String(16), nullable=False),  # complaint | answer
    Column("item_id", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # reply | note (closed without reply) | reopened
    Column("staff_email", String(254), nullable=True),  # kept when the account goes
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),
    Index("ix_replies_item", "item_kind", "item_id"),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("purpose", String(32), nullable=False),  # reply | notify (a new complaint)
    Column("ref", String(64), nullable=True),  # the ticket
    Column("recipient", String(254), nullable=False),
    Column("message", Text, nullable=False),  # the whole RFC 5322 message, as it will be sent
    Column("status", String(16), nullable=False),  # pending | sent | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Index("ix_outbox_due", "status", "next_attempt_at"),
)

mail_attempts = Table(
    "mail_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("error", Text, nullable=True),
    Index("ix_mail_attempts_outbox_id", "outbox_id"),
)

checkbacks = Table(
    "checkbacks",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the link's random token
    Column("item_kind", String(16), nullable=False),
    Column("item_id", Integer, nullable=False),
    Column("reply_id", Integer, nullable=False),
    Column("lang", String(8), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("solved", Boolean, nullable=True),
    Column("satisfaction", Integer, nullable=True),  # 1–5
    Column("comment", Text, nullable=True),
    Index("ix_checkbacks_item", "item_kind", "item_id"),
)
