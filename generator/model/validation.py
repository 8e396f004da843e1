"""Pydantic validation errors turned into one-line problems at the YAML line that caused them."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.model.errors import InputError, Loc, Problem, closest, did_you_mean, field_path
from generator.model.source import YamlDocument

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": ("is required", None),
    "int_type": ("must be a whole number", "write digits only, like 24"),
    "int_parsing": ("must be a whole number", "write digits only, like 24"),
    "int_from_float": ("must be a whole number", "write digits only, like 24"),
    "float_parsing": ("must be a number", None),
    "decimal_parsing": ("must be a number", "write the amount without a currency sign"),
    "decimal_type": ("must be a number", "write the amount without a currency sign"),
    "bool_type": ("must be true or false", None),
    "bool_parsing": ("must be true or false", None),
    "date_type": ("must be a date like 2026-11-01", "write dates as YYYY-MM-DD"),
    "date_parsing": ("must be a date like 2026-11-01", "write dates as YYYY-MM-DD"),
    "date_from_datetime_parsing": ("must be a date like 2026-11-01", "write dates as YYYY-MM-DD"),
    "date_from_datetime_inexact": ("must be a date without a time", "write dates as YYYY-MM-DD"),
    "list_type": ("must be a list", "start each item on its own line with '- '"),
    "model_type": ("must be a group of fields", "indent the fields under this key"),
    "model_attributes_type": ("must be a group of fields", "indent the fields under this key"),
    "dict_type": ("must be a group of fields", "indent the fields under this key"),
    "too_short": ("needs at least {min_length} item(s)", None),
    "url_parsing": ("must be a web address", "like https://answers.example.com"),
    "url_scheme": ("must start with http:// or https://", None),
    "url_type": ("must be a web address", "like https://answers.example.com"),
    "string_pattern_mismatch": ("must be lowercase letters, digits and _", "start with a letter"),
}


def validate(model: type[M], doc: YamlDocument, context: dict[str, Any] | None = None) -> M:
    """Validate ``doc`` as ``model``; every problem becomes one line of an InputError.

    ``context`` reaches the field validators (the campaign's languages, for its texts).
    """
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise InputError(problems(model, doc, exc)) from None


def problems(model: type[BaseModel], doc: YamlDocument, exc: ValidationError) -> list[Problem]:
    errors = exc.errors(include_url=False)
    misspelt = _misspelt_fields(model, errors)
    found = {
        _problem(model, doc, error)
        for error in errors
        # a misspelt key is reported once, as unknown with its suggestion, not also as missing
        if not (error["type"] == "missing" and _resolve(model, error["loc"])[0] in misspelt)
    }
    return sorted(found, key=lambda p: (p.line or 0, p.field))


def _misspelt_fields(model: type[BaseModel], errors: list[ErrorDetails]) -> set[Loc]:
    """Locations of known fields that an unknown key is close to."""
    close = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            parent, known = _resolve(model, error["loc"][:-1])
            match = closest(str(error["loc"][-1]), known or [])
            if match:
                close.add((*parent, match))
    return close


def _problem(model: type[BaseModel], doc: YamlDocument, error: ErrorDetails) -> Problem:
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc, _ = _resolve(model, error["loc"])
    extra = ctx.pop("field", None)
    if extra is not None:  # a model validator naming the field it blames
        loc = (*loc, *(extra if isinstance(extra, tuple) else (extra,)))
    hint: str | None = ctx.pop("hint", None)
    unquoted_hint = ctx.pop("unquoted_hint", None)
    if unquoted_hint is not None and loc not in doc.quoted:
        hint = unquoted_hint
    failure = _Failure(model, doc, error, loc, ctx, hint)
    return _EXPLAIN.get(error["type"], _other_problem)(failure)


@dataclass(frozen=True)
class _Failure:
    """One pydantic error: where it points in the document, its context and the hint to give."""

    model: type[BaseModel]
    doc: YamlDocument
    error: ErrorDetails
    loc: Loc
    ctx: dict[str, Any]
    """Pydantic's context, without the ``field`` and hints a validator added."""
    hint: str | None

    @property
    def value(self) -> Any:
        return self.error.get("input")

    def problem(self, message: str, hint: str | None) -> Problem:
        """The problem at the value this error points to."""
        return self.doc.problem(self.loc, message, hint)


def _unknown_field(failure: _Failure) -> Problem:
    _, known = _resolve(failure.model, failure.error["loc"][:-1])
    name = str(failure.loc[-1])
    hint = did_you_mean(name, known or ()) or (
        f"known fields: {', '.join(known)}" if known else None
    )
    line = failure.doc.line_of(failure.loc, key=True)
    return Problem(failure.doc.display, line, field_path(failure.loc), "unknown field", hint)


def _missing_field(failure: _Failure) -> Problem:
    name = str(failure.loc[-1])
    parent = field_path(failure.loc[:-1]) or "the top level"
    return failure.problem("is required", f"add '{name}:' to {parent}")


def _unknown_kind(failure: _Failure) -> Problem:
    tags = [t.strip(" '") for t in str(failure.ctx.get("expected_tags", "")).split(",")]
    tag = failure.ctx.get("tag")
    message = f"unknown kind '{tag}'" if tag is not None else "needs a 'kind'"
    hint = (
        did_you_mean(str(tag), tags) if tag is not None else None
    ) or "use one of: " + ", ".join(tags)
    return failure.doc.problem((*failure.loc, "kind"), message, hint)


def _not_allowed(failure: _Failure) -> Problem:
    expected = str(failure.ctx.get("expected", ""))
    choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
    hint = did_you_mean(str(failure.value), choices) or "use one of: " + ", ".join(choices)
    return failure.problem(f"'{failure.value}' is not allowed", hint)


def _not_text(failure: _Failure) -> Problem:
    if isinstance(failure.value, bool):
        hint = "put it in quotes: YAML reads yes/no/on/off as true/false"
        return failure.problem("must be text", hint)
    return failure.problem("must be text", failure.hint or "put it in quotes")


def _invalid_value(failure: _Failure) -> Problem:
    message = str(failure.error["msg"]).removeprefix("Value error, ")
    if "email" in message:
        return failure.problem(
            f"'{failure.value}' is not an e-mail address", "like hello@example.com"
        )
    return failure.problem(message, failure.hint)


def _other_problem(failure: _Failure) -> Problem:
    if failure.error["type"] in _MESSAGES:
        message, default_hint = _MESSAGES[failure.error["type"]]
        return failure.problem(message.format(**failure.ctx), failure.hint or default_hint)
    message = str(failure.error["msg"])
    return failure.problem(message[:1].lower() + message[1:], failure.hint)


# the errors that need more than a message and a hint from _MESSAGES, by pydantic's type
_EXPLAIN: dict[str, Callable[[_Failure], Problem]] = {
    "extra_forbidden": _unknown_field,
    "missing": _missing_field,
    "union_tag_invalid": _unknown_kind,
    "union_tag_not_found": _unknown_kind,
    "literal_error": _not_allowed,
    "string_type": _not_text,
    "value_error": _invalid_value,
}


def _resolve(model: type[BaseModel], raw: tuple[int | str, ...]) -> tuple[Loc, list[str] | None]:
    """Drop pydantic's union tags from ``raw``; return the clean loc and the fields known there."""
    loc: list[str | int] = []
    current: Any = model
    for part in raw:
        current = _unwrap(current)
        if isinstance(part, int):
            current = get_args(current)[0] if get_origin(current) is list else None
            loc.append(part)
        elif _is_union(current):
            current = next((m for m in get_args(current) if _tag(m) == part), None)
            if current is None:
                loc.append(part)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
            loc.append(part)
        else:
            current = None
            loc.append(part)
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return tuple(loc), list(current.model_fields)
    return tuple(loc), None


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional."""
    while True:
        if get_origin(tp) is typing.Annotated:
            tp = get_args(tp)[0]
        elif _is_union(tp) and type(None) in get_args(tp):
            rest = [a for a in get_args(tp) if a is not type(None)]
            tp = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        else:
            return tp


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (typing.Union, types.UnionType)


def _tag(member: Any) -> str | None:
    if isinstance(member, type) and issubclass(member, BaseModel) and "kind" in member.model_fields:
        annotation = member.model_fields["kind"].annotation
        if get_origin(annotation) is Literal:
            return str(get_args(annotation)[0])
    return None
