"""Check back after an answer: the page of a single-use link that asks "did we solve it?".

The page works without JavaScript, in the customer's language; a "no" reopens the item in the
inbox with a new due time and tells the shop (the links themselves: ``checkback_links.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from generator.i18n import N_
from generator.receiver.checkback_links import (
    MAX_COMMENT,
    CheckBack,
    Verdict,
    look_up,
    record,
)
from generator.receiver.context import database, fields, receiver_of
from generator.receiver.errors import ApiError
from generator.receiver.limits import retry_after
from generator.receiver.outbox import queue_reopened
from generator.receiver.pages import render


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

    def tell_the_shop(connection: Connection, due_at: datetime) -> None:
        queue_reopened(
            connection, receiver, found.ticket, due_at, verdict.satisfaction, verdict.comment
        )

    if not await database(record, receiver.storage.engine, token, verdict, hours, tell_the_shop):
        raise ApiError(409, "already_answered", N_("you have answered already: thank you"))
    return RedirectResponse(f"/check-back/{token}", status_code=303)
