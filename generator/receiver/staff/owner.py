"""The owner's pages: the report, the answers' export, a customer's data (GDPR), the accounts."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from generator.receiver.admin import answers_download
from generator.receiver.context import database, receiver_of
from generator.receiver.report import build_report
from generator.receiver.staff import accounts, csrf
from generator.receiver.staff.page import console_page
from generator.receiver.staff.roles import signed_in


async def report(request: Request) -> Response:
    session = await signed_in(request, owner=True)
    built = await database(build_report, receiver_of(request).storage)
    return console_page(request, session, "staff/report.html", report=built)


async def export(request: Request) -> Response:
    await signed_in(request, owner=True)
    return await answers_download(request)


def _readable(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, str]]]:
    """Each stored value as text, the way the JSON access request gives it."""
    plain: dict[str, list[dict[str, Any]]] = json.loads(json.dumps(data, default=str))
    return {
        table: [{k: _text(v) for k, v in row.items()} for row in rows]
        for table, rows in plain.items()
    }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


async def customers(request: Request) -> Response:
    """GET ?email=: everything stored about a customer; POST: erase it (with a confirmation)."""
    session = await signed_in(request, owner=True)
    storage = receiver_of(request).storage
    erased = None
    if request.method == "POST":
        data = await csrf.checked_form(request, session.csrf)
        email = data.get("email", "").strip()[:254]
        if email and data.get("confirm") == "yes":
            erased = await database(storage.delete_customer, email)
    else:
        email = request.query_params.get("email", "").strip()[:254]
    found = _readable(await database(storage.customer_data, email)) if email else None
    return console_page(
        request, session, "staff/customers.html", email=email, found=found, erased=erased
    )


async def people(request: Request) -> Response:
    session = await signed_in(request, owner=True)
    members = await database(accounts.members, receiver_of(request).storage.engine)
    return console_page(request, session, "staff/people.html", members=members)
