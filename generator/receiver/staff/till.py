"""The till: one field for the code (and the e-mail for a personal code); redeemed exactly once."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from generator.i18n import gettext_in
from generator.receiver.context import database, receiver_of
from generator.receiver.public import code_kind
from generator.receiver.staff import csrf
from generator.receiver.staff.page import console_language, console_page, local_time
from generator.receiver.staff.roles import signed_in


async def till(request: Request) -> Response:
    """GET: the form; POST: redeem the code and say so, big, in green or red."""
    session = await signed_in(request)
    if request.method == "GET":
        return console_page(request, session, "staff/till.html", verdict=None, code="")
    data = await csrf.checked_form(request, session.csrf)
    receiver = receiver_of(request)
    typed = data.get("code", "")[:64]
    email = data.get("email", "").strip().lower()[:254]
    code, kind = await code_kind(receiver, typed, email) if typed.strip() else (None, None)
    shown = code or "".join(typed.split()).upper()
    language = console_language(request)
    status = 422
    if not typed.strip():
        verdict = ("bad", gettext_in(language, "Type the code first."))
    elif code is None or kind is None:
        verdict = ("bad", gettext_in(language, "Not a code of this campaign."))
        if receiver.code_key is not None and not email:
            verdict = (
                "bad",
                gettext_in(
                    language, "Not a code of this campaign (a personal code needs its e-mail)."
                ),
            )
    elif await database(receiver.storage.redeem, code, kind):
        status = 200
        if kind == "personal":
            verdict = ("ok", gettext_in(language, "Valid — redeemed now (personal code)."))
        else:
            verdict = ("ok", gettext_in(language, "Valid — redeemed now (survey reward)."))
    else:
        status = 409
        used = await database(receiver.storage.redeemed_at, code)
        when = local_time(request, used)
        verdict = ("bad", gettext_in(language, "Already used on %(when)s.", when=when))
    return console_page(
        request, session, "staff/till.html", status=status, verdict=verdict, code=shown
    )
