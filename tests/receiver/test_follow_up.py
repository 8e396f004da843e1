"""The survey's loop: promoters asked for a review, detractors answered or sent to the form."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.i18n import gettext_in, ngettext_in
from generator.model.errors import InputError
from generator.model.loader import load_campaign
from tests.receiver.conftest import CAMPAIGN, Receiver, start_receiver, stop

REVIEWS = "https://g.page/r/CabcdEFGhij/review"
SITE_URL = "https://shop.example/"
FOLLOW_UP = """  follow_up:
    promoters: {en: "Tell others about {shop}!", es: "¡Habla de {shop} a otros!"}
"""
CHANNELS = f"""channels:
  - kind: google_reviews
    url: {REVIEWS}
    answers: false
"""


def campaign_with(tmp_path: Path, survey_extra: str = "", top_extra: str = CHANNELS) -> Path:
    folder = tmp_path / "campaigns"
    shutil.copytree(CAMPAIGN.parent, folder)
    path = folder / CAMPAIGN.name
    text = path.read_text(encoding="utf-8")
    text = text.replace("  ask_contact: true\n", "  ask_contact: true\n" + survey_extra)
    text = text.replace("faq:\n", top_extra + "faq:\n")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def shop(database_url: str, tmp_path: Path) -> Iterator[Receiver]:
    campaign = campaign_with(tmp_path, FOLLOW_UP)
    running = start_receiver(database_url, campaign=campaign, APPRECIATE_SITE_URL=SITE_URL)
    yield running
    assert "Traceback" not in stop(running)


def answer(shop: Receiver, nps: int, lang: str, email: str | None = None) -> dict[str, object]:
    form = {"campaign": "test-month", "lang": lang, "recommend": str(nps), "favourite": "Service"}
    if email:
        form |= {"email": email, "consent": "yes"}
    with shop.client() as client:
        sent = client.post("/survey", data=form, headers={"Accept": "application/json"})
    assert sent.status_code == 201, sent.text
    body: dict[str, object] = sent.json()
    return body


def thanks_page(shop: Receiver, nps: int, lang: str, email: str | None = None) -> str:
    form = {"campaign": "test-month", "lang": lang, "recommend": str(nps), "favourite": "Service"}
    if email:
        form |= {"email": email, "consent": "yes"}
    with shop.client(follow_redirects=True) as client:
        page = client.post("/survey", data=form)
    assert page.status_code == 200 and "/thanks/survey" in str(page.url)
    return page.text


def test_each_score_gets_its_follow_up(shop: Receiver) -> None:
    promoter = answer(shop, 10, "es")["follow_up"]
    assert promoter == {
        "kind": "promoter",
        "text": "¡Habla de Test Shop a otros!",
        "links": [{"name": gettext_in("es", "Google reviews"), "url": REVIEWS}],
    }
    assert answer(shop, 8, "es")["follow_up"] is None  # passives: the reward only
    contacted = answer(shop, 3, "id", "budi@customer.example")["follow_up"]
    assert contacted == {
        "kind": "detractor_contacted",
        "text": ngettext_in(
            "id",
            "We are sorry we let you down. We will write to you within %(num)d hour.",
            "We are sorry we let you down. We will write to you within %(num)d hours.",
            48,
        ),
        "links": [],
    }
    (row,) = shop.query("select ticket, due_at from answers where email = 'budi@customer.example'")
    assert row.ticket and row.ticket.startswith("S-") and row.due_at is not None  # in the inbox
    alone = answer(shop, 0, "es")["follow_up"]
    assert isinstance(alone, dict) and alone["kind"] == "detractor"
    assert alone["links"] == [
        {"name": gettext_in("es", "Write to us"), "url": f"{SITE_URL}es/contact/#complaint-form"}
    ]
    english = answer(shop, 2, "en")["follow_up"]
    assert isinstance(english, dict)
    assert english["links"] == [
        {"name": "Write to us", "url": f"{SITE_URL}contact/#complaint-form"}
    ]
    assert shop.query("select count(*) from answers where ticket is not null")[0][0] == 1


def test_the_thank_you_page_without_javascript(shop: Receiver) -> None:
    promoter = thanks_page(shop, 9, "es")
    assert f'href="{REVIEWS}"' in promoter and "¡Habla de Test Shop a otros!" in promoter
    passive = thanks_page(shop, 7, "es")
    assert "follow-up" not in passive and REVIEWS not in passive
    detractor = thanks_page(shop, 4, "es")
    assert f'href="{SITE_URL}es/contact/#complaint-form"' in detractor
    contacted = thanks_page(shop, 4, "es", "ana@customer.example")
    assert "contact/#complaint-form" not in contacted
    assert "48" in contacted and "follow-up--detractor_contacted" in contacted


@pytest.mark.parametrize(
    ("survey_extra", "top_extra", "expected"),
    [
        (
            '  follow_up:\n    promoters: "Tell {friends}"\n',
            CHANNELS,
            "survey.follow_up.promoters: '{friends}' is not a placeholder of this text "
            "(hint: write {hours} for the promised response time, {shop} for the shop's name)",
        ),
        (
            '  follow_up:\n    detractors_without_contact: {en: "Sorry", es: "Perdón {horas}"}\n',
            CHANNELS,
            "survey.follow_up.detractors_without_contact: '{horas}' is not a placeholder",
        ),
        (
            '  follow_up:\n    promoters: "Review us!"\n',
            "",
            "survey.follow_up.promoters: promoters are asked for a review, but no review "
            "channel is listed (hint: add a google_reviews, yelp, tripadvisor or facebook entry "
            "under channels)",
        ),
        (
            '  follow_up:\n    promoters: ""\n',
            CHANNELS,
            "survey.follow_up.promoters: must not be empty",
        ),
        (
            '  follow_up:\n    passives: "Thanks"\n',
            CHANNELS,
            "survey.follow_up.passives: unknown field",
        ),
    ],
)
def test_follow_up_wording_is_checked(
    tmp_path: Path, survey_extra: str, top_extra: str, expected: str
) -> None:
    path = campaign_with(tmp_path, survey_extra, top_extra)
    with pytest.raises(InputError) as caught:
        load_campaign(path)
    line = path.read_text(encoding="utf-8").splitlines().index("  follow_up:") + 2
    assert f"{CAMPAIGN.name}:{line}: {expected}" in str(caught.value)


def test_detractors_with_contact_need_the_survey_to_ask_for_it(tmp_path: Path) -> None:
    extra = '  follow_up:\n    detractors_with_contact: "We will write within {hours} hours."\n'
    path = campaign_with(tmp_path, extra)
    path.write_text(
        path.read_text(encoding="utf-8").replace("  ask_contact: true\n", "  ask_contact: false\n")
    )
    with pytest.raises(InputError) as caught:
        load_campaign(path)
    assert (
        "survey.follow_up.detractors_with_contact: the survey asks for no e-mail, so no "
        "detractor leaves one (hint: set ask_contact: true, or remove detractors_with_contact)"
    ) in str(caught.value)
