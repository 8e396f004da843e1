"""Abuse limits: a cap on request bodies, and a token bucket per client."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from generator.receiver.limits import MAX_BODY, BodyLimit, RateLimit, retry_after

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2; httpx is what this project has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

JSON = {"accept": "application/json"}


async def echo(request: Request) -> JSONResponse:
    return JSONResponse({"received": len(await request.body())})


def client(limit: int = 1024) -> TestClient:
    """An app behind the limit, as the receiver mounts it (Starlette sets the scope's app)."""
    app = Starlette(
        routes=[Route("/", echo, methods=["POST"])],
        middleware=[Middleware(BodyLimit, limit=limit)],
    )
    return TestClient(app)


def test_a_body_within_the_limit_reaches_the_app() -> None:
    assert client().post("/", content=b"x" * 1024, headers=JSON).json() == {"received": 1024}
    assert BodyLimit(Starlette()).limit == MAX_BODY == 64 * 1024


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    response = client().post("/", content=b"x" * 1025, headers=JSON)
    assert response.status_code == 413
    assert response.json() == {
        "error": {"status": 413, "code": "too_large", "message": "the request is over 1 KB"}
    }


def test_a_streamed_body_is_counted_as_it_comes() -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked
        for _ in range(5):
            yield b"x" * 300

    response = client().post("/", content=chunks(), headers=JSON)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    small = client().post("/", content=b"x" * 300, headers=JSON)
    assert small.json() == {"received": 300}


def test_a_browser_gets_the_error_as_a_page() -> None:
    response = client().post("/", content=b"x" * 2048, headers={"accept": "text/html"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>What you sent is too large.</h1>" in response.text
    assert "The request is over 1 KB." in response.text


NOW = time.monotonic()


def stopped() -> float:
    """A clock that stands still: no time passes between a test's requests."""
    return NOW


def test_a_burst_then_a_wait_of_one_tokens_time() -> None:
    limit = RateLimit(per_minute=6, burst=3, clock=stopped)  # a token every 10 s
    assert [limit.wait("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    waited = limit.wait("a")
    assert 9 < waited <= 10  # minus the moment the test took
    assert limit.wait("b") == 0.0  # each client has its own bucket


def test_the_bucket_refills_with_time_up_to_the_burst() -> None:
    limit = RateLimit(per_minute=60, burst=5, clock=stopped)  # a token a second
    limit.buckets["a"] = (0.0, NOW - 2.5)
    assert limit.wait("a") == 0.0
    tokens, _ = limit.buckets["a"]
    assert 1.5 <= tokens < 2  # 2.5 refilled, 1 spent
    limit.buckets["a"] = (0.0, NOW - 3600)
    assert limit.wait("a") == 0.0
    assert limit.buckets["a"][0] == 4  # never more than the burst


def test_a_refused_request_spends_no_token() -> None:
    limit = RateLimit(per_minute=1, burst=1, clock=stopped)
    assert limit.wait("a") == 0.0
    first, second = limit.wait("a"), limit.wait("a")
    assert 0 < second <= first  # the wait shrinks, it does not grow


def test_no_rate_means_no_limit() -> None:
    limit = RateLimit(per_minute=0, burst=0)
    assert all(limit.wait("a") == 0.0 for _ in range(100))
    assert limit.buckets == {}


def test_idle_clients_are_forgotten_past_a_hundred_thousand() -> None:
    limit = RateLimit(per_minute=60, burst=5)
    now = time.monotonic()
    limit.buckets.update({f"client-{n}": (5.0, now) for n in range(100_000)})
    assert limit.wait("one more") == 0.0
    assert limit.buckets == {}


@pytest.mark.parametrize(
    ("seconds", "header"), [(0.0, "1"), (0.2, "1"), (1.0, "1"), (1.01, "2"), (59.5, "60")]
)
def test_retry_after_is_whole_seconds_at_least_one(seconds: float, header: str) -> None:
    assert retry_after(seconds) == {"Retry-After": header}
