"""Signing in and out: the same answer and the same time for a wrong e-mail or password."""

from __future__ import annotations

import math

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from generator.i18n import N_, gettext_in
from generator.receiver.context import database, receiver_of
from generator.receiver.limits import retry_after
from generator.receiver.staff import accounts, csrf, lockout, sessions
from generator.receiver.staff.page import anonymous_page, console_language
from generator.receiver.staff.roles import require_owner_exists, signed_in

WRONG = N_("Wrong e-mail or password.")


async def login(request: Request) -> Response:
    """GET: the sign-in form; POST: check it, and start a new session (a new id every time)."""
    await require_owner_exists(request)
    if request.method == "GET":
        return anonymous_page(request, "staff/login.html")
    data = await csrf.checked_anonymous_form(request)
    engine = receiver_of(request).storage.engine
    email = data.get("email", "").strip().lower()[:254]
    password = data.get("password", "")[:1024]
    names = lockout.keys(email, request.client.host if request.client else "?")
    wait = await database(lockout.wait_seconds, engine, names)
    if wait > 0:
        seconds = math.ceil(wait)
        response = anonymous_page(
            request,
            "staff/login.html",
            status=429,
            email=email,
            problem=gettext_in(
                console_language(request),
                "Too many failed sign-ins: try again in %(seconds)s seconds.",
                seconds=seconds,
            ),
        )
        response.headers.update(retry_after(seconds))
        return response
    member = await database(accounts.verify, engine, email, password)
    if member is None:
        await database(lockout.record_failure, engine, names)
        problem = gettext_in(console_language(request), WRONG)
        return anonymous_page(request, "staff/login.html", status=401, email=email, problem=problem)
    await database(lockout.clear, engine, names[0])
    earlier = request.cookies.get(sessions.COOKIE)
    if earlier:  # never carry a session id from before sign-in across it
        await database(sessions.end, engine, earlier)
    token = await database(sessions.start, engine, member)
    signed = RedirectResponse("/staff", status_code=303)
    sessions.set_cookie(signed, request, sessions.COOKIE, token)
    return signed


async def logout(request: Request) -> Response:
    session = await signed_in(request)
    await csrf.checked_form(request, session.csrf)
    engine = receiver_of(request).storage.engine
    await database(sessions.end, engine, request.cookies.get(sessions.COOKIE, ""))
    response = RedirectResponse("/staff/login", status_code=303)
    sessions.clear_cookie(response, request)
    return response
