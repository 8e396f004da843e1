"""The site's forms, as browsers (no JavaScript) and scripts (JSON) send them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.i18n import gettext_in
from tests.receiver.conftest import ADMIN, SITE, Receiver, start_receiver, stop

SURVEY = {
    "campaign": "test-month",
    "lang": "es",
    "recommend": "9",
    "favourite": "Service",
    "why": "Friendly",
}
COMPLAINT = {
    "campaign": "test-month",
    "lang": "en",
    "name": "Ann",
    "email": "ann@example.com",
    "message": "My parcel came late.",
    "consent": "yes",
}
JSON = {"Accept": "application/json"}
BROWSER = {"Origin": SITE, "Accept": "text/html"}


def test_survey_form_without_javascript(receiver: Receiver) -> None:
    with receiver.client() as client:
        sent = client.post("/survey", data=SURVEY, headers=BROWSER)
        assert sent.status_code == 303
        thanks = client.get(sent.headers["location"])
    assert thanks.status_code == 200
    code = re.search(r'<p class="code">(\w+)</p>', thanks.text)
    assert code is not None
    assert "5 % de descuento en tu próximo pedido" in thanks.text  # the form's language
    assert '<html lang="es">' in thanks.text
    assert receiver.count("answers") == 1
    (row,) = receiver.query("select lang, nps, reward_code from answers")
    assert (row.lang, row.nps, row.reward_code) == ("es", 9, code[1])


def test_survey_as_json(receiver: Receiver) -> None:
    with receiver.client() as client:
        sent = client.post("/survey", json=SURVEY, headers=JSON)
    assert sent.status_code == 201
    assert sent.json()["reward"] == "5 % de descuento en tu próximo pedido"
    assert sent.json()["message"] == gettext_in("es", "Thank you for your answers!")
    assert re.fullmatch(r"[A-Z2-9]{10}", sent.json()["reward_code"])


def test_complaint_form_shows_the_ticket_and_the_promised_time(receiver: Receiver) -> None:
    with receiver.client(follow_redirects=True) as client:
        thanks = client.post("/complaints", data=COMPLAINT, headers=BROWSER)
        as_json = client.post("/complaints", json=COMPLAINT, headers=JSON)
    assert thanks.status_code == 200
    assert re.search(r'<p class="code">T-\w{6}</p>', thanks.text)
    assert "<strong>48 hours</strong>" in thanks.text
    assert as_json.status_code == 201 and as_json.json()["response_hours"] == 48
    assert receiver.count("complaints") == 2


def test_the_honeypot_looks_like_success_but_stores_nothing(receiver: Receiver) -> None:
    with receiver.client() as client:
        sent = client.post(
            "/survey", data={**SURVEY, "website": "http://spam.example"}, headers=BROWSER
        )
        report = client.get("/report", headers={"Authorization": f"Bearer {ADMIN}"})
    assert sent.status_code == 303
    assert receiver.count("answers") == 0
    assert "Spam caught by the forms' hidden field: 1" in report.text


def test_what_customers_type_is_escaped_in_the_report(receiver: Receiver) -> None:
    with receiver.client() as client:
        client.post(
            "/complaints",
            data={**COMPLAINT, "message": "<script>alert(1)</script>"},
            headers=BROWSER,
        )
        report = client.get("/report", headers={"Authorization": f"Bearer {ADMIN}"})
    assert "<script>alert(1)" not in report.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report.text


@pytest.mark.parametrize("lang", ["en", "es", "id"])
def test_the_receiver_answers_in_the_language_of_the_form(receiver: Receiver, lang: str) -> None:
    heading = gettext_in(lang, "Thank you for your answers!")
    missing = gettext_in(lang, "please answer: %(question)s", question="")
    with receiver.client() as client:
        thanks = client.post(
            "/survey", data={**SURVEY, "lang": lang}, headers=BROWSER, follow_redirects=True
        )
        refused = client.post(
            "/survey", data={**SURVEY, "lang": lang, "recommend": ""}, headers=BROWSER
        )
        complaint = client.post("/complaints", json={**COMPLAINT, "lang": lang}, headers=JSON)
    assert f'<html lang="{lang}">' in thanks.text and heading in thanks.text
    assert refused.status_code == 422 and f'<html lang="{lang}">' in refused.text
    label = {
        "en": "How likely are you to recommend us?",
        "es": "¿Nos recomendarías?",
        "id": "Apakah Anda akan merekomendasikan kami?",
    }[lang]
    assert (missing + label)[:1].upper() + (missing + label)[1:] in refused.text.replace(
        "&#39;", "'"
    )
    assert complaint.json()["message"] == gettext_in(lang, "We received your message")
    assert "48" in complaint.json()["detail"]
    if lang != "en":
        assert heading != "Thank you for your answers!"


def test_without_a_form_the_browsers_language_is_used(receiver: Receiver) -> None:
    with receiver.client() as client:
        page = client.get("/nowhere", headers={"Accept-Language": "id-ID,id;q=0.9,en;q=0.8"})
    assert page.status_code == 404
    assert '<html lang="id">' in page.text
    assert gettext_in("id", "There is nothing here.") in page.text


def test_a_late_survey_is_closed_and_complaints_stay_open(tmp_path: Path) -> None:
    late = start_receiver(f"sqlite:///{tmp_path / 'late.sqlite3'}", APPRECIATE_TODAY="2026-12-01")
    try:
        with late.client() as client:
            survey = client.post("/survey", json=SURVEY, headers=JSON)
            page = client.post("/survey", data={**SURVEY, "lang": "en"}, headers=BROWSER)
            complaint = client.post("/complaints", json=COMPLAINT, headers=JSON)
        assert survey.status_code == 410
        assert survey.json() == {
            "error": {
                "status": 410,
                "code": "survey_closed",
                "message": gettext_in(
                    "es", "this survey has closed: the campaign is over. Thank you!"
                ),
            }
        }
        assert survey.json()["error"]["message"].startswith("esta encuesta")
        assert page.status_code == 410 and "This survey has closed." in page.text
        assert complaint.status_code == 201
        assert late.count("answers") == 0 and late.count("complaints") == 1
    finally:
        assert "Traceback" not in stop(late)
