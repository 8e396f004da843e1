"""Field types of the input models; each fails with a message and a hint a marketer can act on."""

from __future__ import annotations

import re
from datetime import time
from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies, list_currencies
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from generator.model.errors import did_you_mean


class InputModel(BaseModel):
    """Base of every input model: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def fail(kind: str, message: str, hint: str | None = None, **context: Any) -> PydanticCustomError:
    """A validation error whose message and hint reach the user as written."""
    return PydanticCustomError(kind, message, {"hint": hint, **context} if hint else context)


def require_one_of(
    model: BaseModel, first: str, second: str, kind: str, hint: str, field: str | None = None
) -> None:
    """Fail unless exactly one of two optional fields is given; the error points at ``field``
    (default ``first``)."""
    if (getattr(model, first) is None) == (getattr(model, second) is None):
        message = f"give exactly one of '{first}' or '{second}'"
        raise fail(kind, message, hint, field=field or first)


def require_unique(names: list[str], what: str, field: str, hint: str) -> None:
    """Fail at the second use of a name in a list (``field`` is the name's key in each item)."""
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name in seen:
            raise fail("unique", f"{what} '{name}' is used twice", hint, field=(index, field))
        seen.add(name)


def between(low: int, high: int, hint: str) -> AfterValidator:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise fail("range", f"must be between {low} and {high}", hint)
        return value

    return AfterValidator(check)


def _positive_money(value: Decimal) -> Decimal:
    if value <= 0:
        raise fail("money", "must be more than 0", "write the amount without a currency sign")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise fail("money", "has more than 2 decimals", "round the amount to cents")
    return value


Money = Annotated[Decimal, AfterValidator(_positive_money)]

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_HEX_FORMS = "write '#rgb' or '#rrggbb', like '#6b3e26', or a CSS colour name like 'teal'"


def _colour(value: Any) -> Any:
    """A hex colour, or a CSS colour name (Pillow's table of them) turned into its hex form."""
    if value is None:  # an unquoted '#6b3e26' is a YAML comment: the value is empty
        raise fail(
            "colour", "is empty", "quote the colour: YAML reads # as a comment, like '#6b3e26'"
        )
    if not isinstance(value, str):
        return value  # the str type check reports it
    value = value.strip()
    if _HEX.fullmatch(value):
        if len(value) == 4:
            value = "#" + "".join(c * 2 for c in value[1:])
        return value.lower()
    from PIL import ImageColor  # only for a colour given by name

    name = value.lower().replace(" ", "")
    if name in ImageColor.colormap:
        red, green, blue = ImageColor.getrgb(name)[:3]
        return f"#{red:02x}{green:02x}{blue:02x}"
    if re.fullmatch(r"(?:[0-9a-fA-F]{3}){1,2}", value):
        add = f"add the '#': '#{value.lower()}'"
        raise fail(
            "colour",
            f"'{value}' is not a colour",
            add,
            unquoted_hint=f"{add}, in quotes (YAML reads # as a comment)",
        )
    close = did_you_mean(name, ImageColor.colormap)
    hint = f"{close} Or {_HEX_FORMS}" if close else _HEX_FORMS
    raise fail("colour", f"'{value}' is not a colour", hint)


Colour = Annotated[str, BeforeValidator(_colour)]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise fail(
            "slug", "must be lowercase letters, digits and dashes", "for example 'spring-2027'"
        )
    return value


Slug = Annotated[str, AfterValidator(_slug)]


def _time_of_day(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        # PyYAML reads an unquoted 9:30 as a base-60 number (570)
        raise fail("time", 'must be a time like "09:30"', "put the time in quotes")
    if isinstance(value, str):
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
        if not match:
            raise fail("time", 'must be a time like "09:30"', "use 24-hour HH:MM")
        return time(int(match[1]), int(match[2]))
    return value


TimeOfDay = Annotated[time, BeforeValidator(_time_of_day)]


def check_currency(value: str, country: str | None) -> str:
    """An ISO 4217 code; a wrong one gets the country's own currency as its hint."""
    code = value.upper()
    if code not in list_currencies():
        local = get_territory_currencies(country) if country else []
        hint = f"did you mean '{local[0]}'?" if local else did_you_mean(code, list_currencies())
        raise fail(
            "currency",
            f"'{value}' is not an ISO 4217 currency code",
            hint or "for example USD, EUR, IDR",
        )
    return code


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail(
            "time_zone",
            f"'{value}' is not a time zone",
            did_you_mean(value, available_timezones()) or "use an IANA name like 'Asia/Jakarta'",
        ) from None
    return value


TimeZone = Annotated[str, AfterValidator(_time_zone)]


def _country(value: str) -> str:
    code = value.upper()
    if not (len(code) == 2 and code.isalpha() and code in Locale("en").territories):
        raise fail(
            "country", f"'{value}' is not a country code", "use two letters, like ID, ES or US"
        )
    return code


Country = Annotated[str, AfterValidator(_country)]


SITE_LANGUAGES = ("en", "es", "id")
"""Languages Appreciate's own texts (buttons, labels, messages) are translated into."""


def _language(value: str) -> str:
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError):
        raise fail(
            "language",
            f"'{value}' is not a language code",
            did_you_mean(value, SITE_LANGUAGES) or "use en, es or id",
        ) from None
    if value not in SITE_LANGUAGES:
        raise fail(
            "language",
            f"'{value}' has no translation of Appreciate's own texts",
            f"use one of {', '.join(SITE_LANGUAGES)}",
        )
    return value


Language = Annotated[str, AfterValidator(_language)]


def not_blank(value: str) -> str:
    if not value:
        raise fail("blank", "must not be empty", "write the text or remove the field")
    return value


Name = Annotated[str, AfterValidator(not_blank)]
"""Text shown as it is in every language: a business name, an address."""


def check_phone(value: str, country: str | None) -> str:
    """A phone number that can be dialled; ``country`` gives national numbers their prefix."""
    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise fail(
            "phone",
            f"'{value}' is not a phone number",
            "write it with the country code, like '+62 21 5550 1234'",
        )
    return value


def tel_uri(phone: str, country: str | None) -> str:
    """The ``tel:`` link of a validated phone number (E.164)."""
    number = phonenumbers.parse(phone, country)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
