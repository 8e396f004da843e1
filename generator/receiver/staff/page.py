"""How a console page is drawn: the signed-in member, the CSRF token, times in the shop's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel import negotiate_locale
from starlette.requests import Request
from starlette.responses import HTMLResponse

from generator.i18n import N_, gettext_in
from generator.receiver.context import receiver_of
from generator.receiver.errors import accepted_languages
from generator.receiver.pages import render
from generator.receiver.staff import csrf
from generator.receiver.staff.sessions import Session, set_cookie

ROLE_NAMES = {"owner": N_("owner"), "staff": N_("staff")}


def role_name(role: str, language: str) -> str:
    """``owner`` or ``staff`` in ``language``."""
    return gettext_in(language, ROLE_NAMES[role]) if role in ROLE_NAMES else role


def local_time(request: Request, value: datetime | None) -> str:
    """``value`` in the shop's time zone, e.g. ``2026-11-25 14:05``."""
    if value is None:
        return ""
    zone = ZoneInfo(receiver_of(request).campaign.business.time_zone)
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def console_language(request: Request) -> str:
    """The staff member's language: their browser's among the campaign's, else the default.

    Only ``Accept-Language`` counts: the console has no ``lang`` of a customer's form.
    """
    languages: tuple[str, ...] = getattr(request.app.state, "languages", ("en",))
    accepted = accepted_languages(request.headers.get("accept-language", ""))
    return negotiate_locale(accepted, languages) or languages[0]


def duration(delta: timedelta, language: str = "en") -> str:
    """A span as a person says it: ``3 h 05 min``, ``2 d 4 h``, ``12 min`` (in ``language``)."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return gettext_in(language, "%(days)s d %(hours)s h", days=days, hours=hours)
    if hours:
        return gettext_in(
            language, "%(hours)s h %(minutes)s min", hours=hours, minutes=f"{minutes:02d}"
        )
    return gettext_in(language, "%(minutes)s min", minutes=minutes)


def _common(request: Request, language: str) -> dict[str, Any]:
    receiver = receiver_of(request)
    return {
        "mail_ready": bool(receiver.settings.smtp_url),
        "when": lambda value: local_time(request, value),
        "duration": lambda delta: duration(delta, language),
        "zone": receiver.campaign.business.time_zone,
        "role_name": lambda role: role_name(role, language),
    }


def console_page(
    request: Request, session: Session, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """A page for a signed-in member, in their language: their role decides the menu."""
    language = console_language(request)
    html = render(
        template,
        request,
        language,
        me=session.member,
        csrf=session.csrf,
        path=request.url.path,
        **_common(request, language),
        **context,
    )
    return HTMLResponse(html, status_code=status)


def anonymous_page(
    request: Request, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """A page before sign-in; its form's CSRF token is also set as a cookie."""
    token, new = csrf.form_token(request)
    context = {"problem": None, "email": "", **context}
    language = console_language(request)
    html = render(
        template, request, language, me=None, csrf=token, **_common(request, language), **context
    )
    response = HTMLResponse(html, status_code=status)
    if new:
        set_cookie(response, request, csrf.COOKIE, token)
    return response
