"""The inbox and an item's page: open items by due time, search, pages, reply, close."""

from __future__ import annotations

import re
from email import message_from_string

import pytest
from starlette.testclient import TestClient

from tests.receiver.staff.conftest import CLERK, OWNER, Console, csrf_of, make_app
from tests.receiver.test_forms import COMPLAINT, SURVEY

JSON = {"Accept": "application/json"}


def complain(client: TestClient, **changes: str) -> str:
    sent = client.post("/complaints", json={**COMPLAINT, **changes}, headers=JSON)
    assert sent.status_code == 201, sent.text
    return str(sent.json()["ticket"])


def overdue(console: Console, ticket: str, hours: int) -> None:
    postgres = console.engine.dialect.name == "postgresql"
    with console.engine.begin() as connection:
        connection.exec_driver_sql(
            f"update complaints set due_at = received_at - interval '{hours} hours' where ticket = %(t)s"
            if postgres
            else f"update complaints set due_at = datetime(received_at, '-{hours} hours') where ticket = :t",
            {"t": ticket},
        )


def tickets_on(page: str) -> list[str]:
    return re.findall(r'<a href="/staff/items/[^"]+"><strong>([^<]+)</strong>', page)


def test_open_items_first_by_due_time_with_overdue_in_red(console: Console) -> None:
    first = complain(console.client, message="The first one")
    late = complain(console.client, message="Late one", lang="es")
    overdue(console, late, 2)
    clerk = console.signed_in(CLERK)
    inbox = clerk.get("/staff")
    assert inbox.status_code == 200
    assert tickets_on(inbox.text) == [late, first]
    assert '<span class="overdue">overdue by 2 h 00 min</span>' in inbox.text
    assert re.search(r"1 d 23 h left", inbox.text)  # the test shop promises 48 hours
    assert '<span class="tag" title="Language of the form">es</span>' in inbox.text
    assert "Late one" in inbox.text


def test_detractors_with_email_and_consent_are_in_the_inbox(console: Console) -> None:
    ask = {**SURVEY, "email": "dee@example.com", "consent": "yes"}
    for score in ("3", "8", "10"):
        sent = console.client.post(
            "/survey", json={**ask, "recommend": score, "why": f"score {score}"}, headers=JSON
        )
        assert sent.status_code == 201
    console.client.post("/survey", json={**SURVEY, "recommend": "2"}, headers=JSON)  # no e-mail
    inbox = console.signed_in(CLERK).get("/staff")
    assert "survey, NPS 3" in inbox.text and "score 3" in inbox.text
    assert "NPS 8" not in inbox.text and "NPS 10" not in inbox.text and "NPS 2" not in inbox.text
    assert len(tickets_on(inbox.text)) == 1 and tickets_on(inbox.text)[0].startswith("S-")


def test_search_filters_and_pages(console: Console) -> None:
    tickets = [
        complain(console.client, message=f"Parcel number {n}", email=f"c{n}@example.com")
        for n in range(30)
    ]
    clerk = console.signed_in(OWNER)
    first = clerk.get("/staff")
    assert len(tickets_on(first.text)) == 25 and "Next page" in first.text
    second = clerk.get("/staff?state=open&page=2")
    assert len(tickets_on(second.text)) == 5 and "Next page" not in second.text
    assert set(tickets_on(first.text) + tickets_on(second.text)) == set(tickets)
    assert tickets_on(clerk.get(f"/staff?q={tickets[7].lower()}").text) == [tickets[7]]
    assert tickets_on(clerk.get("/staff?q=c12@example").text) == [tickets[12]]
    assert tickets_on(clerk.get("/staff?q=number 29").text) == [tickets[29]]
    assert tickets_on(clerk.get("/staff?q=100%25").text) == []  # % is a character, not a wildcard
    assert tickets_on(clerk.get("/staff?state=answered").text) == []


def test_a_reply_is_stored_answers_the_item_and_offers_mailto_without_smtp(
    console: Console,
) -> None:
    ticket = complain(console.client, phone="+34 600 11 22 33", order="#1042")
    clerk = console.signed_in(CLERK)
    item = clerk.get(f"/staff/items/{ticket}")
    assert 'href="tel:+34600112233"' in item.text and "#1042" in item.text
    assert 'id="no-mail"' in item.text
    sent = clerk.post(
        f"/staff/items/{ticket}/reply",
        data={"csrf": csrf_of(item), "body": "Sorry! A new parcel left today."},
    )
    assert sent.status_code == 303
    rows = console.rows("select kind, staff_email, body from replies")
    assert [tuple(r) for r in rows] == [("reply", CLERK, "Sorry! A new parcel left today.")]  # type: ignore[arg-type]
    answered = console.rows(
        f"select answered_at, first_response_at from complaints where ticket = '{ticket}'"
    )
    assert answered[0][0] is not None and answered[0][1] is not None  # type: ignore[index]
    page = clerk.get(f"/staff/items/{ticket}")
    assert "mailto:ann@example.com?subject=Your%20message%20to%20Test%20Shop%20%5BT-" in page.text
    assert "A%20new%20parcel%20left%20today." in page.text
    assert console.rows("select id from outbox where purpose = 'reply'") == []
    assert tickets_on(clerk.get("/staff?state=answered").text) == [ticket]
    assert tickets_on(clerk.get("/staff").text) == []


def test_the_first_reply_sets_the_first_response_time_once(console: Console) -> None:
    ticket = complain(console.client)
    clerk = console.signed_in(CLERK)
    token = csrf_of(clerk.get("/staff"))
    clerk.post(f"/staff/items/{ticket}/reply", data={"csrf": token, "body": "One"})
    query = f"select first_response_at from complaints where ticket = '{ticket}'"
    before = console.rows(query)
    clerk.post(f"/staff/items/{ticket}/reply", data={"csrf": token, "body": "Two"})
    assert console.rows(query) == before
    assert len(console.rows("select id from replies")) == 2


@pytest.fixture
def mailing_console(database_url: str) -> Console:
    app = make_app(database_url, smtp_url="smtp://127.0.0.1:2525", mail_from="shop@shop.example")
    with TestClient(app, follow_redirects=False) as client:  # type: ignore[arg-type]
        console = Console(client, app)
        console.add(OWNER, "owner")
        console.add(CLERK, "staff")
        yield console


def test_with_a_mail_server_the_reply_is_queued_with_its_check_back(
    mailing_console: Console,
) -> None:
    console = mailing_console
    ticket = complain(console.client, lang="es")
    clerk = console.signed_in(CLERK)
    item = clerk.get(f"/staff/items/{ticket}")
    assert 'id="no-mail"' not in item.text
    clerk.post(f"/staff/items/{ticket}/reply", data={"csrf": csrf_of(item), "body": "Lo sentimos."})
    queued = console.rows("select recipient, message, ref from outbox where purpose = 'reply'")
    assert len(queued) == 1
    recipient, raw, ref = queued[0]  # type: ignore[misc]
    assert recipient == "ann@example.com" and ref == ticket
    message = message_from_string(raw)
    assert ticket in message["Subject"]
    assert "/check-back/" in raw
    checks = console.rows("select item_kind, lang from checkbacks")
    assert [tuple(c) for c in checks] == [("complaint", "es")]  # type: ignore[arg-type]
    assert "mailto:ann@example.com?subject" not in clerk.get(f"/staff/items/{ticket}").text


def test_closing_needs_a_note(console: Console) -> None:
    ticket = complain(console.client)
    clerk = console.signed_in(CLERK)
    token = csrf_of(clerk.get(f"/staff/items/{ticket}"))
    empty = clerk.post(f"/staff/items/{ticket}/close", data={"csrf": token, "note": "  "})
    assert empty.status_code == 422 and "answered by phone" in empty.text
    closed = clerk.post(f"/staff/items/{ticket}/close", data={"csrf": token, "note": "Called her"})
    assert closed.status_code == 303
    page = clerk.get(f"/staff/items/{ticket}")
    assert "Closed without reply by clerk@shop.example" in page.text and "Called her" in page.text
    assert tickets_on(clerk.get("/staff").text) == []


def test_reply_and_close_need_the_csrf_token(console: Console) -> None:
    ticket = complain(console.client)
    clerk = console.signed_in(CLERK)
    for action, field in (("reply", "body"), ("close", "note")):
        for token in ({}, {"csrf": "forged"}):
            refused = clerk.post(f"/staff/items/{ticket}/{action}", data={field: "x", **token})
            assert refused.status_code == 403, action
    assert console.rows("select id from replies") == []


def test_an_unknown_ticket_is_404(console: Console) -> None:
    clerk = console.signed_in(CLERK)
    assert clerk.get("/staff/items/T-NOSUCH").status_code == 404
