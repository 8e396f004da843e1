"""What every route needs: the receiver's state, its database calls, the request's fields."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from generator.i18n import N_
from generator.model.campaign import Campaign, PersonalCode
from generator.receiver.bodies import MAX_FIELDS, checked_fields, form_fields, json_fields
from generator.receiver.errors import ApiError
from generator.receiver.limits import RateLimit, retry_after
from generator.receiver.settings import Settings
from generator.receiver.storage import Storage

log = logging.getLogger("appreciate.receiver")
DEFAULT_WAIT = 10.0
"""The longest a database call may take when its storage does not say (seconds)."""


@dataclass(frozen=True)
class Receiver:
    """The state a receiver app carries (``request.app.state.receiver``)."""

    campaign: Campaign
    settings: Settings
    storage: Storage
    limiter: RateLimit
    code_key: bytes | None
    translated: dict[str, Campaign] = field(default_factory=dict)
    """The campaign in each of its languages, made at start-up."""

    def campaign_in(self, language: str) -> Campaign:
        return self.translated.get(language, self.campaign)

    @property
    def personal_code_length(self) -> int | None:
        """The length personal codes were issued at; ``None`` without a personal-code offer."""
        offer = next((o for o in self.campaign.offers if isinstance(o, PersonalCode)), None)
        return offer.code_length if offer else None


def receiver_of(request: Request) -> Receiver:
    state: Receiver = request.app.state.receiver
    return state


@contextmanager
def unavailable_is_503() -> Iterator[None]:
    """A lost database is a 503 with Retry-After, never a 500."""
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        log.warning("database unavailable: %s", type(exc.orig).__name__ if exc.orig else exc)
        raise ApiError(503, "unavailable", headers=retry_after(5)) from None


async def database(call: Callable[..., Any], *args: Any) -> Any:
    """Run a storage call in a thread, for at most its storage's longest wait."""
    with unavailable_is_503():
        return await _bounded(run_in_threadpool(call, *args), _longest_wait(call))


async def committed(submit: Callable[..., asyncio.Future[Any]], *args: Any) -> Any:
    """Hand an insert to the group writer and wait for its durable commit (bounded too)."""
    with unavailable_is_503():
        return await _bounded(submit(*args), _longest_wait(submit))


def _longest_wait(call: Callable[..., Any]) -> float:
    storage = getattr(call, "__self__", None)
    return storage.longest_wait if isinstance(storage, Storage) else DEFAULT_WAIT


async def _bounded(work: Awaitable[Any], wait: float) -> Any:
    """``work``'s result, or 503 once ``wait`` seconds (and one more) have passed.

    The connect and statement timeouts end a call in time; this is the bound for what they
    cannot see, such as a connection that stalls in the middle of a query. The work goes on
    (shielded): an answer committed after its request gave up is still stored.
    """
    try:
        return await asyncio.wait_for(asyncio.shield(work), wait + 1)
    except TimeoutError:
        log.warning("the database did not answer within %.0f s", wait + 1)
        raise ApiError(503, "unavailable", headers=retry_after(5)) from None


def check_form(request: Request) -> None:
    """A form post within the client's rate, from the shop's own site."""
    receiver = receiver_of(request)
    wait = receiver.limiter.wait(request.client.host if request.client else "?")
    if wait:
        raise ApiError(429, "rate_limited", headers=retry_after(wait))
    origin = request.headers.get("origin")
    origins = receiver.settings.site_origins
    if origins and origin and origin.rstrip("/") not in origins:
        raise ApiError(403, "wrong_origin")


def require_token(request: Request, who: str) -> None:
    """The ``admin`` or ``staff`` Bearer token, compared in constant time."""
    settings = receiver_of(request).settings
    token = settings.admin_token if who == "admin" else settings.staff_token
    scheme, _, credentials = request.headers.get("authorization", "").strip().partition(" ")
    given = credentials.strip() if scheme.lower() == "bearer" else ""  # RFC 7235: any case
    if not token:
        raise ApiError(401, "unauthorized", f"the {who} token is not set on this receiver")
    if not given or not hmac.compare_digest(given.encode(), token.get_secret_value().encode()):
        raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})


async def fields(request: Request) -> dict[str, str]:
    """The posted fields, from a form or a flat JSON object (see :mod:`bodies`)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        fields = json_fields(await request.body())
    elif kind == "application/x-www-form-urlencoded":
        fields = form_fields(await request.body())
    elif kind == "multipart/form-data":
        form = await request.form(max_files=0, max_fields=MAX_FIELDS)
        if any(not isinstance(value, str) for _, value in form.multi_items()):
            raise ApiError(422, "invalid", N_("send the form's fields, not files"))
        fields = checked_fields([(k, str(v)) for k, v in form.multi_items()])
    else:
        raise ApiError(415, "unsupported_media_type")
    request.state.lang = fields.get("lang")  # errors from here on answer in the form's language
    return fields
