"""What a posted body may be: one flat form or JSON object of text fields, each given once."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

from generator.i18n import N_
from generator.receiver.errors import ApiError

MAX_FIELDS = 100
# a string in JSON, so that brackets inside one are not counted as nesting
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")
# C0 and C1 controls, DEL, lone surrogates; tab and newlines are looked at per field
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")


class _Pairs(list[tuple[str, object]]):
    """A JSON object as its pairs, in order, so that a name given twice is seen."""


def form_fields(body: bytes) -> dict[str, str]:
    """The fields of an ``application/x-www-form-urlencoded`` body."""
    text = _utf8(body)
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict")
    except UnicodeDecodeError:
        raise _not_utf8() from None
    except ValueError:  # more than MAX_FIELDS
        raise _too_many() from None
    return checked_fields(pairs)


def json_fields(body: bytes) -> dict[str, str]:
    """The fields of a JSON body: one object whose values are text or whole numbers."""
    text = _utf8(body)
    # a flat object has one pair of braces: anything nested is refused before it is parsed,
    # so depth costs nothing (a body 64 KB deep would exhaust the parser's recursion)
    if len(_BRACKETS.findall(_JSON_STRING.sub(b"", body))) > 2:
        raise _not_flat()
    try:
        data = json.loads(text, object_pairs_hook=_Pairs)
    except (ValueError, RecursionError):
        raise ApiError(400, "bad_json", N_("the body is not valid JSON")) from None
    if not isinstance(data, _Pairs) or not all(
        isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for _, v in data
    ):
        raise _not_flat()
    if len(data) > MAX_FIELDS:
        raise _too_many()
    return checked_fields([(str(k), str(v)) for k, v in data])


def checked_fields(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The pairs as fields: each name once, no control characters but tab and line breaks."""
    fields: dict[str, str] = {}
    for name, value in pairs:
        if _CONTROL.search(name) or _LINE_BREAKS.search(name):
            raise ApiError(422, "invalid", N_("a field name contains a control character"))
        if name in fields:
            raise ApiError(
                422, "duplicate_field", N_("'%(field)s' is given more than once"), field=name
            )
        if _CONTROL.search(value):
            raise control_character(name)
        fields[name] = value
    return fields


def refuse_line_breaks(name: str, value: str) -> None:
    """422 naming ``name`` when a one-line field holds a tab or a line break."""
    if _LINE_BREAKS.search(value):
        raise control_character(name)


def control_character(name: str) -> ApiError:
    return ApiError(
        422, "control_character", N_("'%(field)s' contains a control character"), field=name
    )


def is_ascii_number(value: str, digits: int) -> bool:
    """Whether ``value`` is 1 to ``digits`` ASCII digits (``int()`` also takes "²" and "٣")."""
    return 0 < len(value) <= digits and value.isascii() and value.isdigit()


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise _not_utf8() from None


def _not_utf8() -> ApiError:
    return ApiError(422, "invalid_encoding", N_("the body is not valid UTF-8"))


def _too_many() -> ApiError:
    return ApiError(422, "too_many_fields", N_("send at most %(limit)d fields"), limit=MAX_FIELDS)


def _not_flat() -> ApiError:
    return ApiError(422, "invalid", N_("send an object of field names and text values"))
