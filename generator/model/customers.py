"""The campaign's ``customers`` and ``wall`` sections: where the list is and what may be shown."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, field_validator, model_validator

from generator.model.errors import did_you_mean
from generator.model.fields import InputModel, Money, Slug, between, fail, require_unique
from generator.model.list_fields import FIELDS
from generator.model.translated import Text


class OptIn(InputModel):
    """How the list says a customer agreed to appear on the thank-you wall."""

    column: str
    contains: str | None = None
    """A word or tag inside the cell (Shopify's Tags: ``thank-you-wall``)."""
    equals: list[str] = ["yes", "true", "1", "y"]
    """Cell values that mean yes, when ``contains`` is not given (compared without case)."""


class TierRule(InputModel):
    """A loyalty tier: customers meeting any (or all) of its conditions."""

    name: Slug
    label: Text | None = None
    """How the site names the tier, e.g. ``{en: gold, es: oro, id: emas}``; default: the name."""
    min_orders: Annotated[int, between(1, 100_000, "e.g. 10 orders")] | None = None
    min_spent: Money | None = None
    min_years: Annotated[int, between(1, 100, "years as a customer, e.g. 3")] | None = None
    match: Literal["any", "all"] = "any"


class CustomerList(InputModel):
    file: str
    """The export, relative to the campaign file; the real one belongs in git-ignored private/."""
    format: Literal["shopify", "woocommerce", "custom"] | None = None
    columns: dict[str, str] = {}
    since_tag_prefix: str | None = None
    """Read the first year as a customer from a tag like ``customer-since-2019``."""
    opt_in: OptIn | None = None
    tiers: list[TierRule] = []

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, columns: dict[str, str]) -> dict[str, str]:
        for name in columns:
            if name not in FIELDS:
                raise fail(
                    "field",
                    f"'{name}' is not a customer field",
                    did_you_mean(name, FIELDS) or "one of: " + ", ".join(FIELDS),
                )
        return columns

    @field_validator("tiers")
    @classmethod
    def _unique_tiers(cls, tiers: list[TierRule]) -> list[TierRule]:
        require_unique([t.name for t in tiers], "tier", "name", "give each tier its own name")
        return tiers

    @model_validator(mode="after")
    def _custom_needs_columns(self) -> CustomerList:
        if self.format == "custom" and "email" not in self.columns:
            raise fail(
                "columns",
                "a custom export needs at least the e-mail column",
                "columns: {email: 'E-mail address'}",
                field="columns",
            )
        return self


WallField = Literal["first_name", "last_initial", "city", "tier", "since_year"]
WALL_FIELDS: tuple[str, ...] = get_args(WallField)


class Wall(InputModel):
    """The thank-you wall: opted-in customers, showing only these fields."""

    title: Text | None = None
    """Default: "Thank you!" in each language."""
    intro: Text | None = None
    fields: Annotated[list[WallField], Field(min_length=1)] = ["first_name"]
    max_entries: Annotated[int, between(1, 10_000, "how many names the wall shows")] = 500


class Privacy(InputModel):
    allow_words: list[str] = []
    """Words the privacy guard never reports as a customer's last name (e.g. 'Brown')."""
