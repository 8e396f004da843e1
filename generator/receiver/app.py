"""The receiver app: its routes, middleware, error handlers and start-up."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route
from starlette.types import ASGIApp

from generator.model.campaign import Campaign
from generator.model.translated import localized
from generator.pages.colours import text_on
from generator.receiver import admin, checkback, public
from generator.receiver.context import Receiver
from generator.receiver.errors import http_error, server_error
from generator.receiver.headers import SecurityHeaders
from generator.receiver.limits import BodyLimit, RateLimit
from generator.receiver.settings import Settings
from generator.receiver.staff.roles import SignInNeeded, sign_in_needed
from generator.receiver.staff.routes import ROUTES as STAFF_ROUTES
from generator.receiver.storage import Storage

log = logging.getLogger("appreciate.receiver")

ROUTES = [
    Route("/survey", public.survey, methods=["POST"]),
    Route("/complaints", public.complaint, methods=["POST"]),
    Route("/thanks/survey", public.thanks_survey),
    Route("/thanks/complaint", public.thanks_complaint),
    Route("/codes/redeem", public.redeem, methods=["POST"]),
    Route("/health", public.health),
    Route("/health/ready", public.ready),
    Route("/check-back/{token}", checkback.page),
    Route("/check-back/{token}", checkback.answer, methods=["POST"]),
    Route("/report", admin.report),
    Route("/export.csv", admin.export),
    Route("/customer", admin.customer, methods=["GET", "DELETE"]),
    Route("/complaints/{ticket}/answered", admin.answered, methods=["POST"]),
    *STAFF_ROUTES,
]


class ReceiverApp(Starlette):
    """Starlette with the security headers outside its error middleware, so a 500 has them too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(campaign: Campaign, settings: Settings, code_key: bytes | None = None) -> Starlette:
    """The receiver for ``campaign``; migrations run when it starts."""
    receiver = Receiver(
        campaign,
        settings,
        Storage(settings.database_url, settings.db_connect_timeout, settings.db_statement_timeout),
        RateLimit(settings.rate_per_minute, settings.rate_burst),
        code_key,
        {language: localized(campaign, language) for language in campaign.business.site_languages},
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(receiver.storage.migrate)
        # what start-up built lives as long as the process: keep it out of every collection
        gc.freeze()
        if not settings.site_origins:
            log.warning("APPRECIATE_SITE_ORIGIN is not set: forms are accepted from any site")
        stop = asyncio.Event()
        sending = _start_sender(receiver, stop)
        yield
        stop.set()
        if sending is not None:
            await sending
        await run_in_threadpool(receiver.storage.close)

    # the site's own script reads the JSON answers: allow it across origins, and only it
    cors = Middleware(
        CORSMiddleware,
        allow_origins=list(settings.site_origins) or ["*"],
        allow_methods=["POST"],
        allow_headers=["Accept", "Content-Type"],
    )
    app = ReceiverApp(
        routes=ROUTES,
        middleware=[cors, Middleware(BodyLimit)],
        exception_handlers={
            HTTPException: http_error,
            SignInNeeded: sign_in_needed,
            Exception: server_error,
        },
        lifespan=lifespan,
    )
    app.state.receiver = receiver
    app.state.site_origins = tuple(settings.site_origins)
    app.state.languages = campaign.business.site_languages
    app.state.brand = {
        "name": campaign.business.name,
        "primary": campaign.brand.primary,
        "on_primary": text_on(campaign.brand.primary),
        "site": str(campaign.business.website) if campaign.business.website else None,
    }
    return app


def _start_sender(receiver: Receiver, stop: asyncio.Event) -> asyncio.Task[None] | None:
    """The outbox's sender, when a mail server is configured; else replies wait, unsent."""
    server = receiver.settings.smtp
    if server is None:
        log.warning("APPRECIATE_SMTP_URL is not set: replies are stored, not sent")
        return None
    from generator.receiver.sender import Sender

    return asyncio.create_task(Sender(receiver, server).run(stop), name="appreciate-mail")
