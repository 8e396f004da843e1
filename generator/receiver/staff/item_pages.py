"""The item's page and its two forms: reply, and close without a reply."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from generator.i18n import N_, gettext_in
from generator.receiver.context import database, receiver_of
from generator.receiver.errors import ApiError
from generator.receiver.outbox import reply_mailto
from generator.receiver.staff import csrf, items
from generator.receiver.staff.inbox import answer_text, aware
from generator.receiver.staff.page import console_language, console_page
from generator.receiver.staff.roles import signed_in
from generator.receiver.staff.sessions import Session


def _unknown() -> ApiError:
    return ApiError(404, "unknown_ticket", N_("no complaint or survey answer has this ticket"))


async def _show(
    request: Request, session: Session, item: items.Item, status: int = 200, **problems: str
) -> Response:
    from generator.receiver.storage import now

    receiver = receiver_of(request)
    done = await database(items.history, receiver.storage.engine, item)
    mailto = {
        r.id: reply_mailto(receiver, item.mail_to(), r.body)
        for r in done["replies"]
        if r.kind == "reply"
    }
    return console_page(
        request,
        session,
        "staff/item.html",
        status=status,
        item=item,
        written=answer_text(item.answers) if item.answers else "",
        done=done,
        mailto=mailto,
        left=aware(item.due_at) - now(),
        problem_reply=problems.get("reply"),
        problem_note=problems.get("note"),
        draft=problems.get("draft", ""),
    )


async def item_page(request: Request) -> Response:
    session = await signed_in(request)
    ticket = request.path_params["ticket"]
    item = await database(items.find, receiver_of(request).storage.engine, ticket)
    if item is None:
        raise _unknown()
    return await _show(request, session, item)


async def reply(request: Request) -> Response:
    session = await signed_in(request)
    data = await csrf.checked_form(request, session.csrf)
    receiver = receiver_of(request)
    ticket = request.path_params["ticket"]
    body = data.get("body", "").strip()
    if not body or len(body) > items.MAX_REPLY:
        item = await database(items.find, receiver.storage.engine, ticket)
        if item is None:
            raise _unknown()
        problem = gettext_in(
            console_language(request),
            N_("Write the reply first.") if not body else N_("The reply is too long."),
        )
        return await _show(request, session, item, 422, reply=problem, draft=body)
    queued = await database(items.reply, receiver, ticket, session.member.email, body)
    if queued is None:
        raise _unknown()
    return RedirectResponse(f"/staff/items/{ticket}#sent", status_code=303)


async def close(request: Request) -> Response:
    session = await signed_in(request)
    data = await csrf.checked_form(request, session.csrf)
    engine = receiver_of(request).storage.engine
    ticket = request.path_params["ticket"]
    note = data.get("note", "").strip()[: items.MAX_REPLY]
    if not note:
        item = await database(items.find, engine, ticket)
        if item is None:
            raise _unknown()
        note = gettext_in(
            console_language(request), "Say how it was answered, e.g. “answered by phone”."
        )
        return await _show(request, session, item, 422, note=note)
    if not await database(items.close, engine, ticket, session.member.email, note):
        raise _unknown()
    return RedirectResponse(f"/staff/items/{ticket}", status_code=303)
