"""The returns policy: its own YAML file, rendered in plain words."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.model.fields import InputModel, between
from generator.model.translated import Text


class ReturnsPolicy(InputModel):
    """How a customer sends something back and gets their money."""

    window_days: Annotated[
        int, between(1, 365, "days after delivery a customer may return, e.g. 30")
    ]
    item_condition: Text
    refund_method: Literal["original_payment", "store_credit", "exchange"]
    refund_days: Annotated[int, between(1, 90, "days to pay the refund once the item arrives")] = 14
    return_shipping_paid_by: Literal["customer", "business"]
    exceptions: list[Text] = []
    steps: Annotated[list[Text], Field(min_length=1)]
