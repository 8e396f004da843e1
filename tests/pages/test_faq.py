from __future__ import annotations

import json
from typing import get_args

from generator.model.loader import load_campaign
from generator.model.offers import AnyOffer
from generator.model.translated import localized
from generator.pages.faq import OFFER_ANSWERS, Answer, faq_entries, faq_jsonld
from tests.conftest import FIXTURE


def test_marketer_entries_first_then_derived_answers() -> None:
    loaded = load_campaign(FIXTURE / "campaigns" / "campaign.yaml")
    entries = faq_entries(loaded.campaign, loaded.returns, "en", {})
    assert entries[0] == Answer("Who can take part?", "Everyone.")
    answers = {e.question: e.answer for e in entries}
    assert answers["How long do I have to return something?"].startswith("30 days")
    assert "store credit" in answers["How do I get my money back?"]
    assert answers["Who pays for return shipping?"] == "You pay for return shipping."
    assert "15 % off orders of €40 or more" in answers["How do I get my personal code?"]
    assert "on orders of €30 or more" in answers["When is delivery free?"]
    assert answers["What is the gift with my next order?"].endswith("a tote bag while stocks last.")
    assert "within 48 hours" in answers["How fast do you answer complaints?"]
    assert "Gift cards." in answers["Can everything be returned?"]


def test_a_question_the_marketer_answered_is_not_derived_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in ("campaign.yaml", "returns.yaml"):
        text = (FIXTURE / "campaigns" / name).read_text(encoding="utf-8")
        if name == "campaign.yaml":
            text = text.replace(
                "    answer: Everyone.",
                "    answer: Everyone.\n  - question: who pays for return shipping\n"
                "    answer: Always us, whatever the reason.",
            )
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load_campaign(tmp_path / "campaign.yaml")
    entries = faq_entries(loaded.campaign, loaded.returns, "en", {})
    about_shipping = [e for e in entries if "return shipping" in e.question.lower()]
    assert about_shipping == [
        Answer("who pays for return shipping", "Always us, whatever the reason.")
    ]


def test_jsonld_is_a_faq_page_that_cannot_close_its_script() -> None:
    entries = [Answer("Is </script> safe?", "Yes: <b>it</b> is.")]
    text = faq_jsonld(entries)
    assert "</" not in text
    data = json.loads(text)
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == "Is </script> safe?"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes: <b>it</b> is."


def test_derived_answers_are_in_the_pages_language() -> None:
    loaded = load_campaign(FIXTURE / "campaigns" / "three-languages.yaml")
    campaign = localized(loaded.campaign, "es")
    returns = localized(loaded.returns, "es")
    answers = {e.question: e.answer for e in faq_entries(campaign, returns, "es", {})}
    assert answers["¿Quién puede participar?"] == "Todo el mundo."
    assert set(answers) >= {
        "¿Cómo consigo mi código personal?",
        "¿Cuánto tiempo tengo para devolver un producto?",
    }
    code = answers["¿Cómo consigo mi código personal?"]
    assert "15 %" in code and "1.500\xa0€" in code and "31 de diciembre de 2026" in code
    assert "sin usar" in answers["¿Cuánto tiempo tengo para devolver un producto?"]


def test_every_kind_of_offer_has_a_derived_answer() -> None:
    kinds = {offer.model_fields["kind"].annotation for offer in get_args(AnyOffer)}
    assert set(OFFER_ANSWERS) == {get_args(kind)[0] for kind in kinds}
