"""Pydantic's errors as one line each, at the YAML line of the key or value that caused them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import Field, model_validator

from generator.model.errors import InputError
from generator.model.fields import InputModel, fail
from generator.model.source import load_yaml
from generator.model.validation import validate


class Percent(InputModel):
    kind: Literal["percent"]
    percent: int


class Gift(InputModel):
    kind: Literal["gift"]
    item: str


class Window(InputModel):
    starts: date
    ends: date

    @model_validator(mode="after")
    def _order(self) -> Window:
        if self.ends < self.starts:
            raise fail("order", "must not be before 'starts'", "swap them", field="ends")
        return self


class Shop(InputModel):
    name: str
    colour: Literal["red", "green"] = "red"
    offers: list[Annotated[Percent | Gift, Field(discriminator="kind")]] = []
    window: Window | None = None


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "shop.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        validate(Shop, load_yaml(path))
    return [str(problem).removeprefix(f"{problem.file}:") for problem in caught.value.problems]


def test_a_valid_document_gives_the_model(tmp_path: Path) -> None:
    path = tmp_path / "shop.yaml"
    path.write_text("name: Kopi\noffers:\n  - kind: gift\n    item: a mug\n", encoding="utf-8")
    shop = validate(Shop, load_yaml(path))
    assert isinstance(shop.offers[0], Gift) and shop.offers[0].item == "a mug"


def test_a_misspelt_key_is_reported_once_with_its_suggestion(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "nmae: Kopi\n") == [
        "1: nmae: unknown field (hint: did you mean 'name'?)"
    ]


def test_a_missing_field_names_where_to_add_it(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "colour: red\n") == [
        "1: name: is required (hint: add 'name:' to the top level)"
    ]


def test_every_problem_at_its_own_line_in_list_items(tmp_path: Path) -> None:
    text = "name: Kopi\noffers:\n  - kind: gift\n    item: a mug\n  - kind: percent\n    percent: lots\n"
    assert problems_of(tmp_path, text) == [
        "6: offers[1].percent: must be a whole number (hint: write digits only, like 24)"
    ]


def test_an_unknown_kind_suggests_the_closest(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "name: Kopi\noffers:\n  - kind: gfit\n") == [
        "3: offers[0].kind: unknown kind 'gfit' (hint: did you mean 'gift'?)"
    ]


def test_a_choice_not_allowed_lists_or_suggests(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "name: Kopi\ncolour: gren\n") == [
        "2: colour: 'gren' is not allowed (hint: did you mean 'green'?)"
    ]


def test_yes_where_text_belongs_says_why(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "name: yes\n") == [
        "1: name: must be text (hint: put it in quotes: YAML reads yes/no/on/off as true/false)"
    ]


def test_a_model_validator_blames_the_field_it_names(tmp_path: Path) -> None:
    text = "name: Kopi\nwindow:\n  starts: 2026-11-10\n  ends: 2026-11-01\n"
    assert problems_of(tmp_path, text) == [
        "4: window.ends: must not be before 'starts' (hint: swap them)"
    ]
