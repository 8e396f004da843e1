"""The receiver's tables, in SQLAlchemy Core; Alembic migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

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
