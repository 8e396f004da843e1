"""The owner's one-time set-up link: printed at start while no owner exists, 24 h, single use."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update
from sqlalchemy import insert as sql_insert
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from generator.i18n import N_
from generator.receiver.context import database, receiver_of
from generator.receiver.errors import ApiError
from generator.receiver.staff import accounts, csrf, sessions
from generator.receiver.staff.page import anonymous_page, console_language
from generator.receiver.staff.sessions import digest
from generator.receiver.tables import setup_tokens

VALID_FOR = timedelta(hours=24)


def issue_link(engine: Engine) -> str | None:
    """A new set-up token while no owner exists (earlier unused links stop working); else None."""
    from generator.receiver.storage import now

    with engine.begin() as connection:
        if accounts.owners(connection):
            return None
        connection.execute(delete(setup_tokens).where(setup_tokens.c.used_at.is_(None)))
        token = secrets.token_urlsafe(32)
        connection.execute(
            sql_insert(setup_tokens).values(
                token_hash=digest(token), created_at=now(), expires_at=now() + VALID_FOR
            )
        )
    return token


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _usable(engine: Engine, token: str) -> bool:
    from generator.receiver.storage import now

    with engine.connect() as connection:
        row = connection.execute(
            select(setup_tokens.c.expires_at, setup_tokens.c.used_at).where(
                setup_tokens.c.token_hash == digest(token)
            )
        ).first()
    return row is not None and row.used_at is None and _aware(row.expires_at) > now()


def create_owner(engine: Engine, token: str, email: str, password: str) -> accounts.StaffMember:
    """Use the token once and create the owner; :class:`ApiError` 404 when it cannot be used."""
    from generator.receiver.storage import now

    with engine.begin() as connection:
        used = connection.execute(
            update(setup_tokens)
            .where(
                setup_tokens.c.token_hash == digest(token),
                setup_tokens.c.used_at.is_(None),
                setup_tokens.c.expires_at > now(),
            )
            .values(used_at=now())
        )
        if used.rowcount != 1 or accounts.owners(connection):
            raise _gone()
    try:
        return accounts.add(engine, email, "owner", password)
    except accounts.AccountError:
        _release(engine, token)  # the link works again: the person fixes the form
        raise


def _release(engine: Engine, token: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(setup_tokens)
            .where(setup_tokens.c.token_hash == digest(token))
            .values(used_at=None)
        )


def _gone() -> ApiError:
    return ApiError(
        404,
        "setup_link_used",
        N_("this set-up link was used or has expired: restart `appreciate receiver` for a new one"),
    )


async def setup_page(request: Request) -> Response:
    """GET: the form that creates the owner; POST: create it and sign in."""
    engine = receiver_of(request).storage.engine
    token = request.path_params["token"]
    if not await database(_usable, engine, token):
        raise _gone()
    problem = None
    if request.method == "POST":
        data = await csrf.checked_anonymous_form(request)
        try:
            member = await database(
                create_owner, engine, token, data.get("email", ""), data.get("password", "")
            )
        except accounts.AccountError as exc:
            problem = exc.translated(console_language(request))
        else:
            response = RedirectResponse("/staff", status_code=303)
            session = await database(sessions.start, engine, member)
            sessions.set_cookie(response, request, sessions.COOKIE, session)
            return response
    return anonymous_page(
        request, "staff/setup.html", problem=problem, status=422 if problem else 200
    )
