"""Field types of the input models: each fails with the message and hint a marketer can act on."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

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
    tel_uri,
)


def only_error(model: Any, value: Any, **options: Any) -> ErrorDetails:
    """The one validation error of ``value`` for a model class or an annotated type."""
    adapter = model if isinstance(model, TypeAdapter) else None
    with pytest.raises(ValidationError) as caught:
        if adapter is not None:
            adapter.validate_python(value, **options)
        elif isinstance(model, type) and issubclass(model, BaseModel):
            model.model_validate(value, **options)
        else:
            TypeAdapter(model).validate_python(value, **options)
    (error,) = caught.value.errors()
    return error


def hint_of(error: ErrorDetails) -> str | None:
    return (error.get("ctx") or {}).get("hint")


def test_fail_carries_the_hint_and_context_as_written() -> None:
    error = fail("order", "must be after 'opens'", "use 24-hour times", field="closes")
    assert isinstance(error, PydanticCustomError)
    assert (error.type, error.message()) == ("order", "must be after 'opens'")
    assert error.context == {"hint": "use 24-hour times", "field": "closes"}
    assert fail("blank", "must not be empty").context == {}


class Discount(InputModel):
    percent: int | None = None
    amount: int | None = None
    names: list[str] = []


def test_require_one_of() -> None:
    require_one_of(Discount(percent=5), "percent", "amount", "discount", "pick one")
    require_one_of(Discount(amount=5), "percent", "amount", "discount", "pick one")
    for discount in (Discount(), Discount(percent=5, amount=5)):
        with pytest.raises(PydanticCustomError) as caught:
            require_one_of(discount, "percent", "amount", "discount", "pick one", field="amount")
        assert caught.value.message() == "give exactly one of 'percent' or 'amount'"
        assert caught.value.context == {"hint": "pick one", "field": "amount"}


def test_require_unique_blames_the_second_use() -> None:
    require_unique(["a", "b", "c"], "tier", "name", "rename it")
    with pytest.raises(PydanticCustomError) as caught:
        require_unique(["a", "b", "a", "b"], "tier", "name", "rename it")
    assert caught.value.message() == "tier 'a' is used twice"
    assert caught.value.context == {"hint": "rename it", "field": (2, "name")}


def test_between_keeps_both_ends() -> None:
    adapter: TypeAdapter[int] = TypeAdapter(Annotated[int, between(1, 10, "e.g. 5")])
    assert adapter.validate_python(1) == 1 and adapter.validate_python(10) == 10
    error = only_error(adapter, 11)
    assert (error["msg"], hint_of(error)) == ("must be between 1 and 10", "e.g. 5")
    assert only_error(adapter, 0)["type"] == "range"


def test_money_is_positive_and_in_cents() -> None:
    assert TypeAdapter(Money).validate_python("19.99") == Decimal("19.99")
    assert TypeAdapter(Money).validate_python(50_000) == Decimal(50_000)
    assert only_error(Money, 0)["msg"] == "must be more than 0"
    assert only_error(Money, "-5")["msg"] == "must be more than 0"
    error = only_error(Money, "1.999")
    assert (error["msg"], hint_of(error)) == (
        "has more than 2 decimals",
        "round the amount to cents",
    )


@pytest.mark.parametrize(
    ("written", "colour"),
    [
        ("#ABC", "#aabbcc"),
        (" #6B3E26 ", "#6b3e26"),
        ("teal", "#008080"),
        ("Dark Olive Green", "#556b2f"),
    ],
)
def test_colours_by_hex_or_css_name(written: str, colour: str) -> None:
    assert TypeAdapter(Colour).validate_python(written) == colour


def test_colour_hints() -> None:
    empty = only_error(Colour, None)
    assert (empty["msg"], hint_of(empty)) == (
        "is empty",
        "quote the colour: YAML reads # as a comment, like '#6b3e26'",
    )
    bare = only_error(Colour, "1F5F8B")
    assert bare["msg"] == "'1F5F8B' is not a colour"
    assert hint_of(bare) == "add the '#': '#1f5f8b'"
    assert bare["ctx"]["unquoted_hint"] == (
        "add the '#': '#1f5f8b', in quotes (YAML reads # as a comment)"
    )
    misspelt = hint_of(only_error(Colour, "tael"))
    assert misspelt is not None and misspelt.startswith("did you mean 'teal'? Or write '#rgb'")
    assert only_error(Colour, 12)["type"] == "string_type"


def test_slug() -> None:
    assert TypeAdapter(Slug).validate_python("spring-2027") == "spring-2027"
    for bad in ("Spring", "spring_2027", "-spring", "spring--2027", ""):
        assert only_error(Slug, bad)["type"] == "slug", bad


def test_times_of_day() -> None:
    assert TypeAdapter(TimeOfDay).validate_python("9:30") == time(9, 30)
    assert TypeAdapter(TimeOfDay).validate_python(" 23:59 ") == time(23, 59)
    assert hint_of(only_error(TimeOfDay, 570)) == "put the time in quotes"  # YAML's 9:30
    assert hint_of(only_error(TimeOfDay, "24:00")) == "use 24-hour HH:MM"
    assert hint_of(only_error(TimeOfDay, "9.30")) == "use 24-hour HH:MM"


def test_currency_codes_and_the_countrys_own_as_a_hint() -> None:
    assert check_currency("eur", "ES") == "EUR"
    with pytest.raises(PydanticCustomError) as caught:
        check_currency("RUPIAH", "ID")
    assert caught.value.message() == "'RUPIAH' is not an ISO 4217 currency code"
    assert caught.value.context == {"hint": "did you mean 'IDR'?"}
    with pytest.raises(PydanticCustomError) as caught:
        check_currency("USX", None)
    assert caught.value.context is not None
    assert caught.value.context["hint"].startswith("did you mean '")


def test_time_zones() -> None:
    assert TypeAdapter(TimeZone).validate_python("Asia/Jakarta") == "Asia/Jakarta"
    assert hint_of(only_error(TimeZone, "Asia/Jakart")) == "did you mean 'Asia/Jakarta'?"
    assert hint_of(only_error(TimeZone, "../etc")) is not None  # not a file lookup error


def test_countries() -> None:
    assert TypeAdapter(Country).validate_python("es") == "ES"
    for bad in ("ESP", "XX", "1A"):
        assert only_error(Country, bad)["msg"] == f"'{bad}' is not a country code"


def test_languages_are_those_appreciate_speaks() -> None:
    assert TypeAdapter(Language).validate_python("id") == "id"
    assert only_error(Language, "fr")["msg"] == "'fr' has no translation of Appreciate's own texts"
    assert only_error(Language, "zz-nope")["msg"] == "'zz-nope' is not a language code"


def test_a_name_is_not_blank() -> None:
    assert TypeAdapter(Name).validate_python("Kopi") == "Kopi"
    assert only_error(Name, "")["type"] == "blank"


def test_phone_numbers_and_their_tel_links() -> None:
    assert check_phone("912 345 678", "ES") == "912 345 678"
    assert tel_uri("912 345 678", "ES") == "tel:+34912345678"
    assert tel_uri("+62 21 5550 1234", None) == "tel:+622155501234"
    for bad in ("12", "call us", "912 345 678"):
        with pytest.raises(PydanticCustomError):
            check_phone(bad, None)  # a national number needs its country


def test_an_input_model_refuses_unknown_keys_and_changes() -> None:
    assert only_error(Discount, {"percnt": 5})["type"] == "extra_forbidden"
    discount = Discount(names=[" a "])
    assert discount.names == ["a"]  # text is stripped
    with pytest.raises(ValidationError):
        discount.percent = 3  # type: ignore[misc]
