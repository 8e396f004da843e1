"""The till page: green once, red after, red for a stranger's code; exactly once at the same time."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from generator.customers.codes import personal_code
from tests.receiver.staff.conftest import CLERK, Console, csrf_of
from tests.receiver.test_forms import SURVEY


def reward_code(console: Console) -> str:
    sent = console.client.post("/survey", json=SURVEY, headers={"Accept": "application/json"})
    return str(sent.json()["reward_code"])


def verdict(page: str) -> str:
    found = re.search(r'<p class="verdict (\w+)"[^>]*>(.*?)</p>', page, re.S)
    assert found, page
    return f"{found[1]}: {re.sub(r'<[^>]+>', ' ', found[2]).split('  ')[-1].strip()}"


def test_a_reward_code_is_valid_once_then_already_used(console: Console) -> None:
    code = reward_code(console)
    clerk = console.signed_in(CLERK)
    token = csrf_of(clerk.get("/staff/till"))
    first = clerk.post("/staff/till", data={"csrf": token, "code": f" {code.lower()} "})
    assert first.status_code == 200
    assert verdict(first.text) == "ok: Valid — redeemed now (survey reward)."
    again = clerk.post("/staff/till", data={"csrf": token, "code": code})
    assert again.status_code == 409
    assert re.fullmatch(r"bad: Already used on \d{4}-\d\d-\d\d \d\d:\d\d\.", verdict(again.text))


def test_a_personal_code_needs_its_email(console: Console) -> None:
    code = personal_code(b"a-code-key-for-the-tests", "test-month", "pat@example.com")
    clerk = console.signed_in(CLERK)
    token = csrf_of(clerk.get("/staff/till"))
    alone = clerk.post("/staff/till", data={"csrf": token, "code": code})
    assert alone.status_code == 422 and "needs its e-mail" in alone.text
    right = clerk.post(
        "/staff/till", data={"csrf": token, "code": code, "email": "Pat@example.com"}
    )
    assert verdict(right.text) == "ok: Valid — redeemed now (personal code)."


def test_a_stranger_code_is_red(console: Console) -> None:
    clerk = console.signed_in(CLERK)
    page = clerk.post(
        "/staff/till", data={"csrf": csrf_of(clerk.get("/staff/till")), "code": "NOPE123456"}
    )
    assert page.status_code == 422 and "Not a code of this campaign" in page.text


def test_exactly_once_when_two_tills_redeem_at_once(console: Console) -> None:
    code = reward_code(console)
    tills = [console.signed_in(CLERK) for _ in range(4)]
    tokens = [csrf_of(t.get("/staff/till")) for t in tills]

    def redeem(n: int) -> int:
        return (
            tills[n % 4].post("/staff/till", data={"csrf": tokens[n % 4], "code": code}).status_code
        )

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(redeem, range(16)))
    assert statuses.count(200) == 1 and statuses.count(409) == 15


def test_the_till_needs_the_csrf_token(console: Console) -> None:
    code = reward_code(console)
    clerk = console.signed_in(CLERK)
    assert clerk.post("/staff/till", data={"code": code}).status_code == 403
    assert console.rows("select code from redemptions") == []
