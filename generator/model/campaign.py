"""The campaign file: business, brand, dates, offers, survey, complaints and FAQ."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import EmailStr, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from generator.model.channels import Channel
from generator.model.customers import CustomerList, Privacy, Wall
from generator.model.errors import did_you_mean
from generator.model.fields import (
    Colour,
    Country,
    InputModel,
    Language,
    Money,
    Name,
    Slug,
    TimeOfDay,
    TimeZone,
    between,
    check_currency,
    check_phone,
    fail,
    require_one_of,
    require_unique,
)
from generator.model.translated import Text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekdays(spec: str) -> tuple[int, ...]:
    """``"mon-fri"`` → (0, 1, 2, 3, 4); ``"sat,sun"`` → (5, 6)."""
    days: list[int] = []
    for part in re.split(r"\s*,\s*", spec.strip().lower()):
        first, _, last = part.partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise fail(
                "weekdays",
                f"'{spec}' is not a list of weekdays",
                "write a range or list like 'mon-fri' or 'sat,sun'",
            )
        start, stop = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        if stop < start:
            raise fail("weekdays", f"'{part}' runs backwards", "write the earlier day first")
        days.extend(range(start, stop + 1))
    return tuple(days)


class OpeningHours(InputModel):
    days: str
    opens: TimeOfDay
    closes: TimeOfDay

    @field_validator("days")
    @classmethod
    def _days(cls, value: str) -> str:
        _weekdays(value)
        return value

    @property
    def weekdays(self) -> tuple[int, ...]:
        return _weekdays(self.days)

    @model_validator(mode="after")
    def _closes_after_opening(self) -> OpeningHours:
        if self.closes <= self.opens:
            raise fail("order", "must be after 'opens'", "use 24-hour times", field="closes")
        return self


class Business(InputModel):
    name: Name
    country: Country
    phone: str
    email: EmailStr
    address: Name
    opening_hours: Annotated[list[OpeningHours], Field(min_length=1)]
    currency: str
    time_zone: TimeZone
    default_language: Language = "en"
    languages: list[Language] | None = None
    """The site's languages, the default first; default: only the default language."""
    website: HttpUrl | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        return check_phone(value, info.data.get("country"))

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if value is None:
            return None
        for index, language in enumerate(value):
            if language in value[:index]:
                raise fail("unique", f"lists '{language}' twice", "name each language once")
        default = info.data.get("default_language")
        if default is not None and default not in value:
            raise fail(
                "language",
                f"does not list the default language '{default}'",
                f"add {default} to the list",
            )
        return value

    @property
    def site_languages(self) -> tuple[str, ...]:
        """The default language first, then the others in the order given."""
        others = [lang for lang in self.languages or () if lang != self.default_language]
        return (self.default_language, *others)

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str, info: ValidationInfo) -> str:
        return check_currency(value, info.data.get("country"))


class Brand(InputModel):
    logo: str | None = None
    primary: Colour
    accent: Colour


class Dates(InputModel):
    start: date
    end: date

    @model_validator(mode="after")
    def _end_after_start(self) -> Dates:
        if self.end <= self.start:
            raise fail(
                "order",
                "must be after the start date",
                f"the campaign starts {self.start}",
                field="end",
            )
        return self


class PersonalCode(InputModel):
    """A single-use code for each loyal customer."""

    kind: Literal["personal_code"]
    title: Text
    description: Text | None = None
    percent: Annotated[int, between(1, 100, "the percentage off, e.g. 15")] | None = None
    amount: Money | None = None
    min_order: Money | None = None
    expires: date
    tiers: list[str] | None = None
    """Loyalty tiers whose customers get a code; all customers when not given."""
    code_length: Annotated[int, between(8, 12, "characters in each code, e.g. 10")] = 10

    @model_validator(mode="after")
    def _percent_or_amount(self) -> PersonalCode:
        require_one_of(
            self,
            "percent",
            "amount",
            "discount",
            "percent: 15 for 15 % off, amount: 50000 for a fixed discount",
        )
        return self


class FreeShipping(InputModel):
    """Free shipping on orders over a threshold during a window."""

    kind: Literal["free_shipping"]
    title: Text
    description: Text | None = None
    starts: date
    ends: date
    threshold: Money | None = None

    @model_validator(mode="after")
    def _window(self) -> FreeShipping:
        if self.ends < self.starts:
            raise fail(
                "order",
                "must not be before 'starts'",
                f"the window starts {self.starts}",
                field="ends",
            )
        return self


class GiftWithNextOrder(InputModel):
    """A gift packed with the customer's next order."""

    kind: Literal["gift_with_next_order"]
    title: Text
    description: Text | None = None
    item: Text
    while_stocks_last: bool = True
    min_order: Money | None = None


AnyOffer = PersonalCode | FreeShipping | GiftWithNextOrder
Offer = Annotated[AnyOffer, Field(discriminator="kind")]
OFFER_KINDS = ("personal_code", "free_shipping", "gift_with_next_order")


# form fields the pages add themselves; a question cannot use these names
RESERVED_FIELDS = (
    "campaign",
    "lang",
    "website",
    "email",
    "name",
    "phone",
    "consent",
    "message",
    "order",
)


class Question(InputModel):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    kind: Literal["nps", "single_choice", "text"]
    label: Text
    required: bool = True
    choices: list[Text] = []
    max_length: Annotated[int, between(1, 5000, "characters a customer may type")] = 1000

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_FIELDS:
            raise fail(
                "reserved", f"'{value}' is a name the form uses itself", f"try '{value}_answer'"
            )
        return value

    @model_validator(mode="after")
    def _choices(self) -> Question:
        if self.kind == "single_choice" and len(self.choices) < 2:
            raise fail(
                "choices",
                "a single_choice question needs at least 2 choices",
                "add another choice",
                field="choices",
            )
        if self.kind != "single_choice" and self.choices:
            raise fail(
                "choices",
                f"a {self.kind} question has no choices",
                "remove 'choices'",
                field="choices",
            )
        return self


class Reward(InputModel):
    """What every customer who answers the survey gets."""

    title: Text
    description: Text | None = None


class Survey(InputModel):
    title: Text
    intro: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1)]
    reward: Reward
    ask_contact: bool = False
    consent: Text

    @field_validator("questions")
    @classmethod
    def _questions(cls, questions: list[Question]) -> list[Question]:
        require_unique(
            [q.id for q in questions], "question id", "id", "give each question its own id"
        )
        if sum(q.kind == "nps" for q in questions) > 1:
            raise fail(
                "nps", "has more than one nps question", "keep one 0–10 recommendation question"
            )
        return questions


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


class Event(InputModel):
    """One activity of the month: a tasting, a workshop, a video call with the team."""

    id: Slug
    title: Text
    start: datetime
    """Local time in the business's time zone, e.g. ``2026-11-07 18:00``."""
    end: datetime | None = None
    duration_minutes: Annotated[int, between(5, 7 * 24 * 60, "e.g. 90")] | None = None
    place: Text | None = None
    video: HttpUrl | None = None
    """The video call's address, for an online event."""
    description: Text | None = None

    @model_validator(mode="after")
    def _when_and_where(self) -> Event:
        require_one_of(self, "end", "duration_minutes", "event", "end: 2026-11-07 20:00")
        if self.end is not None and self.end <= self.start:
            raise fail(
                "order", "must be after 'start'", f"the event starts {self.start}", field="end"
            )
        if self.place is None and self.video is None:
            raise fail(
                "event",
                "needs a 'place' or a 'video' link",
                "where do customers go?",
                field="place",
            )
        return self

    @property
    def finish(self) -> datetime:
        """When the event ends (``end``, or ``start`` plus the duration)."""
        return self.end or self.start + timedelta(minutes=self.duration_minutes or 0)


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
