"""Who may see a console page: a signed-out browser is sent to sign in, a script gets a 401.

The checks that read accounts and sessions from the database are tested on the real console
(test_signin.py, test_owner.py); these are the parts that need none.
"""

from __future__ import annotations

import warnings

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from generator.receiver.staff.roles import SignInNeeded, require_owner_exists, sign_in_needed

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2; httpx is what this project has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


async def private(request: Request) -> PlainTextResponse:
    raise SignInNeeded()


async def console(request: Request) -> PlainTextResponse:
    await require_owner_exists(request)
    return PlainTextResponse("console")


@pytest.fixture
def client() -> TestClient:
    app = Starlette(
        routes=[Route("/staff/inbox", private, methods=["GET", "POST"]), Route("/staff", console)],
        exception_handlers={SignInNeeded: sign_in_needed},
    )
    return TestClient(app, follow_redirects=False)


def test_a_signed_out_browser_is_sent_to_the_sign_in_page(client: TestClient) -> None:
    response = client.get("/staff/inbox", headers={"accept": "text/html"})
    assert (response.status_code, response.headers["location"]) == (303, "/staff/login")


@pytest.mark.parametrize(
    ("method", "accept"),
    [("GET", "application/json"), ("POST", "application/json")],
    ids=["a script", "a post"],
)
def test_a_script_or_a_post_gets_a_401_in_the_error_shape(
    client: TestClient, method: str, accept: str
) -> None:
    response = client.request(method, "/staff/inbox", headers={"accept": accept})
    assert response.status_code == 401
    assert response.json() == {
        "error": {"status": 401, "code": "signed_out", "message": "sign in first: /staff/login"}
    }


def test_a_posted_form_signed_out_is_not_redirected(client: TestClient) -> None:
    response = client.post("/staff/inbox", data={"note": "x"}, headers={"accept": "text/html"})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("text/html")
    assert "Error 401 (signed_out)." in response.text


def test_once_the_owner_exists_the_database_is_not_asked_again(client: TestClient) -> None:
    client.app.state.staff_ready = True  # type: ignore[attr-defined]
    assert client.get("/staff").text == "console"
