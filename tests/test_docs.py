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
    Business,
    Campaign,
    Complaints,
    Event,
    FaqEntry,
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
    return set(re.findall(r"`([^`\s]+)`", (REPO / "docs" / name).read_text(encoding="utf-8")))


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


@pytest.mark.parametrize(
    "model",
    [
        Campaign,
        Business,
        OpeningHours,
        Survey,
        Question,
        Reward,
        Complaints,
        FaqEntry,
        Receiver,
        PersonalCode,
        FreeShipping,
        GiftWithNextOrder,
        ReturnsPolicy,
        Event,
        Channel,
    ],
)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    assert set(model.model_fields) - documented("campaign.md") - documented("customers.md") == set()


@pytest.mark.parametrize("model", [CustomerList, OptIn, TierRule, Wall, Privacy])
def test_every_customer_field_is_documented(model: type[BaseModel]) -> None:
    assert set(model.model_fields) - documented("customers.md") == set()


def test_every_kind_is_documented() -> None:
    kinds = {
        get_args(m.model_fields["kind"].annotation)[0]
        for m in (PersonalCode, FreeShipping, GiftWithNextOrder)
    }
    kinds |= set(get_args(Question.model_fields["kind"].annotation))
    assert kinds - documented("campaign.md") == set()


def test_every_audit_tag_is_documented() -> None:
    from generator.audit.findings import TAGS

    assert set(TAGS) - documented("audit.md") == set()


def test_every_receiver_setting_is_documented() -> None:
    import re as regex

    source = (REPO / "generator" / "receiver" / "settings.py").read_text(encoding="utf-8")
    variables = set(regex.findall(r'"((?:APPRECIATE|DATABASE)_[A-Z_]+)"', source))
    assert variables
    assert variables - documented("receiver.md") == set()
