"""The survey's loop: what the thank-you page adds to the reward, by the customer's score.

Promoters (9–10) are asked to recommend the shop where others read it (the campaign's review
channels, as buttons); detractors (0–6) who left an e-mail read that the shop will answer, and
when (their answer is in the inbox); detractors without one get the complaint form. Passives
(7–8) get the reward only. The wording is the campaign's ``survey.follow_up``, else ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.i18n import gettext_in, ngettext_in
from generator.model.survey import REVIEW_KINDS

if TYPE_CHECKING:
    from generator.receiver.context import Receiver


@dataclass(frozen=True)
class Link:
    name: str
    url: str


@dataclass(frozen=True)
class FollowUp:
    kind: str  # promoter | detractor_contacted | detractor
    text: str
    links: list[Link] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "text": self.text,
            "links": [{"name": link.name, "url": link.url} for link in self.links],
        }


def is_detractor(nps: int | None) -> bool:
    return nps is not None and nps <= 6


def follow_up(receiver: Receiver, lang: str, nps: int | None, contacted: bool) -> FollowUp | None:
    """What the thank-you page adds for a score of ``nps``; ``None`` for passives (or no score).

    ``contacted``: the customer left an e-mail with consent, so the answer is in the inbox.
    """
    campaign = receiver.campaign_in(lang)
    wording = campaign.survey.follow_up
    hours = receiver.campaign.complaints.response_hours
    shop = campaign.business.name

    def fill(text: str) -> str:
        return text.replace("{hours}", str(hours)).replace("{shop}", shop)

    if nps is not None and nps >= 9:
        links = [
            Link(gettext_in(lang, channel.name), channel.link)
            for channel in campaign.channels
            if channel.kind in REVIEW_KINDS
        ]
        if not links:  # nowhere to recommend the shop: the reward says thank you
            return None
        text = wording.promoters or gettext_in(
            lang,
            "Glad you like us! Would you tell others? "
            "A review helps a small shop more than anything.",
        )
        return FollowUp("promoter", fill(text), links)
    if not is_detractor(nps):
        return None
    if contacted:
        text = wording.detractors_with_contact or ngettext_in(
            lang,
            "We are sorry we let you down. We will write to you within %(num)d hour.",
            "We are sorry we let you down. We will write to you within %(num)d hours.",
            hours,
        )
        return FollowUp("detractor_contacted", fill(text))
    text = wording.detractors_without_contact or ngettext_in(
        lang,
        "We are sorry we let you down. Tell us what happened, "
        "and we will answer within %(num)d hour.",
        "We are sorry we let you down. Tell us what happened, "
        "and we will answer within %(num)d hours.",
        hours,
    )
    form = complaint_form(receiver, lang)
    links = [Link(gettext_in(lang, "Write to us"), form)] if form else []
    return FollowUp("detractor", fill(text), links)


def complaint_form(receiver: Receiver, lang: str) -> str | None:
    """The complaint form on the site, in ``lang``; ``None`` when the site's address is unknown."""
    site = receiver.settings.site_url
    if not site:
        return None
    prefix = "" if lang == receiver.campaign.business.default_language else f"{lang}/"
    return f"{site.rstrip('/')}/{prefix}contact/#complaint-form"
