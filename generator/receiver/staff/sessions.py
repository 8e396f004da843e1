"""Signed-in sessions: a random cookie, stored only as its SHA-256, ended after 12 h idle."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update
from starlette.requests import Request
from starlette.responses import Response

from generator.receiver.staff.accounts import StaffMember
from generator.receiver.tables import staff, staff_sessions

COOKIE = "appreciate_staff"
IDLE = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)  # fewer writes: "last seen" to the minute is enough


@dataclass(frozen=True)
class Session:
    id_hash: str
    csrf: str
    member: StaffMember


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def start(engine: Engine, member: StaffMember) -> str:
    """A new session for ``member``: the cookie's value (only its hash is stored)."""
    from generator.receiver.storage import now

    token = secrets.token_urlsafe(32)
    with engine.begin() as connection:
        connection.execute(
            insert(staff_sessions).values(
                id=digest(token),
                staff_id=member.id,
                csrf=secrets.token_urlsafe(32),
                created_at=now(),
                last_seen_at=now(),
            )
        )
    return token


def find(engine: Engine, token: str) -> Session | None:
    """The live session of this cookie value; an idle one is ended instead."""
    from generator.receiver.storage import now

    if not token:
        return None
    key = digest(token)
    with engine.begin() as connection:
        row = connection.execute(
            select(
                staff_sessions.c.csrf,
                staff_sessions.c.last_seen_at,
                staff.c.id,
                staff.c.email,
                staff.c.role,
            )
            .join(staff, staff.c.id == staff_sessions.c.staff_id)
            .where(staff_sessions.c.id == key)
        ).first()
        if row is None:
            return None
        seen, moment = _aware(row.last_seen_at), now()
        if moment - seen > IDLE:
            connection.execute(delete(staff_sessions).where(staff_sessions.c.id == key))
            return None
        if moment - seen > TOUCH_EVERY:
            connection.execute(
                update(staff_sessions).where(staff_sessions.c.id == key).values(last_seen_at=moment)
            )
    return Session(key, row.csrf, StaffMember(row.id, row.email, row.role))


def end(engine: Engine, token: str) -> None:
    with engine.begin() as connection:
        connection.execute(delete(staff_sessions).where(staff_sessions.c.id == digest(token)))


def is_https(request: Request) -> bool:
    """Whether the browser reached us over https (uvicorn's --proxy-headers sets the scheme)."""
    return request.url.scheme == "https"


def set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    """A console cookie: HttpOnly, SameSite=Lax, Secure over https, for /staff only."""
    response.set_cookie(
        name,
        value,
        path="/staff",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def clear_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        COOKIE, path="/staff", httponly=True, samesite="lax", secure=is_https(request)
    )
