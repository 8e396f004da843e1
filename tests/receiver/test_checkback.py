"""Check back: the customer's "did we solve it?", once, in their language; a "no" reopens."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser

from sqlalchemy import create_engine, update

from generator.i18n import gettext_in
from generator.receiver.checkback_links import issue
from generator.receiver.storage import now
from generator.receiver.tables import complaints
from tests.receiver.conftest import Receiver, _sqlalchemy_url
from tests.receiver.test_sender import post_complaint


def answered_link(receiver: Receiver, lang: str) -> tuple[str, int, str]:
    """A complaint in ``lang``, answered by staff, and its check-back token."""
    ticket = post_complaint(receiver, lang=lang)
    engine = create_engine(_sqlalchemy_url(receiver.database_url))
    try:
        with engine.begin() as connection:
            (item_id,) = receiver.query("select id from complaints where ticket = :t", t=ticket)[0]
            connection.execute(
                update(complaints)
                .where(complaints.c.id == item_id)
                .values(answered_at=now(), first_response_at=now())
            )
            token = issue(connection, "complaint", item_id, 1, lang)
    finally:
        engine.dispose()
    return token, item_id, ticket


def aware(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_solved_is_stored_once_in_the_customers_language(receiver: Receiver) -> None:
    token, item_id, ticket = answered_link(receiver, "es")
    with receiver.client(follow_redirects=False) as client:
        page = client.get(f"/check-back/{token}")
        assert page.status_code == 200
        assert '<html lang="es">' in page.text and "<script" not in page.text
        assert gettext_in("es", "Did we solve it?") in page.text and ticket in page.text
        assert page.headers["cache-control"] == "no-store"
        missing = client.post(f"/check-back/{token}", data={"satisfaction": "5"})
        assert missing.status_code == 422
        assert gettext_in("es", "please say whether we solved it")[1:] in missing.text
        bad = client.post(f"/check-back/{token}", data={"solved": "yes", "satisfaction": "9"})
        assert bad.status_code == 422 and '"error"' not in bad.text
        sent = client.post(
            f"/check-back/{token}",
            data={"solved": "yes", "satisfaction": "5", "comment": "<b>Gracias</b>"},
        )
        assert sent.status_code == 303 and sent.headers["location"] == f"/check-back/{token}"
        thanks = client.get(f"/check-back/{token}")
        assert gettext_in("es", "We are glad we could help.") in thanks.text
        assert "<form" not in thanks.text
        again = client.post(f"/check-back/{token}", data={"solved": "no", "satisfaction": "1"})
        assert again.status_code == 409
        unknown = client.get("/check-back/" + "x" * 32, headers={"Accept": "application/json"})
        assert unknown.status_code == 404
        assert unknown.json()["error"]["code"] == "unknown_link"
    rows = receiver.query("select solved, satisfaction, comment, answered_at from checkbacks")
    assert [(r.solved, r.satisfaction, r.comment) for r in rows] == [(True, 5, "<b>Gracias</b>")]
    assert rows[0].answered_at is not None
    (complaint,) = receiver.query("select answered_at from complaints where id = :i", i=item_id)
    assert complaint.answered_at is not None  # solved: stays answered


def test_not_solved_reopens_the_item_with_a_new_due_time(receiver: Receiver) -> None:
    token, item_id, ticket = answered_link(receiver, "id")
    before = now()
    with receiver.client(follow_redirects=True) as client:
        done = client.post(
            f"/check-back/{token}",
            data={"solved": "no", "satisfaction": "2", "comment": "Masih rusak."},
        )
    assert done.status_code == 200 and '<html lang="id">' in done.text
    assert ticket in done.text and "48" in done.text
    (item,) = receiver.query("select answered_at, due_at from complaints where id = :i", i=item_id)
    assert item.answered_at is None
    assert aware(item.due_at) >= before + timedelta(hours=48) - timedelta(seconds=1)
    (note,) = receiver.query(
        "select kind, body, staff_email from replies where item_id = :i", i=item_id
    )
    assert (note.kind, note.body, note.staff_email) == ("reopened", "Masih rusak.", None)


def test_two_answers_at_once_count_once(receiver: Receiver) -> None:
    token, _, _ = answered_link(receiver, "en")

    def answer(score: str) -> int:
        with receiver.client() as client:
            form = {"solved": "yes", "satisfaction": score}
            return client.post(f"/check-back/{token}", data=form).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(answer, ["1", "2", "3", "4", "5", "1", "2", "3"]))
    assert sorted(codes) == [303] + [409] * 7
    assert receiver.count("checkbacks") == 1


def test_the_link_works_only_for_its_token(receiver: Receiver) -> None:
    token, _, _ = answered_link(receiver, "en")
    with receiver.client() as client:
        assert client.get(f"/check-back/{token[:-1]}").status_code == 404
        assert client.get(f"/check-back/{token}x").status_code == 404
        assert client.post("/check-back/short", data={"solved": "yes"}).status_code == 404


def test_not_solved_tells_the_shop_in_the_same_transaction(receiver: Receiver) -> None:
    token, _, ticket = answered_link(receiver, "es")
    comment = "Sigue roto.\r\nBcc: everyone@elsewhere.example\r\n<b>¿Y ahora?</b>"
    with receiver.client() as client:
        form = {"solved": "no", "satisfaction": "1", "comment": comment}
        assert client.post(f"/check-back/{token}", data=form).status_code in (200, 303)
    rows = receiver.query("select purpose, ref, recipient, message from outbox")
    (notice,) = [row for row in rows if "Not solved" in row.message]
    assert (notice.purpose, notice.ref) == ("notify", ticket)
    message = BytesParser(policy=policy.default).parsebytes(notice.message.encode())
    assert message["Subject"].startswith(f"Not solved: {ticket}, answer again by ")
    assert message["Bcc"] is None and "everyone@" not in str(message["To"])
    text = message.get_body(("plain",)).get_content()
    assert "satisfied: 1 of 5" in text and "Sigue roto." in text
    assert f"/staff/items/{ticket}" in text
    html_part = message.get_body(("html",)).get_content()
    assert "&lt;b&gt;¿Y ahora?&lt;/b&gt;" in html_part and "<b>¿Y" not in html_part


def test_solved_tells_the_shop_nothing(receiver: Receiver) -> None:
    token, _, _ = answered_link(receiver, "en")
    with receiver.client() as client:
        form = {"solved": "yes", "satisfaction": "5"}
        assert client.post(f"/check-back/{token}", data=form).status_code in (200, 303)
    rows = receiver.query("select message from outbox")
    assert not [row for row in rows if "Not solved" in row.message]
