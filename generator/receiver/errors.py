"""One error shape for every 4xx/5xx: JSON for JSON clients, a small HTML page for browsers."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from urllib.parse import urlsplit

from babel import negotiate_locale
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from generator.i18n import N_, gettext_in
from generator.receiver.pages import render

MESSAGES = {
    400: N_("The request could not be read."),
    401: N_("This page needs the admin token."),
    403: N_("This form can only be sent from the shop's own site."),
    404: N_("There is nothing here."),
    405: N_("This address does not take that kind of request."),
    409: N_("This has been done already."),
    410: N_("This survey has closed."),
    413: N_("What you sent is too large."),
    415: N_("Send the form, or JSON."),
    422: N_("Some answers need another look."),
    429: N_("Too many requests: please wait a moment and try again."),
    500: N_("Something went wrong on our side."),
    503: N_("We cannot save answers right now: please try again in a minute."),
}


class ApiError(HTTPException):
    """A 4xx/5xx with a stable ``code`` and a message a person can act on.

    ``message`` is English with ``%(name)s`` placeholders for ``values``; the response gives
    it in the customer's language.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str | None = None,
        headers: dict[str, str] | None = None,
        **values: object,
    ) -> None:
        self.message = message or MESSAGES.get(status, "")
        self.values = values
        super().__init__(status, self.message % values if values else self.message, headers)
        self.code = code

    def translated(self, language: str) -> str:
        return gettext_in(language, self.message, **self.values)


def request_language(request: Request) -> str:
    """The customer's language: the form's ``lang``, else their browser's, else the default."""
    languages: tuple[str, ...] = getattr(request.app.state, "languages", ("en",))
    chosen = getattr(request.state, "lang", None) or request.query_params.get("lang")
    if chosen in languages:
        return str(chosen)
    accepted = accepted_languages(request.headers.get("accept-language", ""))
    return negotiate_locale(accepted, languages) or languages[0]


def accepted_languages(header: str) -> list[str]:
    """The languages of an ``Accept-Language`` header, most wanted first; ``q=0`` left out.

    ``"es;q=0.5, id"`` gives ``["id", "es"]``; ties keep the header's order. Only the first
    32 entries of the first 1,000 characters count: the header is the client's to make long.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header[:1000].split(",")[:32]):
        tag, *params = part.split(";")
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag.strip() and 0 < quality <= 1:  # NaN and out-of-range weights count as refusals
            ranked.append((-quality, position, tag.strip().replace("-", "_")))
    return [tag for _, _, tag in sorted(ranked)]


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    kind = request.headers.get("content-type", "")
    return "application/json" in accept or (
        kind.startswith("application/json") and "text/html" not in accept
    )


def error_response(
    request: Request, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The one error shape: ``{"error": {"status", "code", "message"}}`` or the same as a page."""
    if wants_json(request):
        body = {"error": {"status": status, "code": code, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    language = request_language(request)
    title = gettext_in(language, MESSAGES[status]) if status in MESSAGES else message
    back = _back_link(request)
    html = render(
        "error.html",
        request,
        language,
        status=status,
        code=code,
        message=message,
        title=title,
        back=back,
    )
    return HTMLResponse(html, status_code=status, headers=headers)


async def http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):
        return await server_error(request, exc)
    code = (
        exc.code
        if isinstance(exc, ApiError)
        else {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
    )
    language = request_language(request)
    if isinstance(exc, ApiError):
        message = exc.translated(language)
    elif exc.detail and exc.detail != _default_phrase(exc.status_code):
        message = exc.detail
    else:
        message = gettext_in(language, MESSAGES.get(exc.status_code, ""))
    return error_response(request, exc.status_code, code, message, exc.headers)


async def server_error(request: Request, exc: Exception) -> Response:
    return error_response(
        request, 500, "internal", gettext_in(request_language(request), MESSAGES[500])
    )


def _default_phrase(status: int) -> str:
    return HTTPStatus(status).phrase


def _back_link(request: Request) -> str | None:
    """The form's page, when the browser said where it came from and it is the shop's site.

    The Referer's origin must be one of the site's origins exactly: a prefix would let
    ``https://shop.example.evil.test/`` or ``https://shop.example@evil.test/`` through.
    """
    referer = request.headers.get("referer", "")
    origins = getattr(request.app.state, "site_origins", ()) if "app" in request.scope else ()
    try:
        parts = urlsplit(referer)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    if origins and origin not in {o.lower() for o in origins}:
        return None
    return referer
