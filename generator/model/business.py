"""The business behind the campaign: who, where, when open, in which languages; brand and dates."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import EmailStr, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from generator.model.fields import (
    Colour,
    Country,
    InputModel,
    Language,
    Name,
    TimeOfDay,
    TimeZone,
    check_currency,
    check_phone,
    fail,
)

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
        for day in range(start, stop + 1):
            if day in days:
                raise fail(
                    "weekdays",
                    f"'{spec}' names {WEEKDAYS[day]} twice",
                    "list each day once, e.g. 'mon-fri' or 'sat,sun'",
                )
            days.append(day)
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
    follow_today: bool = False
    """Move the month, and every date of the campaign with it, to the build day's month (a
    demo that is always on); the receiver's survey follows the same way."""

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
