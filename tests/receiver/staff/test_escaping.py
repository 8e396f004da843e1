"""What a customer typed never reaches a console page as HTML: on every page, in every field."""

from __future__ import annotations

import re

from tests.receiver.staff.conftest import OWNER, Console, csrf_of
from tests.receiver.staff.test_inbox import JSON, complain
from tests.receiver.test_forms import SURVEY

HTML = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'"


def test_html_in_every_field_is_escaped_on_every_console_page(console: Console) -> None:
    ticket = complain(
        console.client,
        name=f"Ann {HTML}",
        phone=f"+34 600 {HTML}"[:40],
        order=f"#1 {HTML}"[:60],
        message=f"Late {HTML}",
    )
    sent = console.client.post(
        "/survey",
        json={
            **SURVEY,
            "recommend": "1",
            "why": f"Bad {HTML}",
            "email": "eve@example.com",
            "consent": "yes",
        },
        headers=JSON,
    )
    assert sent.status_code == 201
    owner = console.signed_in(OWNER)
    token = csrf_of(owner.get("/staff"))
    owner.post(f"/staff/items/{ticket}/reply", data={"csrf": token, "body": f"Reply {HTML}"})
    survey_ticket = re.findall(r'href="/staff/items/(S-[^"]+)"', owner.get("/staff").text)[0]
    owner.post(f"/staff/items/{survey_ticket}/close", data={"csrf": token, "note": f"Note {HTML}"})
    pages = {
        "inbox": owner.get("/staff?state=all"),
        "search": owner.get("/staff", params={"q": HTML}),
        "complaint": owner.get(f"/staff/items/{ticket}"),
        "survey": owner.get(f"/staff/items/{survey_ticket}"),
        "report": owner.get("/staff/report"),
        "customers": owner.get("/staff/customers", params={"email": "ann@example.com"}),
        "customers, answers": owner.get("/staff/customers", params={"email": "eve@example.com"}),
        "till": owner.post("/staff/till", data={"csrf": token, "code": HTML}),
        "reply form": owner.post(f"/staff/items/{ticket}/reply", data={"csrf": token, "body": ""}),
        "login": console.browser().post(
            "/staff/login", data={"csrf": "x", "email": HTML, "password": "x"}
        ),
    }
    for name, page in pages.items():
        assert "<script>alert" not in page.text, name
        assert "<img src=x" not in page.text, name
    for name in ("inbox", "complaint", "survey", "customers", "customers, answers"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[name].text, name
    assert re.search(r'href="tel:\+346001"', pages["complaint"].text)  # digits and + only
