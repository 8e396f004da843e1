"""Check back after an answer: a single-use link that asks "did we solve it?".

The link's random token is stored only as its SHA-256, bound to one item and one reply. The
page works without JavaScript, in the customer's language; a "no" reopens the item in the
inbox with a new due time.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from generator.i18n import N_
from generator.receiver.context import database, fields, receiver_of
from generator.receiver.errors import ApiError
from generator.receiver.limits import retry_after
from generator.receiver.pages import render
from generator.receiver.tables import answers, checkbacks, complaints, replies

MAX_COMMENT = 2000
ITEMS = {"complaint": complaints, "answer": answers}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(connection: Connection, item_kind: str, item_id: int, reply_id: int, lang: str) -> str:
    """A new check-back token for one reply, stored (hashed) in ``connection``'s transaction."""
    from generator.receiver.storage import now

    token = secrets.token_urlsafe(24)
    connection.execute(
        insert(checkbacks).values(
            token_hash=token_hash(token),
            item_kind=item_kind,
            item_id=item_id,
            reply_id=reply_id,
            lang=lang,
            created_at=now(),
        )
    )
    return token


@dataclass(frozen=True)
class CheckBack:
    """One link's state: what it is about, and the customer's answer once given."""

    item_kind: str
    item_id: int
    ticket: str
    lang: str
    answered: bool
    solved: bool | None


@dataclass(frozen=True)
class Verdict:
    solved: bool
    satisfaction: int
    comment: str | None


def look_up(engine: Engine, token: str) -> CheckBack | None:
    with engine.connect() as connection:
        row = connection.execute(
            select(checkbacks).where(checkbacks.c.token_hash == token_hash(token))
        ).first()
        if row is None or row.item_kind not in ITEMS:
            return None
        table = ITEMS[row.item_kind]
        ticket = connection.execute(
            select(table.c.ticket).where(table.c.id == row.item_id)
        ).scalar()
    if ticket is None:  # the item was erased (a GDPR request): the link goes with it
        return None
    return CheckBack(
        row.item_kind, row.item_id, ticket, row.lang, row.answered_at is not None, row.solved
    )


def record(engine: Engine, token: str, verdict: Verdict, response_hours: int) -> bool:
    """Store the answer, once; a "no" reopens the item, due in ``response_hours``.

    ``False`` when the link was answered already (two posts at once: exactly one wins).
    """
    from generator.receiver.storage import now

    moment = now()
    with engine.begin() as connection:
        marked = connection.execute(
            update(checkbacks)
            .where(checkbacks.c.token_hash == token_hash(token), checkbacks.c.answered_at.is_(None))
            .values(
                answered_at=moment,
                solved=verdict.solved,
                satisfaction=verdict.satisfaction,
                comment=verdict.comment,
            )
            .returning(checkbacks.c.item_kind, checkbacks.c.item_id)
        ).first()
        if marked is None:
            return False
        if not verdict.solved:
            table = ITEMS[marked.item_kind]
            connection.execute(
                update(table)
                .where(table.c.id == marked.item_id)
                .values(answered_at=None, due_at=moment + timedelta(hours=response_hours))
            )
            connection.execute(
                insert(replies).values(
                    item_kind=marked.item_kind,
                    item_id=marked.item_id,
                    kind="reopened",
                    staff_email=None,
                    created_at=moment,
                    body=verdict.comment or "",
                )
            )
    return True


def verdict_of(data: dict[str, str]) -> Verdict:
    solved = data.get("solved", "")
    if solved not in ("yes", "no"):
        raise ApiError(422, "missing", N_("please say whether we solved it"))
    score = data.get("satisfaction", "")
    if score not in ("1", "2", "3", "4", "5"):
        raise ApiError(422, "missing", N_("please choose a score from 1 to 5"))
    comment = data.get("comment", "").strip()
    if len(comment) > MAX_COMMENT:
        raise ApiError(
            422,
            "too_long",
            N_("'%(field)s' is longer than %(limit)d characters"),
            field="comment",
            limit=MAX_COMMENT,
        )
    return Verdict(solved == "yes", int(score), comment or None)


async def _found(request: Request) -> tuple[str, CheckBack]:
    token = request.path_params["token"]
    found = (
        await database(look_up, receiver_of(request).storage.engine, token)
        if 16 <= len(token) <= 64
        else None
    )
    if found is None:
        raise ApiError(404, "unknown_link", N_("this link is not valid"))
    request.state.lang = found.lang  # errors from here on answer in the customer's language
    return token, found


def _page(request: Request, found: CheckBack, **context: Any) -> str:
    receiver = receiver_of(request)
    return render(
        "check_back.html",
        request,
        found.lang,
        ticket=found.ticket,
        found=found,
        hours=receiver.campaign.complaints.response_hours,
        **context,
    )


async def page(request: Request) -> Response:
    """``GET /check-back/{token}``: the question, or the thanks once it is answered."""
    _, found = await _found(request)
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(_page(request, found), headers=headers)


async def answer(request: Request) -> Response:
    """``POST /check-back/{token}``: the customer's answer, stored once; 303 to the thanks."""
    receiver = receiver_of(request)
    wait = receiver.limiter.wait(request.client.host if request.client else "?")
    if wait:
        raise ApiError(429, "rate_limited", headers=retry_after(wait))
    token, found = await _found(request)
    data = await fields(request)
    request.state.lang = found.lang
    if found.answered:
        raise ApiError(409, "already_answered", N_("you have answered already: thank you"))
    verdict = verdict_of(data)
    hours = receiver.campaign.complaints.response_hours
    if not await database(record, receiver.storage.engine, token, verdict, hours):
        raise ApiError(409, "already_answered", N_("you have answered already: thank you"))
    return RedirectResponse(f"/check-back/{token}", status_code=303)
