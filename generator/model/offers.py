"""The campaign's offers: a personal code, free shipping, a gift with the next order."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.model.fields import InputModel, Money, between, fail, require_one_of
from generator.model.translated import Text


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
