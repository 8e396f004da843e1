"""The FAQ: the marketer's entries plus answers derived from the returns policy and the offers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

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

    def _(message: str, **values: object) -> str:
        return gettext_in(language, message, **values)

    def price(amount: Decimal) -> str:
        return money(amount, campaign.business.currency, language)

    derived: list[Answer] = []
    for offer in campaign.offers:
        if isinstance(offer, PersonalCode):
            value = f"{offer.percent} %" if offer.percent else price(offer.amount)  # type: ignore[arg-type]
            who = (
                _(
                    "Our %(tiers)s customers",
                    tiers=format_list([tiers[t] for t in offer.tiers], locale=language),
                )
                if offer.tiers
                else _("Loyal customers")
            )
            expires = day(offer.expires, language)
            answer = (
                _(
                    "%(who)s receive a personal, single-use code by e-mail. It gives %(value)s off "
                    "orders of %(minimum)s or more and is valid until %(expires)s.",
                    who=who,
                    value=value,
                    minimum=price(offer.min_order),
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
            derived.append(Answer(_("How do I get my personal code?"), answer, derived=True))
        elif isinstance(offer, FreeShipping):
            starts, ends = day(offer.starts, language), day(offer.ends, language)
            answer = (
                _(
                    "From %(starts)s to %(ends)s on orders of %(minimum)s or more.",
                    starts=starts,
                    ends=ends,
                    minimum=price(offer.threshold),
                )
                if offer.threshold
                else _("From %(starts)s to %(ends)s.", starts=starts, ends=ends)
            )
            derived.append(Answer(_("When is delivery free?"), answer, derived=True))
        elif isinstance(offer, GiftWithNextOrder):
            answer = (
                _("Your next order comes with %(item)s while stocks last.", item=offer.item)
                if offer.while_stocks_last
                else _("Your next order comes with %(item)s.", item=offer.item)
            )
            derived.append(Answer(_("What is the gift with my next order?"), answer, derived=True))
    derived.append(
        Answer(
            _("What do I get for answering the survey?"),
            _("Everyone who answers gets: %(reward)s.", reward=campaign.survey.reward.title),
            derived=True,
        )
    )
    hours = campaign.complaints.response_hours
    derived.append(
        Answer(
            _("How fast do you answer complaints?"),
            ngettext_in(
                language,
                "We answer every message within %(num)d hour.",
                "We answer every message within %(num)d hours.",
                hours,
            ),
            derived=True,
        )
    )
    derived.append(
        Answer(
            _("How long do I have to return something?"),
            ngettext_in(
                language,
                "%(num)d day from delivery. The item must be %(condition)s.",
                "%(num)d days from delivery. The item must be %(condition)s.",
                returns.window_days,
                condition=returns.item_condition,
            ),
            derived=True,
        )
    )
    derived.append(
        Answer(
            _("Who pays for return shipping?"),
            _("We pay for return shipping.")
            if returns.return_shipping_paid_by == "business"
            else _("You pay for return shipping."),
            derived=True,
        )
    )
    derived.append(
        Answer(
            _("How do I get my money back?"),
            ngettext_in(
                language,
                "We refund you %(method)s within %(num)d day of receiving the item.",
                "We refund you %(method)s within %(num)d days of receiving the item.",
                returns.refund_days,
                method=_(REFUND_METHODS[returns.refund_method]),
            ),
            derived=True,
        )
    )
    if returns.exceptions:
        derived.append(
            Answer(
                _("Can everything be returned?"),
                _("No. These cannot be returned:") + " " + " ".join(returns.exceptions),
                derived=True,
            )
        )
    written = [Answer(entry.question, entry.answer) for entry in campaign.faq]
    asked = {_normal(a.question) for a in written}
    return written + [a for a in derived if _normal(a.question) not in asked]


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
