"""The offers: a code with percent or amount, a shipping window, a gift; chosen by kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from generator.model.offers import FreeShipping, GiftWithNextOrder, Offer, PersonalCode
from tests.model.test_fields import only_error

CODE = {"kind": "personal_code", "title": "Your code", "expires": "2026-12-31"}
OFFERS: TypeAdapter[list[Any]] = TypeAdapter(list[Offer])


def test_a_code_gives_a_percent_or_an_amount() -> None:
    percent = PersonalCode.model_validate({**CODE, "percent": 15})
    assert (percent.percent, percent.amount, percent.code_length) == (15, None, 10)
    assert PersonalCode.model_validate({**CODE, "amount": 50_000}).amount == Decimal(50_000)
    for both_or_neither in ({}, {"percent": 15, "amount": 5}):
        error = only_error(PersonalCode, {**CODE, **both_or_neither})
        assert error["msg"] == "give exactly one of 'percent' or 'amount'"
        assert error["ctx"]["field"] == "percent"


def test_a_codes_percent_and_length_are_bounded() -> None:
    assert only_error(PersonalCode, {**CODE, "percent": 101})["loc"] == ("percent",)
    assert only_error(PersonalCode, {**CODE, "percent": 5, "code_length": 7})["loc"] == (
        "code_length",
    )
    assert PersonalCode.model_validate({**CODE, "percent": 5, "code_length": 12}).code_length == 12


def test_free_shipping_ends_on_or_after_it_starts() -> None:
    window = {"kind": "free_shipping", "title": "Free", "starts": "2026-11-20"}
    one_day = FreeShipping.model_validate({**window, "ends": "2026-11-20"})
    assert (one_day.starts, one_day.ends, one_day.threshold) == (
        date(2026, 11, 20),
        date(2026, 11, 20),
        None,
    )
    error = only_error(FreeShipping, {**window, "ends": "2026-11-19"})
    assert (error["msg"], error["ctx"]["field"]) == ("must not be before 'starts'", "ends")


def test_a_gift_lasts_while_stocks_last_by_default() -> None:
    gift = GiftWithNextOrder.model_validate(
        {"kind": "gift_with_next_order", "title": "A gift", "item": "a tote bag"}
    )
    assert gift.while_stocks_last and gift.min_order is None


def test_the_kind_picks_the_offer() -> None:
    offers = OFFERS.validate_python(
        [
            {**CODE, "percent": 10},
            {"kind": "gift_with_next_order", "title": "A gift", "item": "a mug"},
        ]
    )
    assert [type(o) for o in offers] == [PersonalCode, GiftWithNextOrder]
    error = only_error(OFFERS, [{"kind": "coupon", "title": "?"}])
    assert (error["type"], error["loc"]) == ("union_tag_invalid", (0,))
