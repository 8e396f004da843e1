"""The till: one field for the code (and the e-mail for a personal code); redeemed exactly once."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from generator.receiver.context import database, receiver_of
from generator.receiver.public import code_kind
from generator.receiver.staff import csrf
from generator.receiver.staff.page import console_page, local_time
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
    if not typed.strip():
        verdict = ("bad", "Type the code first.")
    elif code is None or kind is None:
        verdict = ("bad", "Not a code of this campaign.")
        if receiver.code_key is not None and not email:
            verdict = ("bad", "Not a code of this campaign (a personal code needs its e-mail).")
    elif await database(receiver.storage.redeem, code, kind):
        label = "personal code" if kind == "personal" else "survey reward"
        verdict = ("ok", f"Valid — redeemed now ({label}).")
    else:
        used = await database(receiver.storage.redeemed_at, code)
        verdict = ("bad", f"Already used on {local_time(request, used)}.")
    status = 200 if verdict[0] == "ok" else 409 if "Already" in verdict[1] else 422
    return console_page(
        request, session, "staff/till.html", status=status, verdict=verdict, code=shown
    )
