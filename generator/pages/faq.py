"""The FAQ: the marketer's entries plus answers derived from the returns policy and the offers."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.model.campaign import FreeShipping, GiftWithNextOrder, PersonalCode
from generator.model.loader import LoadedCampaign
from generator.pages.formatting import day, money

REFUND_METHODS = {
    "original_payment": "to the card or account you paid with",
    "store_credit": "as store credit you can spend on any order",
    "exchange": "as an exchange for another item of the same value",
}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    derived: bool = False


def faq_entries(loaded: LoadedCampaign, locale: str) -> list[Answer]:
    """The marketer's entries first, then derived answers to questions they did not ask."""
    campaign, returns = loaded.campaign, loaded.returns
    currency = campaign.business.currency
    derived: list[Answer] = []
    for offer in campaign.offers:
        if isinstance(offer, PersonalCode):
            value = f"{offer.percent} %" if offer.percent else money(offer.amount, currency, locale)  # type: ignore[arg-type]
            condition = (
                f" on orders of {money(offer.min_order, currency, locale)} or more"
                if offer.min_order
                else ""
            )
            derived.append(
                Answer(
                    "How do I get my personal code?",
                    f"{_who(offer.tiers)} receive a personal, single-use code by e-mail. "
                    f"It gives {value} off{condition} and is valid until "
                    f"{day(offer.expires, locale)}.",
                    derived=True,
                )
            )
        elif isinstance(offer, FreeShipping):
            condition = (
                f" on orders of {money(offer.threshold, currency, locale)} or more"
                if offer.threshold
                else ""
            )
            derived.append(
                Answer(
                    "When is delivery free?",
                    f"From {day(offer.starts, locale)} to {day(offer.ends, locale)}{condition}.",
                    derived=True,
                )
            )
        elif isinstance(offer, GiftWithNextOrder):
            stock = " while stocks last" if offer.while_stocks_last else ""
            derived.append(
                Answer(
                    "What is the gift with my next order?",
                    f"Your next order comes with {offer.item}{stock}.",
                    derived=True,
                )
            )
    derived.append(
        Answer(
            "What do I get for answering the survey?",
            f"Everyone who answers gets: {campaign.survey.reward.title}.",
            derived=True,
        )
    )
    derived.append(
        Answer(
            "How fast do you answer complaints?",
            f"We answer every message within {campaign.complaints.response_hours} hours.",
            derived=True,
        )
    )
    derived.append(
        Answer(
            "How long do I have to return something?",
            f"{returns.window_days} days from delivery. The item must be {returns.item_condition}.",
            derived=True,
        )
    )
    payer = "We pay" if returns.return_shipping_paid_by == "business" else "You pay"
    derived.append(
        Answer("Who pays for return shipping?", f"{payer} for return shipping.", derived=True)
    )
    derived.append(
        Answer(
            "How do I get my money back?",
            f"We refund you {REFUND_METHODS[returns.refund_method]} "
            f"within {returns.refund_days} days of receiving the item.",
            derived=True,
        )
    )
    if returns.exceptions:
        derived.append(
            Answer(
                "Can everything be returned?",
                "No. These cannot be returned: " + " ".join(returns.exceptions),
                derived=True,
            )
        )
    written = [Answer(entry.question, entry.answer) for entry in campaign.faq]
    asked = {_normal(a.question) for a in written}
    return written + [a for a in derived if _normal(a.question) not in asked]


def _who(tiers: list[str] | None) -> str:
    return f"Our {' and '.join(tiers)} customers" if tiers else "Loyal customers"


def _normal(question: str) -> str:
    return " ".join(question.lower().rstrip("?").split())


def faq_jsonld(entries: list[Answer]) -> str:
    """schema.org FAQPage as JSON, safe to put inside a ``<script>`` element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer},
            }
            for entry in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
