"""CSRF tokens: every state-changing form carries one; a POST without a valid one is 403.

A signed-in form carries its session's token. The forms before sign-in (sign in, set up the
owner) carry a random token that must equal a cookie's: another site can neither read nor set it.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request

from generator.i18n import N_
from generator.receiver.context import fields
from generator.receiver.errors import ApiError

FIELD = "csrf"
COOKIE = "appreciate_form"


def _matches(given: str, expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


async def checked_form(request: Request, expected: str) -> dict[str, str]:
    """The posted fields, after their CSRF token is found equal to ``expected``; else 403."""
    if not request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        raise ApiError(403, "csrf", N_("this form's security token is missing: reload the page"))
    data = await fields(request)
    if not _matches(data.get(FIELD, ""), expected):
        raise ApiError(403, "csrf", N_("this form's security token is wrong: reload the page"))
    return data


def form_token(request: Request) -> tuple[str, bool]:
    """The token for a form shown before sign-in, and whether its cookie must be set."""
    existing = request.cookies.get(COOKIE, "")
    if len(existing) >= 32:
        return existing, False
    return secrets.token_urlsafe(32), True


async def checked_anonymous_form(request: Request) -> dict[str, str]:
    """A form posted before sign-in: its token must equal its cookie's."""
    return await checked_form(request, request.cookies.get(COOKIE, ""))
