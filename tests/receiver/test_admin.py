"""Behind the tokens: the report, the export, a customer's data, and code redemption."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from generator.customers.codes import personal_code
from generator.receiver.admin import answers_csv
from tests.conftest import appreciate
from tests.receiver.conftest import ADMIN, CAMPAIGN, STAFF, Receiver, start_receiver, stop
from tests.receiver.test_forms import COMPLAINT, SURVEY

AS_ADMIN = {"Authorization": f"Bearer {ADMIN}"}
AS_STAFF = {"Authorization": f"Bearer {STAFF}", "Accept": "application/json"}
JSON = {"Accept": "application/json"}


def answer(client: httpx.Client, **changes: str) -> str:
    sent = client.post("/survey", json={**SURVEY, **changes}, headers=JSON)
    assert sent.status_code == 201, sent.text
    return str(sent.json()["reward_code"])


def test_admin_pages_need_the_token(receiver: Receiver) -> None:
    with receiver.client() as client:
        for path in ("/report", "/export.csv", "/customer?email=a@example.com"):
            for headers in ({}, {"Authorization": "Bearer wrong"}):
                refused = client.get(path, headers={**headers, **JSON})
                assert refused.status_code == 401, path
                assert refused.json()["error"]["code"] == "unauthorized"


def test_report_nps_languages_and_overdue_complaints(receiver: Receiver) -> None:
    with receiver.client() as client:
        for score, lang in (("10", "en"), ("9", "es"), ("8", "es"), ("3", "id")):
            answer(client, recommend=score, lang=lang)
        client.post("/complaints", json=COMPLAINT, headers=JSON)
        late = client.post("/complaints", json={**COMPLAINT, "name": "Bo"}, headers=JSON).json()[
            "ticket"
        ]
        receiver.query(
            "update complaints set due_at = received_at - interval '1 hour' where ticket = :t"
            if receiver.database_url.startswith("postgresql")
            else "update complaints set due_at = datetime(received_at, '-1 hour') where ticket = :t",
            t=late,
        )
        report = client.get("/report", headers=AS_ADMIN)
    assert report.status_code == 200
    text = report.text
    assert "<h2>Net Promoter Score: 25</h2>" in text  # (2 promoters − 1 detractor) / 4
    assert "2 promoters (9–10), 1 passives (7–8), 1 detractors (0–6)" in text
    assert ">es</text>" in text and ">id</text>" in text
    assert "Open complaints (2), 1 past their promised time" in text
    assert f"<td>{late}</td>" in text and "(overdue)" in text


def test_answering_a_complaint_closes_it(receiver: Receiver) -> None:
    with receiver.client() as client:
        ticket = client.post("/complaints", json=COMPLAINT, headers=JSON).json()["ticket"]
        done = client.post(f"/complaints/{ticket}/answered", headers=AS_ADMIN)
        again = client.post(f"/complaints/{ticket}/answered", headers={**AS_ADMIN, **JSON})
        report = client.get("/report", headers=AS_ADMIN)
    assert done.status_code == 200 and again.status_code == 404
    assert "Open complaints (0)" in report.text


def test_export_csv_defuses_formulas(receiver: Receiver) -> None:
    with receiver.client() as client:
        answer(client, why='=HYPERLINK("http://evil.example")')
        exported = client.get("/export.csv", headers=AS_ADMIN)
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["why"].startswith("'=HYPERLINK")
    assert rows[0]["favourite"] == "Service" and rows[0]["nps"] == "9"


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        ("x;=1+1", "x;'=1+1"),
        ("=1+1", "'=1+1"),
        ("a, +1", "a, '+1"),
        ('x; "=A1', "x; \"'=A1"),
        ("one\n@SUM(A1)", "one\n'@SUM(A1)"),
        ("\tabc", "'\tabc"),
        ("well-known - fine", "well-known - fine"),
    ],
)
def test_formulas_are_defused_wherever_a_cell_may_start(typed: str, exported: str) -> None:
    row = {"id": 1, "received_at": "", "lang": "en", "nps": 9, "email": None}
    text = answers_csv([{**row, "answers": {"why": typed}, "consent": False, "reward_code": "A"}])
    assert next(csv.DictReader(io.StringIO(text)))["why"] == exported


def test_a_customers_data_can_be_exported_and_erased(receiver: Receiver) -> None:
    with receiver.client() as client:
        answer(client, email="Ana@Example.com", consent="yes")
        answer(client)
        client.post("/complaints", json={**COMPLAINT, "email": "ana@example.com"}, headers=JSON)
        data = client.get("/customer", params={"email": "ana@example.com"}, headers=AS_ADMIN).json()
        erased = client.request(
            "DELETE", "/customer", params={"email": "ANA@example.com"}, headers=AS_ADMIN
        ).json()
        after = client.get(
            "/customer", params={"email": "ana@example.com"}, headers=AS_ADMIN
        ).json()
    assert (len(data["answers"]), len(data["complaints"])) == (1, 1)
    assert erased == {"deleted": {"answers": 1, "complaints": 1}}
    assert after == {"answers": [], "complaints": []}
    assert receiver.count("answers") == 1  # the anonymous answer stays


def test_a_reward_code_is_accepted_once(receiver: Receiver) -> None:
    with receiver.client() as client:
        code = answer(client)
        first = client.post("/codes/redeem", json={"code": code}, headers=AS_STAFF)
        second = client.post("/codes/redeem", json={"code": code.lower()}, headers=AS_STAFF)
        unknown = client.post("/codes/redeem", json={"code": "AAAAAAAAAA"}, headers=AS_STAFF)
        no_token = client.post("/codes/redeem", json={"code": code}, headers=JSON)
    assert (first.status_code, first.json()["kind"]) == (200, "reward")
    assert second.status_code == 409 and second.json()["error"]["code"] == "already_used"
    assert unknown.status_code == 404 and no_token.status_code == 401


def test_concurrent_redemptions_of_one_code_succeed_exactly_once(receiver: Receiver) -> None:
    key = receiver.env["APPRECIATE_CODE_KEY"].encode()
    code = personal_code(key, "test-month", "ana@example.com")

    def redeem(_: int) -> int:
        with receiver.client() as client:
            return client.post(
                "/codes/redeem", json={"code": code, "email": "ana@example.com"}, headers=AS_STAFF
            ).status_code

    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(redeem, range(32)))
    assert sorted(set(statuses)) == [200, 409]
    assert statuses.count(200) == 1
    assert receiver.count("redemptions") == 1


def test_the_report_offline(receiver: Receiver, tmp_path: Path) -> None:
    with receiver.client() as client:
        answer(client, recommend="10")
    out = tmp_path / "report.html"
    result = appreciate(
        "report",
        "--out",
        str(out),
        "--campaign",
        str(CAMPAIGN),
        cwd=tmp_path,
        DATABASE_URL=receiver.database_url,
    )
    assert result.returncode == 0, result.stderr
    assert "1 answers, NPS 100" in result.stdout
    assert "<h2>Net Promoter Score: 100</h2>" in out.read_text()


def test_a_personal_code_is_redeemed_once_whatever_its_spelling(receiver: Receiver) -> None:
    key = receiver.env["APPRECIATE_CODE_KEY"].encode()
    email = "ana@example.com"
    code = personal_code(key, "test-month", email)  # the campaign's code_length, 10
    spellings = [code.lower(), f" {code[:5]}-{code[5:]} ", f"{code[:4]} {code[4:]}".lower()]
    other_lengths = [personal_code(key, "test-month", email, n) for n in (8, 9, 11, 12)]
    with receiver.client() as client:

        def redeem(typed: str) -> httpx.Response:
            return client.post(
                "/codes/redeem", json={"code": typed, "email": email}, headers=AS_STAFF
            )

        first = redeem(code)
        again = [redeem(typed) for typed in spellings]
        # a prefix of the HMAC, or a longer one, was never issued: not a code at all
        unissued = [redeem(typed) for typed in [*other_lengths, code + "A", code[:-1]]]
    assert first.status_code == 200 and first.json() == {
        "code": code,
        "kind": "personal",
        "status": "redeemed",
    }
    assert [r.status_code for r in again] == [409] * len(spellings)
    assert [r.status_code for r in unissued] == [404] * len(unissued)
    assert [row.code for row in receiver.query("select code from redemptions")] == [code]


def test_a_reward_code_is_redeemed_once_whatever_its_spelling(receiver: Receiver) -> None:
    with receiver.client() as client:
        code = answer(client)
        sent = [
            client.post("/codes/redeem", json={"code": typed}, headers=AS_STAFF).status_code
            for typed in (f"{code[:5]} - {code[5:]}".lower(), code, code[:8], code + "2")
        ]
    assert sent == [200, 409, 404, 404]
    assert [row.code for row in receiver.query("select code from redemptions")] == [code]


def test_the_bearer_scheme_in_any_case_and_nothing_else(receiver: Receiver) -> None:
    with receiver.client() as client:
        statuses = {
            scheme: client.get(
                "/report", headers={"Authorization": f"{scheme}{ADMIN}".strip(), **JSON}
            ).status_code
            for scheme in ("Bearer ", "bearer ", "BEARER  ", "", "Basic ", "Bearer-")
        }
    assert statuses == {
        "Bearer ": 200,
        "bearer ": 200,
        "BEARER  ": 200,
        "": 401,  # a bare token is not the Bearer scheme
        "Basic ": 401,
        "Bearer-": 401,
    }


def test_the_access_log_keeps_no_email_address(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    running = start_receiver(database_url, access_log=log)
    try:
        with running.client() as client:
            for email in ("ana@example.com", "Bo.Li%40example.org"):
                found = client.get(f"/customer?email={email}", headers=AS_ADMIN)
                assert found.status_code == 200
            for path in ("/staff/setup/s3cret-setup", "/check-back/s3cret-check?x=1"):
                client.get(path)
    finally:
        stop(running)
    text = log.read_text()
    assert "GET /customer?email=[e-mail] HTTP/1.1" in text, text
    assert "example.com" not in text and "example.org" not in text
    assert "GET /staff/setup/[token] HTTP/1.1" in text and "/check-back/[token]?x=1" in text
    assert "s3cret" not in text
