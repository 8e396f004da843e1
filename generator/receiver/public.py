"""What customers and staff reach: the forms, their thank-you pages, code redemption."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from generator.customers.codes import canonical_code, verify
from generator.i18n import N_, gettext_in, ngettext_in
from generator.model.campaign import Campaign
from generator.model.month import dates_on
from generator.pages.build_day import build_date
from generator.receiver import forms
from generator.receiver.context import (
    Receiver,
    check_form,
    committed,
    database,
    fields,
    receiver_of,
    require_token,
)
from generator.receiver.errors import ApiError, request_language, wants_json
from generator.receiver.follow_up import follow_up, is_detractor
from generator.receiver.pages import render


async def survey(request: Request) -> Response:
    check_form(request)
    receiver = receiver_of(request)
    campaign, storage = receiver.campaign, receiver.storage
    data = await fields(request)  # the form's language, for the error too
    _check_survey_open(campaign)
    language = request_language(request)
    if data.get(forms.HONEYPOT):  # looks like a success to the bot; only counted
        await committed(storage.count_spam, "survey")
        return _answered(request, "survey", {"code": "THANKYOU00", "lang": language})
    answer = forms.survey_answer(campaign, data)
    # a detractor who left an e-mail with consent waits in the inbox for an answer
    contacted = is_detractor(answer.nps) and bool(answer.email) and answer.consent
    code = await committed(
        storage.add_answer,
        campaign.id,
        answer.lang,
        answer.nps,
        answer.values,
        answer.email,
        answer.consent,
        campaign.complaints.response_hours,
    )
    reward = receiver.campaign_in(answer.lang).survey.reward.title
    more = follow_up(receiver, answer.lang, answer.nps, contacted)
    body = {
        "reward_code": code,
        "reward": reward,
        "message": gettext_in(answer.lang, "Thank you for your answers!"),
        "detail": gettext_in(answer.lang, "Here is your reward: %(reward)s.", reward=reward),
        "code_label": gettext_in(answer.lang, "Your code:"),
        "follow_up": more.as_json() if more else None,
    }
    return _answered(request, "survey", {"code": code, "lang": answer.lang}, body)


def _check_survey_open(campaign: Campaign) -> None:
    """The survey takes answers until the campaign's last day (complaints, all year)."""
    today = build_date(campaign.business.time_zone)  # $APPRECIATE_TODAY, for tests
    if today > dates_on(campaign.dates, today).end:
        raise ApiError(
            410, "survey_closed", N_("this survey has closed: the campaign is over. Thank you!")
        )


async def complaint(request: Request) -> Response:
    check_form(request)
    receiver = receiver_of(request)
    campaign, storage = receiver.campaign, receiver.storage
    data = await fields(request)
    hours = campaign.complaints.response_hours
    if data.get(forms.HONEYPOT):
        await committed(storage.count_spam, "complaint")
        return _answered(
            request, "complaint", {"ticket": "T-000000", "lang": request_language(request)}
        )
    checked = forms.complaint(campaign, data)
    ticket = await committed(
        storage.add_complaint, campaign.id, checked.lang, checked.fields, hours
    )
    body = {
        "ticket": ticket.ticket,
        "due_at": ticket.due_at.isoformat(),
        "response_hours": hours,
        "message": gettext_in(checked.lang, "We received your message"),
        "detail": ngettext_in(
            checked.lang,
            "We answer within %(num)d hour of receiving your message.",
            "We answer within %(num)d hours of receiving your message.",
            hours,
        ),
        "code_label": gettext_in(checked.lang, "Your ticket number:"),
    }
    return _answered(request, "complaint", {"ticket": ticket.ticket, "lang": checked.lang}, body)


def _answered(
    request: Request, form: str, query: dict[str, str], body: dict[str, Any] | None = None
) -> Response:
    """201 with JSON for scripts; for a plain form, 303 to the thank-you page."""
    if wants_json(request):
        return JSONResponse(body or {"status": "received"}, status_code=201)
    return RedirectResponse(f"/thanks/{form}?{urlencode(query)}", status_code=303)


async def thanks_survey(request: Request) -> Response:
    language = request_language(request)
    receiver = receiver_of(request)
    code = request.query_params.get("code", "")[:16]
    reward = receiver.campaign_in(language).survey.reward.title
    found = await database(receiver.storage.answer_by_code, code) if code else None
    more = follow_up(receiver, language, found[0], found[1]) if found else None
    html = render("thanks_survey.html", request, language, code=code, reward=reward, follow_up=more)
    return HTMLResponse(html)


async def thanks_complaint(request: Request) -> Response:
    language = request_language(request)
    hours = receiver_of(request).campaign.complaints.response_hours
    ticket = request.query_params.get("ticket", "")[:16]
    html = render("thanks_complaint.html", request, language, ticket=ticket, hours=hours)
    return HTMLResponse(html)


async def redeem(request: Request) -> Response:
    """A personal or reward code, accepted once in whichever spelling the till typed."""
    require_token(request, "staff")
    receiver = receiver_of(request)
    data = await fields(request)
    typed = data.get("code", "")
    email = data.get("email", "").strip().lower()
    if not typed.strip():
        raise ApiError(422, "missing", "send the code")
    code, kind = await code_kind(receiver, typed, email)
    if code is None or kind is None:
        raise ApiError(404, "unknown_code", "this code is not valid")
    # keyed by the code as issued: no other spelling of it counts again
    if not await database(receiver.storage.redeem, code, kind):
        raise ApiError(409, "already_used", "this code has been used already")
    return JSONResponse({"code": code, "kind": kind, "status": "redeemed"})


async def code_kind(receiver: Receiver, typed: str, email: str) -> tuple[str | None, str | None]:
    """The code as issued (None: it cannot be one) and its kind: ``personal`` (the HMAC of
    this campaign and ``email``), ``reward`` (a survey's), or None (not of this campaign)."""
    code = canonical_code(typed)
    if code is None:
        return None, None
    length = receiver.personal_code_length
    key = receiver.code_key
    if email and key and length and verify(code, email, receiver.campaign.id, key, length):
        return code, "personal"
    if await database(receiver.storage.is_reward_code, code):
        return code, "reward"
    return code, None


async def health(request: Request) -> Response:
    """Liveness: the process answers; it touches nothing else, so it stays cheap."""
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> Response:
    """Readiness: the database answers (else 503 with Retry-After, in the one error shape)."""
    await database(receiver_of(request).storage.ping)
    return JSONResponse({"status": "ok", "database": "ok"})
