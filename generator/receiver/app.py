"""The receiver: Starlette routes for the forms, code redemption and the admin's report."""

from __future__ import annotations

import asyncio
import csv
import gc
import hmac
import io
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from generator.model.campaign import Campaign
from generator.pages.brand import text_on
from generator.receiver import forms
from generator.receiver.errors import ApiError, http_error, server_error, wants_json
from generator.receiver.limits import BodyLimit, RateLimit, retry_after
from generator.receiver.pages import render
from generator.receiver.report import build_report
from generator.receiver.settings import Settings
from generator.receiver.storage import Storage

log = logging.getLogger("appreciate.receiver")


def create_app(campaign: Campaign, settings: Settings, code_key: bytes | None = None) -> Starlette:
    """The receiver for ``campaign``; migrations run when it starts."""
    storage = Storage(settings.database_url)
    limiter = RateLimit(settings.rate_per_minute, settings.rate_burst)

    async def database(call: Callable[..., Any], *args: Any) -> Any:
        """Run a storage call in a thread; a lost database is a 503, never a 500."""
        with _unavailable_is_503():
            return await run_in_threadpool(call, *args)

    async def committed(submit: Callable[..., asyncio.Future[Any]], *args: Any) -> Any:
        """Hand an insert to the group writer and wait for its durable commit."""
        with _unavailable_is_503():
            return await submit(*args)

    def guard_form(request: Request) -> None:
        wait = limiter.wait(request.client.host if request.client else "?")
        if wait:
            raise ApiError(429, "rate_limited", headers=retry_after(wait))
        origin = request.headers.get("origin")
        if settings.site_origins and origin and origin.rstrip("/") not in settings.site_origins:
            raise ApiError(403, "wrong_origin")

    async def fields(request: Request) -> dict[str, str]:
        kind = request.headers.get("content-type", "")
        if kind.startswith("application/json"):
            try:
                data = json.loads(await request.body())
            except (ValueError, UnicodeDecodeError):
                raise ApiError(400, "bad_json", "the body is not valid JSON") from None
            if not isinstance(data, dict) or not all(
                isinstance(v, str | int) for v in data.values()
            ):
                raise ApiError(422, "invalid", "send an object of field names and text values")
            return {str(k): str(v) for k, v in data.items()}
        if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form(max_files=0, max_fields=100)
            return {k: v for k, v in form.items() if isinstance(v, str)}
        raise ApiError(415, "unsupported_media_type")

    async def survey(request: Request) -> Response:
        guard_form(request)
        data = await fields(request)
        if data.get(forms.HONEYPOT):
            await committed(storage.count_spam, "survey")
            return _answered(
                request, "survey", {"code": "THANKYOU00", "lang": data.get("lang", "en")}
            )
        answer = forms.survey_answer(campaign, data)
        code = await committed(
            storage.add_answer,
            campaign.id,
            answer.lang,
            answer.nps,
            answer.values,
            answer.email,
            answer.consent,
        )
        return _answered(
            request,
            "survey",
            {"code": code, "lang": answer.lang},
            {"reward_code": code, "reward": campaign.survey.reward.title},
        )

    async def complaint(request: Request) -> Response:
        guard_form(request)
        data = await fields(request)
        hours = campaign.complaints.response_hours
        if data.get(forms.HONEYPOT):
            await committed(storage.count_spam, "complaint")
            return _answered(
                request, "complaint", {"ticket": "T-000000", "lang": data.get("lang", "en")}
            )
        checked = forms.complaint(campaign, data)
        ticket = await committed(
            storage.add_complaint, campaign.id, checked.lang, checked.fields, hours
        )
        body = {
            "ticket": ticket.ticket,
            "due_at": ticket.due_at.isoformat(),
            "response_hours": hours,
        }
        return _answered(
            request, "complaint", {"ticket": ticket.ticket, "lang": checked.lang}, body
        )

    def _answered(
        request: Request, form: str, query: dict[str, str], body: dict[str, Any] | None = None
    ) -> Response:
        if wants_json(request):
            return JSONResponse(body or {"status": "received"}, status_code=201)
        return RedirectResponse(f"/thanks/{form}?{urlencode(query)}", status_code=303)

    async def thanks_survey(request: Request) -> Response:
        code = request.query_params.get("code", "")[:16]
        html = render(
            "thanks_survey.html",
            request,
            code=code,
            reward=campaign.survey.reward.title,
            lang=_lang(request),
        )
        return HTMLResponse(html)

    async def thanks_complaint(request: Request) -> Response:
        ticket = request.query_params.get("ticket", "")[:16]
        hours = campaign.complaints.response_hours
        html = render(
            "thanks_complaint.html",
            request,
            ticket=ticket,
            hours=hours,
            due=f"{hours} hours after you sent it",
            lang=_lang(request),
        )
        return HTMLResponse(html)

    def require(request: Request, token: str | None, who: str) -> None:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token:
            raise ApiError(401, "unauthorized", f"the {who} token is not set on this receiver")
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})

    async def redeem(request: Request) -> Response:
        require(request, settings.staff_token, "staff")
        data = await fields(request)
        code = data.get("code", "").strip().upper()
        email = data.get("email", "").strip().lower()
        if not code:
            raise ApiError(422, "missing", "send the code")
        kind = None
        if email and code_key is not None:
            from generator.customers.codes import verify

            kind = "personal" if verify(code, email, campaign.id, code_key) else None
        if kind is None and await database(storage.is_reward_code, code):
            kind = "reward"
        if kind is None:
            raise ApiError(404, "unknown_code", "this code is not valid")
        if not await database(storage.redeem, code, kind):
            raise ApiError(409, "already_used", "this code has been used already")
        return JSONResponse({"code": code, "kind": kind, "status": "redeemed"})

    async def report(request: Request) -> Response:
        require(request, settings.admin_token, "admin")
        built = await database(build_report, storage)
        return HTMLResponse(render("report.html", request, report=built))

    async def export(request: Request) -> Response:
        require(request, settings.admin_token, "admin")
        rows = await database(lambda: list(storage.export_answers()))
        return StreamingResponse(
            iter([answers_csv(rows)]),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="answers.csv"'},
        )

    async def customer(request: Request) -> Response:
        require(request, settings.admin_token, "admin")
        email = request.query_params.get("email", "")
        if not email:
            raise ApiError(422, "missing", "give ?email=")
        if request.method == "DELETE":
            return JSONResponse({"deleted": await database(storage.delete_customer, email)})
        return JSONResponse(
            json.loads(json.dumps(await database(storage.customer_data, email), default=str))
        )

    async def answered(request: Request) -> Response:
        require(request, settings.admin_token, "admin")
        if not await database(storage.mark_answered, request.path_params["ticket"]):
            raise ApiError(404, "unknown_ticket", "no open complaint has this ticket")
        return JSONResponse({"status": "answered"})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    @asynccontextmanager
    async def lifespan(app: Starlette):  # type: ignore[no-untyped-def]
        await run_in_threadpool(storage.migrate)
        # what start-up built lives as long as the process: keep it out of every collection
        gc.freeze()
        if not settings.site_origins:
            log.warning("APPRECIATE_SITE_ORIGIN is not set: forms are accepted from any site")
        yield
        await run_in_threadpool(storage.close)

    routes = [
        Route("/survey", survey, methods=["POST"]),
        Route("/complaints", complaint, methods=["POST"]),
        Route("/complaints/{ticket}/answered", answered, methods=["POST"]),
        Route("/thanks/survey", thanks_survey),
        Route("/thanks/complaint", thanks_complaint),
        Route("/codes/redeem", redeem, methods=["POST"]),
        Route("/report", report),
        Route("/export.csv", export),
        Route("/customer", customer, methods=["GET", "DELETE"]),
        Route("/health", health),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(BodyLimit)],
        exception_handlers={HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
    )
    app.state.brand = {
        "name": campaign.business.name,
        "primary": campaign.brand.primary,
        "on_primary": text_on(campaign.brand.primary),
        "site": str(campaign.business.website) if campaign.business.website else None,
    }
    app.state.storage = storage
    app.state.site_origins = tuple(settings.site_origins)
    return app


@contextmanager
def _unavailable_is_503() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        log.warning("database unavailable: %s", type(exc.orig).__name__ if exc.orig else exc)
        raise ApiError(503, "unavailable", headers=retry_after(5)) from None


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "en")
    return lang if lang in forms.LANGUAGES else "en"


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
    """What a customer typed, made safe from spreadsheet formulas (=, +, -, @)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
