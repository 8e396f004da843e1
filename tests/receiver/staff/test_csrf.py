"""CSRF tokens: a state-changing form carries its session's token, or before sign-in a cookie's."""

from __future__ import annotations

import warnings

import httpx
import pytest
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from generator.receiver.errors import http_error
from generator.receiver.staff.csrf import (
    COOKIE,
    FIELD,
    checked_anonymous_form,
    checked_form,
    form_token,
)

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2; httpx is what this project has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SESSION_TOKEN = "the-session-token-of-a-signed-in-member"
JSON = {"accept": "application/json"}


async def signed(request: Request) -> JSONResponse:
    return JSONResponse(await checked_form(request, SESSION_TOKEN))


async def anonymous(request: Request) -> JSONResponse:
    return JSONResponse(await checked_anonymous_form(request))


async def token(request: Request) -> JSONResponse:
    value, new = form_token(request)
    return JSONResponse({"token": value, "new": new})


@pytest.fixture
def client() -> TestClient:
    app = Starlette(
        routes=[
            Route("/signed", signed, methods=["POST"]),
            Route("/anonymous", anonymous, methods=["POST"]),
            Route("/token", token),
        ],
        exception_handlers={HTTPException: http_error},
    )
    return TestClient(app, headers=JSON)


def refused(response: httpx.Response) -> str:
    assert response.status_code == 403
    body = response.json()
    assert body["error"]["code"] == "csrf"
    return str(body["error"]["message"])


def test_a_form_with_its_sessions_token_goes_through(client: TestClient) -> None:
    response = client.post("/signed", data={FIELD: SESSION_TOKEN, "note": "hi"})
    assert response.status_code == 200
    assert response.json() == {FIELD: SESSION_TOKEN, "note": "hi"}
    multipart = client.post("/signed", data={FIELD: SESSION_TOKEN}, files={"x": (None, "y")})
    assert multipart.json() == {FIELD: SESSION_TOKEN, "x": "y"}


@pytest.mark.parametrize(
    "form",
    [{FIELD: "another-token"}, {FIELD: ""}, {"note": "no token"}, {FIELD: SESSION_TOKEN[:-1]}],
    ids=["wrong", "empty", "absent", "a prefix"],
)
def test_a_form_without_the_right_token_is_refused(
    client: TestClient, form: dict[str, str]
) -> None:
    message = refused(client.post("/signed", data=form))
    assert message == "this form's security token is wrong: reload the page"


def test_only_a_form_can_carry_the_token(client: TestClient) -> None:
    response = client.post("/signed", json={FIELD: SESSION_TOKEN})  # a script's fetch()
    assert refused(response) == "this form's security token is missing: reload the page"
    assert refused(client.post("/signed", content=f"{FIELD}={SESSION_TOKEN}")) == (
        "this form's security token is missing: reload the page"
    )


def test_before_sign_in_the_token_must_equal_the_cookies(client: TestClient) -> None:
    value = "c" * 43
    client.cookies.set(COOKIE, value)
    assert client.post("/anonymous", data={FIELD: value}).status_code == 200
    assert refused(client.post("/anonymous", data={FIELD: "d" * 43})).endswith(
        "is wrong: reload the page"
    )
    client.cookies.clear()
    assert refused(client.post("/anonymous", data={FIELD: ""}))  # no cookie, no token: still no


def test_a_form_before_sign_in_gets_a_new_token_unless_its_cookie_has_one(
    client: TestClient,
) -> None:
    first, second = client.get("/token").json(), client.get("/token").json()
    assert first["new"] and second["new"] and first["token"] != second["token"]
    assert len(first["token"]) >= 32
    client.cookies.set(COOKIE, "k" * 32)
    assert client.get("/token").json() == {"token": "k" * 32, "new": False}
    client.cookies.set(COOKIE, "short")  # too short to be ours
    fresh = client.get("/token").json()
    assert fresh["new"] and fresh["token"] != "short"
