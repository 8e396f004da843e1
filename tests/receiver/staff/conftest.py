"""The console in-process (Starlette's TestClient on the real app and a real database)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from generator.model.loader import load_campaign
from generator.receiver.app import create_app
from generator.receiver.settings import Settings
from generator.receiver.staff import accounts
from generator.receiver.staff.setup import issue_link
from tests.conftest import BUILD_DAY
from tests.receiver.conftest import ADMIN, CAMPAIGN, SITE, STAFF

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2; httpx is what this project has
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

OWNER, CLERK = "owner@shop.example", "clerk@shop.example"
PASSWORD = "correct horse battery"


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text
    return found[1]


@dataclass
class Console:
    client: TestClient
    app: object

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.app.state.receiver.storage.engine  # type: ignore[attr-defined]

    def browser(self, https: bool = False) -> TestClient:
        """Another browser: its own cookies."""
        scheme = "https" if https else "http"
        return TestClient(self.app, base_url=f"{scheme}://testserver", follow_redirects=False)  # type: ignore[arg-type]

    def rows(self, sql: str) -> list[object]:
        """What ``sql`` reads from the receiver's database, directly."""
        with self.engine.connect() as connection:
            return list(connection.exec_driver_sql(sql).all())

    def add(self, email: str, role: str, password: str = PASSWORD) -> None:
        accounts.add(self.engine, email, role, password)

    def setup_link(self) -> str:
        token = issue_link(self.engine)
        assert token
        return f"/staff/setup/{token}"

    def sign_in(self, client: TestClient, email: str, password: str = PASSWORD) -> httpx.Response:
        page = client.get("/staff/login")
        return client.post(
            "/staff/login",
            data={"csrf": csrf_of(page), "email": email, "password": password},
        )

    def signed_in(self, email: str, https: bool = False) -> TestClient:
        client = self.browser(https)
        signed = self.sign_in(client, email)
        assert signed.status_code == 303, signed.text
        return client


def make_app(database_url: str, **changes: object) -> object:
    settings = Settings(
        database_url=database_url,
        admin_token=ADMIN,
        staff_token=STAFF,
        site_origins=(SITE,),
        rate_per_minute=0,
        **changes,  # type: ignore[arg-type]
    )
    return create_app(load_campaign(CAMPAIGN).campaign, settings, b"a-code-key-for-the-tests")


@pytest.fixture(autouse=True)
def campaign_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The receiver in-process lives on the tests' campaign day (the survey closes after it)."""
    monkeypatch.setenv("APPRECIATE_TODAY", BUILD_DAY)


@pytest.fixture
def bare_console(database_url: str) -> Iterator[Console]:
    """The console of a new receiver: no account yet."""
    app = make_app(database_url)
    with TestClient(app, follow_redirects=False) as client:  # type: ignore[arg-type]
        yield Console(client, app)


@pytest.fixture
def console(bare_console: Console) -> Console:
    """A console with an owner and a staff member."""
    bare_console.add(OWNER, "owner")
    bare_console.add(CLERK, "staff")
    return bare_console
