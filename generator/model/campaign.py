"""The campaign file: the whole of it, and the checks that span its sections.

Each section has its module (business, offers, survey, events, channels, customers); their
models are importable from here too.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, HttpUrl, field_validator, model_validator

from generator.model.business import Brand, Business, Dates, OpeningHours
from generator.model.channels import Channel
from generator.model.customers import CustomerList, Privacy, Wall
from generator.model.errors import did_you_mean
from generator.model.events import Event
from generator.model.fields import InputModel, Slug, between, fail, require_unique
from generator.model.offers import AnyOffer, FreeShipping, GiftWithNextOrder, Offer, PersonalCode
from generator.model.survey import REVIEW_KINDS, FollowUp, Question, Reward, Survey
from generator.model.translated import Text

__all__ = [
    "AnyOffer",
    "Brand",
    "Business",
    "Campaign",
    "Complaints",
    "Dates",
    "Event",
    "FaqEntry",
    "FollowUp",
    "FreeShipping",
    "GiftWithNextOrder",
    "OpeningHours",
    "PersonalCode",
    "Question",
    "Receiver",
    "Reward",
    "Survey",
]


class Complaints(InputModel):
    response_hours: Annotated[int, between(1, 720, "how many hours until you answer, e.g. 24")]
    channels: Annotated[list[Literal["form", "phone", "email"]], Field(min_length=1)]

    @field_validator("channels")
    @classmethod
    def _unique(cls, channels: list[str]) -> list[str]:
        if len(set(channels)) != len(channels):
            raise fail("unique", "lists a channel twice", "name each of form, phone, email once")
        return channels


class FaqEntry(InputModel):
    question: Text
    answer: Text


class Receiver(InputModel):
    url: HttpUrl

    @property
    def base(self) -> str:
        return str(self.url).rstrip("/")


class Campaign(InputModel):
    """Everything one campaign file declares."""

    id: Slug
    name: Text
    tagline: Text | None = None
    business: Business
    brand: Brand
    dates: Dates
    offers: list[Offer] = []
    survey: Survey
    complaints: Complaints
    channels: list[Channel] = []
    """Public channels: listed with their response times on the contact page, linked in the
    footer of every page."""
    faq: list[FaqEntry] = []
    events: list[Event] = []
    """The month's activities: an events page, and calendar (.ics) files."""
    receiver: Receiver
    returns_policy: str
    customers: CustomerList | None = None
    wall: Wall | None = None
    privacy: Privacy = Privacy()

    @model_validator(mode="after")
    def _wall_and_tiers_need_the_list(self) -> Campaign:
        if self.wall is not None and (self.customers is None or self.customers.opt_in is None):
            raise fail(
                "wall",
                "the wall needs customers.opt_in",
                "say which column tells who agreed to appear on the wall",
                field="wall",
            )
        known = [t.name for t in self.customers.tiers] if self.customers else []
        for index, offer in enumerate(self.offers):
            for position, tier in enumerate(getattr(offer, "tiers", None) or []):
                if tier not in known:
                    raise fail(
                        "tier",
                        f"'{tier}' is not a tier of customers.tiers",
                        did_you_mean(tier, known) or "define it under customers.tiers",
                        field=("offers", index, "tiers", position),
                    )
        return self

    @field_validator("events")
    @classmethod
    def _unique_events(cls, events: list[Event]) -> list[Event]:
        require_unique([e.id for e in events], "event id", "id", "give each event its own id")
        return events

    @model_validator(mode="after")
    def _promoters_have_somewhere_to_go(self) -> Campaign:
        reviews = [c for c in self.channels if c.kind in REVIEW_KINDS]
        if self.survey.follow_up.promoters is not None and not reviews:
            raise fail(
                "follow_up",
                "promoters are asked for a review, but no review channel is listed",
                "add a google_reviews, yelp, tripadvisor or facebook entry under channels",
                field=("survey", "follow_up", "promoters"),
            )
        return self

    @model_validator(mode="after")
    def _offers_fit_the_month(self) -> Campaign:
        for index, offer in enumerate(self.offers):
            if isinstance(offer, PersonalCode) and offer.expires < self.dates.end:
                raise fail(
                    "order",
                    "expires before the campaign ends",
                    f"the campaign ends {self.dates.end}; let codes live at least that long",
                    field=("offers", index, "expires"),
                )
            if isinstance(offer, FreeShipping) and offer.ends < self.dates.start:
                raise fail(
                    "order",
                    "ends before the campaign starts",
                    f"the campaign starts {self.dates.start}",
                    field=("offers", index, "ends"),
                )
        return self
