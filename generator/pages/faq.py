"""The FAQ: the marketer's entries plus answers derived from the returns policy and the offers."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel.lists import format_list

from generator.i18n import N_, gettext_in, ngettext_in
from generator.model.campaign import Campaign, FreeShipping, GiftWithNextOrder, PersonalCode
from generator.model.returns import ReturnsPolicy
from generator.pages.formatting import day, money

REFUND_METHODS = {
    "original_payment": N_("to the card or account you paid with"),
    "store_credit": N_("as store credit you can spend on any order"),
    "exchange": N_("as an exchange for another item of the same value"),
}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    derived: bool = False


def faq_entries(
    campaign: Campaign, returns: ReturnsPolicy, language: str, tiers: dict[str, str]
) -> list[Answer]:
    """The marketer's entries first, then derived answers to questions they did not ask.

    ``campaign`` and ``returns`` are already in ``language``; ``tiers`` names each tier there.
    """
    _ = _Language(language, campaign.business.currency, tiers)
    derived = [OFFER_ANSWERS[offer.kind](offer, _) for offer in campaign.offers]
    derived += _campaign_answers(campaign, _) + _returns_answers(returns, _)
    written = [Answer(entry.question, entry.answer) for entry in campaign.faq]
    asked = {_normal(a.question) for a in written}
    return written + [a for a in derived if _normal(a.question) not in asked]


@dataclass(frozen=True)
class _Language:
    """The page's language: called as ``_(message)`` it translates, and it writes prices and days.

    The derived answers take it as ``_`` so that ``make messages`` finds their texts.
    """

    language: str
    currency: str
    tiers: dict[str, str]
    """Each tier's name in ``language``."""

    def __call__(self, message: str, **values: object) -> str:
        return gettext_in(self.language, message, **values)

    def price(self, amount: Decimal) -> str:
        return money(amount, self.currency, self.language)

    def day(self, when: date) -> str:
        return day(when, self.language)


def _derived(question: str, answer: str) -> Answer:
    return Answer(question, answer, derived=True)


def _personal_code_answer(offer: PersonalCode, _: _Language) -> Answer:
    value = f"{offer.percent} %" if offer.percent else _.price(offer.amount)  # type: ignore[arg-type]
    who = (
        _(
            "Our %(tiers)s customers",
            tiers=format_list([_.tiers[t] for t in offer.tiers], locale=_.language),
        )
        if offer.tiers
        else _("Loyal customers")
    )
    expires = _.day(offer.expires)
    answer = (
        _(
            "%(who)s receive a personal, single-use code by e-mail. It gives %(value)s off "
            "orders of %(minimum)s or more and is valid until %(expires)s.",
            who=who,
            value=value,
            minimum=_.price(offer.min_order),
            expires=expires,
        )
        if offer.min_order
        else _(
            "%(who)s receive a personal, single-use code by e-mail. It gives %(value)s off "
            "and is valid until %(expires)s.",
            who=who,
            value=value,
            expires=expires,
        )
    )
    return _derived(_("How do I get my personal code?"), answer)


def _free_shipping_answer(offer: FreeShipping, _: _Language) -> Answer:
    starts, ends = _.day(offer.starts), _.day(offer.ends)
    answer = (
        _(
            "From %(starts)s to %(ends)s on orders of %(minimum)s or more.",
            starts=starts,
            ends=ends,
            minimum=_.price(offer.threshold),
        )
        if offer.threshold
        else _("From %(starts)s to %(ends)s.", starts=starts, ends=ends)
    )
    return _derived(_("When is delivery free?"), answer)


def _gift_answer(offer: GiftWithNextOrder, _: _Language) -> Answer:
    answer = (
        _("Your next order comes with %(item)s while stocks last.", item=offer.item)
        if offer.while_stocks_last
        else _("Your next order comes with %(item)s.", item=offer.item)
    )
    return _derived(_("What is the gift with my next order?"), answer)


# the answer each kind of offer gets, by the offer's ``kind``
OFFER_ANSWERS: dict[str, Callable[[Any, _Language], Answer]] = {
    "personal_code": _personal_code_answer,
    "free_shipping": _free_shipping_answer,
    "gift_with_next_order": _gift_answer,
}


def _campaign_answers(campaign: Campaign, _: _Language) -> list[Answer]:
    """What the survey gives, and how fast complaints are answered."""
    language = _.language  # a plain name: `make messages` loses ngettext_in(_.language, ...)
    return [
        _derived(
            _("What do I get for answering the survey?"),
            _("Everyone who answers gets: %(reward)s.", reward=campaign.survey.reward.title),
        ),
        _derived(
            _("How fast do you answer complaints?"),
            ngettext_in(
                language,
                "We answer every message within %(num)d hour.",
                "We answer every message within %(num)d hours.",
                campaign.complaints.response_hours,
            ),
        ),
    ]


def _returns_answers(returns: ReturnsPolicy, _: _Language) -> list[Answer]:
    """The returns policy as answers: how long, who pays the shipping, the refund, exceptions."""
    language = _.language  # a plain name: `make messages` loses ngettext_in(_.language, ...)
    answers = [
        _derived(
            _("How long do I have to return something?"),
            ngettext_in(
                language,
                "%(num)d day from delivery. The item must be %(condition)s.",
                "%(num)d days from delivery. The item must be %(condition)s.",
                returns.window_days,
                condition=returns.item_condition,
            ),
        ),
        _derived(
            _("Who pays for return shipping?"),
            _("We pay for return shipping.")
            if returns.return_shipping_paid_by == "business"
            else _("You pay for return shipping."),
        ),
        _derived(
            _("How do I get my money back?"),
            ngettext_in(
                language,
                "We refund you %(method)s within %(num)d day of receiving the item.",
                "We refund you %(method)s within %(num)d days of receiving the item.",
                returns.refund_days,
                method=_(REFUND_METHODS[returns.refund_method]),
            ),
        ),
    ]
    if returns.exceptions:
        answers.append(
            _derived(
                _("Can everything be returned?"),
                _("No. These cannot be returned:") + " " + " ".join(returns.exceptions),
            )
        )
    return answers


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
