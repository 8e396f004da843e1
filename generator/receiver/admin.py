"""What the shop reaches with the admin token: the report, the export, a customer's data."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from generator.receiver.context import database, receiver_of, require_token
from generator.receiver.errors import ApiError
from generator.receiver.pages import render
from generator.receiver.report import build_report

_FORMULA_START = re.compile(r"(^|[;,\t\r\n])([ \"]*)([=+\-@])")


async def report(request: Request) -> Response:
    require_token(request, "admin")
    built = await database(build_report, receiver_of(request).storage)
    return HTMLResponse(render("report.html", request, report=built))


async def export(request: Request) -> Response:
    require_token(request, "admin")
    return await answers_download(request)


async def answers_download(request: Request) -> Response:
    """Every survey answer as ``answers.csv``, for a caller that has checked who asks."""
    storage = receiver_of(request).storage
    rows = await database(lambda: list(storage.export_answers()))
    return Response(
        answers_csv(rows),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="answers.csv"'},
    )


async def customer(request: Request) -> Response:
    """A GDPR access (GET) or erasure (DELETE) request for ``?email=``."""
    require_token(request, "admin")
    storage = receiver_of(request).storage
    email = request.query_params.get("email", "")
    if not email:
        raise ApiError(422, "missing", "give ?email=")
    if request.method == "DELETE":
        return JSONResponse({"deleted": await database(storage.delete_customer, email)})
    data = await database(storage.customer_data, email)
    return JSONResponse(json.loads(json.dumps(data, default=str)))


async def answered(request: Request) -> Response:
    require_token(request, "admin")
    if not await database(
        receiver_of(request).storage.mark_answered, request.path_params["ticket"]
    ):
        raise ApiError(404, "unknown_ticket", "no open complaint has this ticket")
    return JSONResponse({"status": "answered"})


def answers_csv(rows: list[dict[str, Any]]) -> str:
    """Answers as CSV, one column per question, spreadsheet formulas defused."""
    questions = sorted({key for row in rows for key in row["answers"]})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["id", "received_at", "lang", "nps", *questions, "email", "consent", "reward_code"]
    )
    for row in rows:
        values = [_cell(row["answers"].get(q, "")) for q in questions]
        writer.writerow(
            [
                row["id"],
                row["received_at"],
                row["lang"],
                row["nps"],
                *values,
                _cell(row["email"] or ""),
                row["consent"],
                row["reward_code"],
            ]
        )
    return out.getvalue()


def _cell(value: str) -> str:
    """What a customer typed, made safe from spreadsheet formulas (=, +, -, @).

    A spreadsheet may start a cell after any separator it splits at (``;`` in semicolon
    locales, ``,``, a tab, a line break), past spaces and quotes: each such start is defused.
    """
    defused = _FORMULA_START.sub(r"\1\2'\3", value)
    return "'" + defused if defused[:1] in ("\t", "\r") else defused
