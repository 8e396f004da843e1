"""The owner's pages: the report with its follow-up figures, the export, a customer's data."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from generator.receiver.staff.report import FollowUp
from generator.receiver.storage import now
from generator.receiver.tables import checkbacks
from tests.conftest import appreciate
from tests.receiver.conftest import CAMPAIGN
from tests.receiver.staff.conftest import CLERK, OWNER, Console, csrf_of
from tests.receiver.staff.test_inbox import JSON, complain, overdue
from tests.receiver.test_forms import SURVEY


def test_staff_get_403_on_the_owners_pages(console: Console) -> None:
    clerk, owner = console.signed_in(CLERK), console.signed_in(OWNER)
    for path in ("/staff/report", "/staff/export.csv", "/staff/customers", "/staff/people"):
        refused = clerk.get(path)
        assert refused.status_code == 403, path
        assert "for the shop&#39;s owner" in refused.text or "owner" in refused.text
        assert owner.get(path).status_code == 200, path
    token = csrf_of(clerk.get("/staff"))
    erase = clerk.post(
        "/staff/customers", data={"csrf": token, "email": "ann@example.com", "confirm": "yes"}
    )
    assert erase.status_code == 403
    assert "Report" not in re.sub(r"<title>.*?</title>", "", clerk.get("/staff").text)  # no link


def test_percentiles_of_first_responses() -> None:
    figure = FollowUp("all", first_responses=[timedelta(minutes=m) for m in range(10, 110, 10)])
    assert figure.median_first_response == timedelta(minutes=55)
    assert figure.p90_first_response == timedelta(minutes=90)
    assert FollowUp("all").p90_first_response is None and FollowUp("all").solved_percent is None


def test_the_report_shows_how_the_shop_answered(console: Console) -> None:
    answered = complain(console.client, lang="es")
    late = complain(console.client)
    overdue(console, late, 3)
    console.client.post(
        "/survey",
        json={**SURVEY, "recommend": "2", "email": "d@example.com", "consent": "yes"},
        headers=JSON,
    )
    clerk = console.signed_in(CLERK)
    clerk.post(
        f"/staff/items/{answered}/reply",
        data={"csrf": csrf_of(clerk.get("/staff")), "body": "Sorted."},
    )
    with console.engine.begin() as connection:
        connection.execute(
            insert(checkbacks).values(
                token_hash="x" * 64,
                item_kind="complaint",
                item_id=1,
                reply_id=1,
                lang="es",
                created_at=now(),
                answered_at=now(),
                solved=True,
                satisfaction=5,
            )
        )
    page = console.signed_in(OWNER).get("/staff/report")
    assert page.status_code == 200
    rows = {
        cells[0]: cells[1:]
        for cells in (
            [
                re.sub(r"<[^>]+>", "", c).strip()
                for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            ]
            for row in re.findall(
                r"<tr[^>]*>(.*?)</tr>", page.text.split('id="follow-up"')[1], re.S
            )
        )
        if cells
    }
    assert rows["all"][0] == "100 % (1 of 1)"
    assert rows["all"][1] == rows["all"][2] == "0 min"  # answered at once
    assert rows["all"][3] == "1"  # the late complaint (the detractor's answer is not due yet)
    assert rows["all"][4:] == ["100 % (1 of 1)", "5.0", "0 % (0 of 1)"]
    assert rows["es"][0] == "100 % (1 of 1)" and rows["en"][0] == "– (0 of 0)"
    assert f"{late} (complaint, en)" in page.text


def test_appreciate_report_writes_the_same_offline(console: Console, tmp_path: Path) -> None:
    complain(console.client)
    url = str(console.engine.url.render_as_string(hide_password=False))
    out = tmp_path / "report.html"
    done = appreciate(
        "report", "--campaign", str(CAMPAIGN), "-o", str(out), cwd=tmp_path, DATABASE_URL=url
    )
    assert done.returncode == 0, done.stderr
    written = out.read_text(encoding="utf-8")
    assert "How the shop answered" in written and "0 % (0 of 0)" not in written
    assert "– (0 of 0)" in written  # nothing answered yet


def test_the_owner_exports_and_finds_and_erases_a_customer(console: Console) -> None:
    complain(console.client)
    console.client.post(
        "/survey", json={**SURVEY, "email": "ann@example.com", "consent": "yes"}, headers=JSON
    )
    owner = console.signed_in(OWNER)
    exported = owner.get("/staff/export.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert [row["email"] for row in csv.DictReader(io.StringIO(exported.text))] == [
        "ann@example.com"
    ]
    found = owner.get("/staff/customers?email=ann@example.com")
    assert "Complaints (1)" in found.text and "Answers (1)" in found.text
    assert "My parcel came late." in found.text
    unconfirmed = owner.post(
        "/staff/customers", data={"csrf": csrf_of(found), "email": "ann@example.com"}
    )
    assert "Complaints (1)" in unconfirmed.text  # nothing erased without the tick
    erased = owner.post(
        "/staff/customers",
        data={"csrf": csrf_of(found), "email": "ann@example.com", "confirm": "yes"},
    )
    assert "Erased: 1 survey answers and 1 complaints." in erased.text
    assert console.rows("select id from complaints") == []


def test_the_owner_sees_the_accounts(console: Console) -> None:
    page = console.signed_in(OWNER).get("/staff/people")
    assert "<td>owner@shop.example</td><td>owner</td>" in page.text
    assert "<td>clerk@shop.example</td><td>staff</td>" in page.text
