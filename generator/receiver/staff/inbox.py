"""The inbox: complaints and detractors' answers, open ones first by due time; search; pages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Engine,
    Integer,
    Select,
    String,
    Text,
    case,
    cast,
    literal,
    null,
    or_,
    select,
    union_all,
)
from starlette.requests import Request
from starlette.responses import Response

from generator.receiver.context import database, receiver_of
from generator.receiver.staff.page import console_page
from generator.receiver.staff.roles import signed_in
from generator.receiver.tables import answers, complaints

PER_PAGE = 25
STATES = ("open", "answered", "all")


@dataclass(frozen=True)
class InboxRow:
    kind: str  # complaint | answer
    id: int
    ticket: str
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None
    lang: str
    email: str
    name: str | None
    preview: str
    nps: int | None

    def time_left(self, moment: datetime) -> timedelta:
        """Until the promised time; negative once it is past."""
        return aware(self.due_at) - moment


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def answer_text(values: Any) -> str:
    """A survey answer's written parts, on one line."""
    if isinstance(values, str):
        try:
            values = json.loads(values)
        except ValueError:
            return str(values)
    if not isinstance(values, dict):
        return ""
    return " · ".join(str(v) for v in values.values() if str(v).strip())


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _sources(state: str, search: str, limit: int | None) -> list[Select[Any]]:
    parts: list[Select[Any]] = []
    for table, kind in ((complaints, "complaint"), (answers, "answer")):
        is_complaint = kind == "complaint"
        text = table.c.message if is_complaint else cast(table.c.answers, Text)
        query = select(
            literal(kind, String).label("kind"),
            table.c.id,
            table.c.ticket,
            table.c.received_at,
            table.c.due_at,
            table.c.answered_at,
            table.c.lang,
            table.c.email,
            (table.c.name if is_complaint else cast(null(), String)).label("name"),
            text.label("text"),
            (cast(null(), Integer) if is_complaint else table.c.nps).label("nps"),
        )
        if not is_complaint:  # detractors who left an e-mail with consent carry a ticket
            # and a due time: the index skips the other answers (NULL first in SQLite's order)
            query = query.where(table.c.due_at.is_not(None), table.c.ticket.is_not(None))
        if state == "open":
            query = query.where(table.c.answered_at.is_(None))
        elif state == "answered":
            query = query.where(table.c.answered_at.is_not(None))
        if search:
            pattern = _like(search)
            query = query.where(
                or_(
                    table.c.ticket == search.upper(),
                    table.c.email.ilike(pattern, escape="\\"),
                    text.ilike(pattern, escape="\\"),
                )
            )
        if limit is not None:  # each table's own index gives its first rows
            query = query.order_by(table.c.due_at).limit(limit)
        parts.append(query)
    return parts


def inbox_query(state: str, search: str, page: int) -> Select[Any]:
    """One page of the inbox (one row more than a page: is there a next one?)."""
    skip = (page - 1) * PER_PAGE
    cheap = state == "open" and not search
    parts = _sources(state, search, skip + PER_PAGE + 1 if cheap else None)
    items = union_all(*(p.subquery().select() for p in parts)).subquery()
    is_answered = case((items.c.answered_at.is_(None), 0), else_=1)
    return (
        select(items)
        .order_by(
            is_answered,
            case((items.c.answered_at.is_(None), items.c.due_at)),
            items.c.answered_at.desc(),
            items.c.id,
        )
        .limit(PER_PAGE + 1)
        .offset(skip)
    )


def page_of(engine: Engine, state: str, search: str, page: int) -> tuple[list[InboxRow], bool]:
    """The rows of one page, and whether another page follows."""
    with engine.connect() as connection:
        rows = connection.execute(inbox_query(state, search, page)).all()
    found = [
        InboxRow(
            kind=r.kind,
            id=r.id,
            ticket=r.ticket,
            received_at=r.received_at,
            due_at=r.due_at,
            answered_at=r.answered_at,
            lang=r.lang,
            email=r.email,
            name=r.name,
            preview=(r.text if r.kind == "complaint" else answer_text(r.text))[:160],
            nps=r.nps,
        )
        for r in rows[:PER_PAGE]
    ]
    return found, len(rows) > PER_PAGE


def _page_number(value: str) -> int:
    return min(int(value), 10_000) if value.isdigit() and int(value) > 0 else 1


async def inbox(request: Request) -> Response:
    from generator.receiver.storage import now

    session = await signed_in(request)
    params = request.query_params
    state = params.get("state", "open")
    state = state if state in STATES else "open"
    search = params.get("q", "").strip()[:200]
    page = _page_number(params.get("page", "1"))
    engine = receiver_of(request).storage.engine
    rows, more = await database(page_of, engine, state, search, page)
    return console_page(
        request,
        session,
        "staff/inbox.html",
        rows=rows,
        state=state,
        states=STATES,
        q=search,
        page=page,
        more=more,
        moment=now(),
    )
