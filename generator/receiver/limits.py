"""Abuse limits: a cap on request bodies, and a per-client rate limit."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, MutableMapping

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from generator.receiver.errors import error_response

MAX_BODY = 64 * 1024


class BodyLimit:
    """413 for a body over ``limit`` bytes, by its Content-Length or as it streams in."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = error_response(
            request, 413, "too_large", f"the request is over {self.limit // 1024} KB"
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


class RateLimit:
    """A token bucket per client address: ``per_minute`` requests, bursts of ``burst``."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60
        self.burst = burst
        self.clock = clock
        self.buckets: MutableMapping[str, tuple[float, float]] = {}

    def wait(self, client: str) -> float:
        """0 when the request may go on, else the seconds until it may."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        tokens, last = self.buckets.get(client, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1:
            self.buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate
        self.buckets[client] = (tokens - 1, now)
        if len(self.buckets) > 100_000:  # forget idle clients
            self.buckets.clear()
        return 0.0


def retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}
