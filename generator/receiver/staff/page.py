"""How a console page is drawn: the signed-in member, the CSRF token, times in the shop's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import HTMLResponse

from generator.receiver.context import receiver_of
from generator.receiver.pages import render
from generator.receiver.staff import csrf
from generator.receiver.staff.sessions import Session, set_cookie


def local_time(request: Request, value: datetime | None) -> str:
    """``value`` in the shop's time zone, e.g. ``2026-11-25 14:05``."""
    if value is None:
        return ""
    zone = ZoneInfo(receiver_of(request).campaign.business.time_zone)
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def duration(delta: timedelta) -> str:
    """A span as a person says it: ``3 h 05 min``, ``2 d 4 h``, ``12 min``."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def _common(request: Request) -> dict[str, Any]:
    receiver = receiver_of(request)
    return {
        "mail_ready": bool(receiver.settings.smtp_url),
        "when": lambda value: local_time(request, value),
        "duration": duration,
        "zone": receiver.campaign.business.time_zone,
    }


def console_page(
    request: Request, session: Session, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """A page for a signed-in member: their role decides the menu."""
    html = render(
        template,
        request,
        "en",
        me=session.member,
        csrf=session.csrf,
        path=request.url.path,
        **_common(request),
        **context,
    )
    return HTMLResponse(html, status_code=status)


def anonymous_page(
    request: Request, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """A page before sign-in; its form's CSRF token is also set as a cookie."""
    token, new = csrf.form_token(request)
    context = {"problem": None, "email": "", **context}
    html = render(template, request, "en", me=None, csrf=token, **_common(request), **context)
    response = HTMLResponse(html, status_code=status)
    if new:
        set_cookie(response, request, csrf.COOKIE, token)
    return response
