"""Bad requests: one error shape, a 4xx, never a 500."""

from __future__ import annotations

import pytest

from generator.receiver.errors import accepted_languages
from tests.receiver.conftest import SITE, Receiver, start_receiver, stop
from tests.receiver.test_forms import COMPLAINT, SURVEY

BAD = {
    "unknown field": ("/survey", {**SURVEY, "coupon": "FREE"}, 422, "unknown_field"),
    "missing answer": (
        "/survey",
        {k: v for k, v in SURVEY.items() if k != "recommend"},
        422,
        "missing",
    ),
    "score out of range": ("/survey", {**SURVEY, "recommend": "11"}, 422, "invalid"),
    "not a choice": ("/survey", {**SURVEY, "favourite": "Prices"}, 422, "invalid"),
    "too long": ("/survey", {**SURVEY, "why": "x" * 501}, 422, "too_long"),
    "e-mail without consent": ("/survey", {**SURVEY, "email": "a@example.com"}, 422, "consent"),
    "bad e-mail": ("/survey", {**SURVEY, "email": "nope", "consent": "yes"}, 422, "invalid"),
    "another campaign": ("/survey", {**SURVEY, "campaign": "other"}, 422, "wrong_campaign"),
    "unknown language": ("/survey", {**SURVEY, "lang": "fr"}, 422, "invalid"),
    "complaint without consent": (
        "/complaints",
        {k: v for k, v in COMPLAINT.items() if k != "consent"},
        422,
        "consent",
    ),
    "complaint without e-mail": ("/complaints", {**COMPLAINT, "email": ""}, 422, "missing"),
    "a Unicode digit as score": ("/survey", {**SURVEY, "recommend": "²"}, 422, "invalid"),
    "a score of thousands of digits": (
        "/survey",
        {**SURVEY, "recommend": "9" * 4500},
        422,
        "invalid",
    ),
    "a NUL byte in a name": (
        "/complaints",
        {**COMPLAINT, "name": "A\x00nn"},
        422,
        "control_character",
    ),
    "a line break in a one-line field": (
        "/complaints",
        {**COMPLAINT, "order": "12\n34"},
        422,
        "control_character",
    ),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_bad_forms_get_the_one_error_shape(
    receiver: Receiver, case: tuple[str, dict[str, str], int, str]
) -> None:
    path, data, status, code = case
    with receiver.client() as client:
        as_json = client.post(path, json=data, headers={"Accept": "application/json"})
        as_form = client.post(path, data=data, headers={"Origin": SITE, "Accept": "text/html"})
    assert as_json.status_code == status
    body = as_json.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert (body["error"]["status"], body["error"]["code"]) == (status, code)
    assert as_form.status_code == status
    assert as_form.headers["content-type"].startswith("text/html")
    assert f"Error {status} ({code})" in as_form.text
    assert receiver.count("answers") == 0


def test_malformed_bodies(receiver: Receiver) -> None:
    with receiver.client() as client:
        bad_json = client.post(
            "/survey",
            content=b"{not json",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        wrong_kind = client.post(
            "/survey",
            content=b"hello",
            headers={"Content-Type": "text/plain", "Accept": "application/json"},
        )
        list_json = client.post("/survey", json=["a"], headers={"Accept": "application/json"})
        unknown = client.get("/nowhere", headers={"Accept": "application/json"})
        wrong_method = client.get("/survey", headers={"Accept": "application/json"})
    assert [r.status_code for r in (bad_json, wrong_kind, list_json, unknown, wrong_method)] == [
        400,
        415,
        422,
        404,
        405,
    ]
    assert all(
        set(r.json()["error"]) == {"status", "code", "message"}
        for r in (bad_json, wrong_kind, list_json, unknown, wrong_method)
    )


RAW = {
    "a field twice": (b"recommend=11&recommend=1", "application/x-www-form-urlencoded", 422),
    "invalid UTF-8": (b"why=caf\xe9", "application/x-www-form-urlencoded", 422),
    "JSON 30,000 deep": (b"[" * 30_000 + b"]" * 30_000, "application/json", 422),
    "a JSON name twice": (b'{"recommend": "9", "recommend": "1"}', "application/json", 422),
}


@pytest.mark.parametrize("case", RAW.values(), ids=RAW.keys())
def test_raw_bodies_get_a_4xx(receiver: Receiver, case: tuple[bytes, str, int]) -> None:
    body, kind, status = case
    with receiver.client() as client:
        sent = client.post(
            "/survey", content=body, headers={"Content-Type": kind, "Accept": "application/json"}
        )
    assert sent.status_code == status, sent.text
    assert set(sent.json()["error"]) == {"status", "code", "message"}
    assert receiver.count("answers") == 0


def test_a_tab_and_line_breaks_stay_in_long_text(receiver: Receiver) -> None:
    message = "Line one,\r\n\tline two."
    with receiver.client() as client:
        sent = client.post(
            "/complaints",
            data={**COMPLAINT, "message": message},
            headers={"Accept": "application/json"},
        )
    assert sent.status_code == 201, sent.text
    assert [row.message for row in receiver.query("select message from complaints")] == [message]


def test_bodies_over_64_kb_are_refused(receiver: Receiver) -> None:
    big = {**SURVEY, "why": "x" * 70_000}
    with receiver.client() as client:
        declared = client.post("/survey", data=big, headers={"Accept": "application/json"})
        streamed = client.post(
            "/survey",
            content=iter([b"why=" + b"x" * 40_000, b"x" * 40_000]),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "too_large"
    assert streamed.status_code == 413


def test_forms_from_another_site_are_refused(receiver: Receiver) -> None:
    with receiver.client() as client:
        sent = client.post(
            "/survey",
            data=SURVEY,
            headers={"Origin": "https://evil.example", "Accept": "text/html"},
        )
    assert sent.status_code == 403
    assert receiver.count("answers") == 0


def test_rate_limit_answers_429_with_retry_after(database_url: str) -> None:
    limited = start_receiver(database_url, APPRECIATE_RATE_LIMIT="6", APPRECIATE_RATE_BURST="3")
    try:
        with limited.client() as client:
            statuses = [
                client.post("/survey", json=SURVEY, headers={"Accept": "application/json"})
                for _ in range(5)
            ]
    finally:
        stop(limited)
    assert [r.status_code for r in statuses] == [201, 201, 201, 429, 429]
    assert int(statuses[3].headers["retry-after"]) >= 1
    assert statuses[3].json()["error"]["code"] == "rate_limited"


def test_the_error_page_leads_back_to_the_form(receiver: Receiver) -> None:
    form_page = f"{SITE}/survey/"
    with receiver.client() as client:
        ours = client.post(
            "/survey", data={"recommend": "5"}, headers={"Origin": SITE, "Referer": form_page}
        )
        theirs = client.post(
            "/survey", data={"recommend": "5"}, headers={"Referer": "https://evil.example/x"}
        )
    assert ours.status_code == theirs.status_code == 422
    assert "<h1>Some answers need another look.</h1>" in ours.text
    assert "<p>Please answer: What do you like most?</p>" in ours.text
    assert f'<a class="button" href="{form_page}">Back to the form</a>' in ours.text
    assert "evil.example" not in theirs.text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_forwarded_address_counts_only_behind_proxy_headers(database_url: str) -> None:
    def rotating(*flags: str) -> list[int]:
        limited = start_receiver(
            database_url, *flags, APPRECIATE_RATE_LIMIT="6", APPRECIATE_RATE_BURST="3"
        )
        try:
            with limited.client() as client:
                return [
                    client.post(
                        "/survey",
                        json=SURVEY,
                        headers={"Accept": "application/json", "X-Forwarded-For": f"203.0.113.{i}"},
                    ).status_code
                    for i in range(5)
                ]
        finally:
            stop(limited)

    # a client naming a new address each time is still one client, seen from its own address
    assert rotating() == [201, 201, 201, 429, 429]
    # behind a proxy (on loopback, as --forwarded-allow-ips says), each address is a client
    assert rotating("--proxy-headers") == [201] * 5


def test_the_error_page_links_back_only_to_the_sites_own_origins(receiver: Receiver) -> None:
    lookalikes = [
        "https://shop.example.evil.test/survey/",
        "https://shop.example@evil.test/survey/",
        "https://shop.examples/survey/",
        "http://shop.example/survey/",
        "javascript:alert(1)//https://shop.example/",
    ]
    with receiver.client() as client:
        pages = [
            client.post("/survey", data={"recommend": "5"}, headers={"Referer": referer}).text
            for referer in lookalikes
        ]
        ours = client.post(
            "/survey", data={"recommend": "5"}, headers={"Referer": "HTTPS://Shop.Example/s/"}
        )
    for referer, page in zip(lookalikes, pages, strict=True):
        assert "Back to the form" not in page, referer
    assert '<a class="button" href="HTTPS://Shop.Example/s/">Back to the form</a>' in ours.text


@pytest.mark.parametrize(
    ("header", "ranked"),
    [
        ("es;q=0.5, id", ["id", "es"]),
        ("en-GB;q=0.8, es-419;q=0.9, id;q=0", ["es_419", "en_GB"]),
        ("id, es", ["id", "es"]),  # ties keep the header's order
        ("es;q=nan, id;q=2, en;q=abc, fr;Q=0.1", ["fr"]),
        ("", []),
        (",;q=1, ;", []),
    ],
)
def test_accept_language_by_its_weights(header: str, ranked: list[str]) -> None:
    assert accepted_languages(header) == ranked


def test_the_browsers_most_wanted_language_answers(receiver: Receiver) -> None:
    with receiver.client() as client:
        page = client.get("/thanks/survey", headers={"Accept-Language": "es;q=0.2, id;q=0.9"})
    assert '<html lang="id">' in page.text
