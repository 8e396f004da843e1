"""The business section: weekdays and opening hours, phone, currency, languages; brand; dates."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from pydantic_core import PydanticCustomError

from generator.model.business import Brand, Business, Dates, OpeningHours, _weekdays
from tests.model.test_fields import hint_of, only_error

HOURS = {"days": "mon-fri", "opens": "09:00", "closes": "18:00"}


def business(**changes: Any) -> dict[str, Any]:
    return {
        "name": "Kopi Kita",
        "country": "ID",
        "phone": "021 5550 1234",
        "email": "halo@kopi.example",
        "address": "Jl. Sabang 1, Jakarta",
        "opening_hours": [HOURS],
        "currency": "idr",
        "time_zone": "Asia/Jakarta",
        **changes,
    }


@pytest.mark.parametrize(
    ("spec", "days"),
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("sat,sun", (5, 6)),
        (" Mon-Wed , FRI ", (0, 1, 2, 4)),
        ("sun", (6,)),
        ("mon-mon", (0,)),
    ],
)
def test_weekdays(spec: str, days: tuple[int, ...]) -> None:
    assert _weekdays(spec) == days


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("fri-mon", "'fri-mon' runs backwards"),
        ("mon-fry", "'mon-fry' is not a list of weekdays"),
        ("monday", "'monday' is not a list of weekdays"),
        ("", "'' is not a list of weekdays"),
        ("mon,,tue", "'mon,,tue' is not a list of weekdays"),
        ("mon-fri,mon", "'mon-fri,mon' names mon twice"),
    ],
)
def test_weekdays_that_are_not(spec: str, message: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        _weekdays(spec)
    assert caught.value.message() == message


def test_opening_hours() -> None:
    hours = OpeningHours.model_validate({"days": "sat,sun", "opens": "10:00", "closes": "14:30"})
    assert (hours.weekdays, hours.opens, hours.closes) == ((5, 6), time(10), time(14, 30))
    error = only_error(OpeningHours, {**HOURS, "closes": "09:00"})
    assert (error["msg"], error["ctx"]["field"]) == ("must be after 'opens'", "closes")
    assert only_error(OpeningHours, {**HOURS, "days": "weekdays"})["loc"] == ("days",)


def test_a_business_with_its_national_phone_and_lowercase_currency() -> None:
    shop = Business.model_validate(business())
    assert shop.currency == "IDR" and shop.phone == "021 5550 1234"
    assert shop.site_languages == ("en",)


def test_the_countrys_currency_is_the_hint() -> None:
    error = only_error(Business, business(currency="EURO"))
    assert (error["loc"], hint_of(error)) == (("currency",), "did you mean 'IDR'?")


def test_a_phone_is_checked_against_the_country() -> None:
    error = only_error(Business, business(phone="5550"))
    assert (error["loc"], error["msg"]) == (("phone",), "'5550' is not a phone number")


def test_the_default_language_comes_first_then_the_others_in_order() -> None:
    shop = Business.model_validate(business(default_language="id", languages=["en", "id", "es"]))
    assert shop.site_languages == ("id", "en", "es")


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        (["en", "es", "en"], "lists 'en' twice"),
        (["es", "id"], "does not list the default language 'en'"),
    ],
)
def test_languages_list_the_default_once(languages: list[str], message: str) -> None:
    error = only_error(Business, business(languages=languages))
    assert (error["loc"], error["msg"]) == (("languages",), message)


def test_opening_hours_are_required() -> None:
    assert only_error(Business, business(opening_hours=[]))["loc"] == ("opening_hours",)


def test_brand_colours_are_normalised() -> None:
    brand = Brand.model_validate({"primary": "#ABC", "accent": "teal"})
    assert (brand.primary, brand.accent, brand.logo) == ("#aabbcc", "#008080", None)


def test_dates_end_after_they_start() -> None:
    dates = Dates.model_validate({"start": "2026-11-01", "end": "2026-11-30"})
    assert not dates.follow_today
    for end in ("2026-11-01", "2026-10-31"):
        error = only_error(Dates, {"start": "2026-11-01", "end": end})
        assert (error["msg"], hint_of(error)) == (
            "must be after the start date",
            "the campaign starts 2026-11-01",
        )
        assert error["ctx"]["field"] == "end"
