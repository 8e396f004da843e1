"""The docs keep up with the code: every option, flag and field is documented."""

from __future__ import annotations

import re
from typing import get_args

import click
import pytest
from pydantic import BaseModel

from generator.cli import main
from generator.mkdocs_plugin.config import AppreciateConfig
from generator.model.campaign import (
    Brand,
    Business,
    Campaign,
    Complaints,
    Event,
    FaqEntry,
    FollowUp,
    FreeShipping,
    GiftWithNextOrder,
    OpeningHours,
    PersonalCode,
    Question,
    Receiver,
    Reward,
    Survey,
)
from generator.model.channels import Channel
from generator.model.customers import CustomerList, OptIn, Privacy, TierRule, Wall
from generator.model.returns import ReturnsPolicy
from tests.conftest import REPO


def documented(name: str) -> set[str]:
    """Every backticked word of a page: enough for option names, which are unlike prose."""
    return set(re.findall(r"`([^`\s]+)`", (REPO / "docs" / name).read_text(encoding="utf-8")))


def section(page: str, heading: str) -> str:
    """The text under ``heading`` (a whole heading line, ``## `survey```) up to the next heading
    of the same or a higher level."""
    lines = (REPO / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = lines.index(heading)
    level = len(heading) - len(heading.lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[start + 1 : end])


def table_fields(text: str) -> set[str]:
    """The first cell of each table row: ``| `field` | ...``."""
    return set(re.findall(r"^\| `([^`]+)` \|", text, flags=re.MULTILINE))


def row(text: str, first_cell: str) -> str:
    """The table row whose first cell is ```first_cell```."""
    found = [line for line in text.splitlines() if line.startswith(f"| `{first_cell}` |")]
    assert len(found) == 1, first_cell
    return found[0]


def words(text: str) -> set[str]:
    return set(re.findall(r"`([^`\s]+)`", text))


def test_every_plugin_option_is_documented() -> None:
    options = {name for name, _ in AppreciateConfig._schema}
    assert options - documented("plugin.md") == set()


def test_every_command_and_flag_is_documented() -> None:
    text = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    text += (REPO / "docs" / "customers.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"`appreciate {name}" in text, name
        for param in command.params:
            if isinstance(param, click.Option):
                for flag in param.opts:
                    assert f"`{flag}" in text, f"{name} {flag}"


CAMPAIGN = "campaign.md"
CUSTOMERS = "customers.md"
OFFERS = section(CAMPAIGN, "## `offers`")
SURVEY = section(CAMPAIGN, "## `survey`")
TOP = section(CAMPAIGN, "## Top level")
CUSTOMER_LIST = section(CUSTOMERS, "## The `customers` section")

# each model's fields, looked for where that model is described, not anywhere in the docs
PLACES: list[tuple[type[BaseModel], set[str]]] = [
    (Campaign, table_fields(TOP)),
    (Receiver, words(row(TOP, "receiver"))),
    (Business, table_fields(section(CAMPAIGN, "## `business`"))),
    (OpeningHours, words(row(section(CAMPAIGN, "## `business`"), "opening_hours"))),
    (Brand, table_fields(section(CAMPAIGN, "## `brand`"))),
    (Survey, table_fields(SURVEY)),
    (Question, words(row(SURVEY, "questions")) | words(SURVEY.split("Question kinds:")[1])),
    (Reward, words(row(SURVEY, "reward"))),
    (FollowUp, table_fields(section(CAMPAIGN, "### `survey.follow_up`: closing the loop"))),
    (Complaints, table_fields(section(CAMPAIGN, "## `complaints`"))),
    (FaqEntry, words(section(CAMPAIGN, "## `faq`"))),
    (PersonalCode, words(OFFERS.split("\n\n")[0]) | words(row(OFFERS, "personal_code"))),
    (FreeShipping, words(OFFERS.split("\n\n")[0]) | words(row(OFFERS, "free_shipping"))),
    (
        GiftWithNextOrder,
        words(OFFERS.split("\n\n")[0]) | words(row(OFFERS, "gift_with_next_order")),
    ),
    (Event, table_fields(section(CAMPAIGN, "## `events`"))),
    (Channel, table_fields(section(CAMPAIGN, "## `channels`"))),
    (ReturnsPolicy, table_fields(section(CAMPAIGN, "# The returns policy file"))),
    (CustomerList, table_fields(CUSTOMER_LIST)),
    (OptIn, words(row(CUSTOMER_LIST, "opt_in"))),
    (TierRule, words(row(CUSTOMER_LIST, "tiers"))),
    (Wall, table_fields(section(CUSTOMERS, "### The `wall` section"))),
    (Privacy, words(section(CUSTOMERS, "### The `privacy` section"))),
]


@pytest.mark.parametrize(("model", "place"), PLACES, ids=[m.__name__ for m, _ in PLACES])
def test_every_field_is_documented_where_its_model_is(
    model: type[BaseModel], place: set[str]
) -> None:
    assert set(model.model_fields) - place == set()


def test_a_field_documented_elsewhere_does_not_count() -> None:
    # `title` is all over the docs, but not in the business table
    assert "title" in documented(CAMPAIGN)
    assert "title" not in table_fields(section(CAMPAIGN, "## `business`"))


def test_every_kind_is_documented() -> None:
    kinds = {
        get_args(m.model_fields["kind"].annotation)[0]
        for m in (PersonalCode, FreeShipping, GiftWithNextOrder)
    }
    assert kinds - table_fields(OFFERS) == set()
    questions = set(get_args(Question.model_fields["kind"].annotation))
    assert questions - words(SURVEY.split("Question kinds:")[1]) == set()


def test_every_audit_tag_is_documented() -> None:
    from generator.audit.findings import TAGS

    assert set(TAGS) - documented("audit.md") == set()


def test_every_receiver_setting_is_documented() -> None:
    from generator.receiver.settings import Settings

    variables = {str(field.validation_alias) for field in Settings.model_fields.values()}
    assert "APPRECIATE_RATE_LIMIT" in variables
    assert variables - table_fields(section("receiver.md", "## Settings (environment)")) == set()
