"""Who may see a console page: signed in, and for the owner's pages, the owner."""

from __future__ import annotations

from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from generator.i18n import N_, gettext_in
from generator.receiver.context import database, receiver_of
from generator.receiver.errors import ApiError, error_response, request_language, wants_json
from generator.receiver.staff import accounts, sessions


class SignInNeeded(Exception):
    """No live session: a browser goes to the sign-in page, a script gets a 401."""


def _has_owner(engine: Engine) -> bool:
    with engine.connect() as connection:
        return accounts.owners(connection) > 0


async def require_owner_exists(request: Request) -> None:
    """Nothing under /staff but the set-up link answers until the owner exists."""
    if getattr(request.app.state, "staff_ready", False):
        return
    if not await database(_has_owner, receiver_of(request).storage.engine):
        raise ApiError(
            404,
            "not_set_up",
            N_("the console has no owner yet: open the set-up link `appreciate receiver` printed"),
        )
    request.app.state.staff_ready = True  # the last owner cannot be removed


async def signed_in(request: Request, owner: bool = False) -> sessions.Session:
    """The request's live session; for ``owner`` pages, an owner's (else 403)."""
    await require_owner_exists(request)
    token = request.cookies.get(sessions.COOKIE, "")
    engine = receiver_of(request).storage.engine
    session: sessions.Session | None = (
        await database(sessions.find, engine, token) if token else None
    )
    if session is None:
        raise SignInNeeded()
    if owner and not session.member.is_owner:
        raise ApiError(403, "owner_only", N_("this page is for the shop's owner"))
    return session


async def sign_in_needed(request: Request, exc: Exception) -> Response:
    if wants_json(request) or request.method != "GET":
        message = gettext_in(request_language(request), N_("sign in first: /staff/login"))
        return error_response(request, 401, "signed_out", message)
    return RedirectResponse("/staff/login", status_code=303)
