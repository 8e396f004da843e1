"""Security headers on every answer; pages get a Content-Security-Policy that forbids framing."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# the receiver's pages: styles inline (the brand's colours) or from itself, no inline scripts,
# forms posting only to itself (the staff console), never framed (clickjacking)
PAGE_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "script-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# JSON, CSV and the rest: nothing to load, nothing to frame
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'"
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # thank-you pages carry the reward code in their address: no page sends it on
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """Adds ``HEADERS`` and a Content-Security-Policy to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                page = headers.get("content-type", "").startswith("text/html")
                headers.setdefault("Content-Security-Policy", PAGE_POLICY if page else OTHER_POLICY)
            await send(message)

        await self.app(scope, receive, with_headers)
