"""Posted bodies: flat objects of text fields, each once, in UTF-8, without control characters."""

from __future__ import annotations

import json

import pytest

from generator.receiver.bodies import form_fields, is_ascii_number, json_fields
from generator.receiver.errors import ApiError


def refused(parse: object, body: bytes) -> tuple[int, str, str]:
    assert callable(parse)
    with pytest.raises(ApiError) as caught:
        parse(body)
    return caught.value.status_code, caught.value.code, caught.value.detail


def test_forms_and_json_give_the_same_fields() -> None:
    expected = {"recommend": "9", "why": "Tab\there,\r\nnew line", "website": ""}
    assert form_fields(b"recommend=9&why=Tab%09here%2C%0D%0Anew+line&website=") == expected
    assert json_fields(json.dumps({**expected, "recommend": 9}).encode()) == expected
    assert json_fields(b'{"why": "[{brackets}] in text"}') == {"why": "[{brackets}] in text"}


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (form_fields, b"recommend=11&recommend=1"),
        (json_fields, b'{"recommend": "11", "recommend": "1"}'),
    ],
)
def test_a_field_given_twice_is_refused(parse: object, body: bytes) -> None:
    assert refused(parse, body)[:2] == (422, "duplicate_field")
    assert "'recommend'" in refused(parse, body)[2]


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (form_fields, b"why=caf\xe9"),
        (form_fields, b"why=caf%E9"),
        (json_fields, b'{"why": "caf\xe9"}'),
    ],
)
def test_invalid_utf8_is_422(parse: object, body: bytes) -> None:
    assert refused(parse, body)[:2] == (422, "invalid_encoding")


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (form_fields, b"name=A%00nn"),
        (form_fields, b"name=A%1Bnn"),
        (form_fields, b"name=A%C2%85nn"),  # NEL, a C1 control
        (json_fields, b'{"name": "A\\u0000nn"}'),
        (json_fields, b'{"name": "A\\ud800nn"}'),  # a lone surrogate: no database stores it
    ],
)
def test_control_characters_are_refused_naming_the_field(parse: object, body: bytes) -> None:
    status, code, message = refused(parse, body)
    assert (status, code) == (422, "control_character")
    assert "'name'" in message


def test_json_deeper_than_one_object_is_refused_before_parsing() -> None:
    deep = b'{"a": ' + b"[" * 60_000 + b"]" * 60_000 + b"}"
    assert refused(json_fields, deep)[:2] == (422, "invalid")
    assert refused(json_fields, b'{"a": {"b": "c"}}')[:2] == (422, "invalid")
    assert refused(json_fields, b'["a"]')[:2] == (422, "invalid")
    assert refused(json_fields, b'{"a": true}')[:2] == (422, "invalid")
    assert refused(json_fields, b"{not json")[:2] == (400, "bad_json")


def test_at_most_100_fields() -> None:
    many = "&".join(f"f{i}=x" for i in range(101)).encode()
    assert refused(form_fields, many)[:2] == (422, "too_many_fields")
    assert refused(json_fields, json.dumps({f"f{i}": "x" for i in range(101)}).encode())[:2] == (
        422,
        "too_many_fields",
    )


@pytest.mark.parametrize(
    ("value", "number"),
    [("9", True), ("10", True), ("²", False), ("٣", False), ("9" * 5000, False), ("", False)],
)
def test_scores_are_ascii_digits(value: str, number: bool) -> None:
    assert is_ascii_number(value, 2) is number
