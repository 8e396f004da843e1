"""Text a marketer writes once per language: ``title: {en: ..., es: ..., id: ...}`` or a string.

A text field holds a :class:`Translatable`: a ``str`` in the campaign's default language that
also carries its translations, so code that only needs one language reads it as a string.
:func:`localized` gives the whole campaign in one language; :func:`untranslated` lists the
texts a language lacks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, PlainValidator, ValidationInfo

from generator.model.errors import Loc, did_you_mean
from generator.model.fields import fail

M = TypeVar("M", bound=BaseModel)

DEFAULT_CONTEXT: dict[str, Any] = {"default_language": "en", "languages": ("en",)}


class Translatable(str):
    """A text in one language (the string itself) with every translation the file gives."""

    translations: dict[str, str]

    def __new__(cls, text: str, translations: Mapping[str, str] | None = None) -> Translatable:
        value = super().__new__(cls, text)
        value.translations = dict(translations or {})
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (Translatable, (str(self), self.translations))

    def in_language(self, language: str) -> Translatable:
        """This text in ``language``, or as it is when the file gives no translation."""
        return Translatable(self.translations.get(language, str(self)), self.translations)


def check_translatable(value: Any, info: ValidationInfo) -> Translatable:
    """Validate a string, or a map from the campaign's languages to strings."""
    context = info.context or DEFAULT_CONTEXT
    default: str = context["default_language"]
    languages: tuple[str, ...] = tuple(context["languages"])
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise fail("blank", "must not be empty", "write the text or remove the field")
        return Translatable(text, {default: text})
    if not isinstance(value, dict):
        raise fail(
            "text",
            "must be text, or one text per language",
            "write a string, or a map like {en: Hello, es: Hola}",
        )
    texts: dict[str, str] = {}
    for language, text in value.items():
        key = str(language)
        if key not in languages:
            raise fail(
                "language",
                f"'{key}' is not a language of this campaign",
                did_you_mean(key, languages) or f"business.languages lists {', '.join(languages)}",
                field=key,
            )
        if not isinstance(text, str) or not text.strip():
            raise fail(
                "blank",
                "must be text" if text is not None else "must not be empty",
                "write the translation, or remove the line to use the default language",
                field=key,
            )
        texts[key] = text.strip()
    if default not in texts:
        raise fail(
            "default_language",
            f"has no '{default}' text",
            f"'{default}' is the default language: the other languages fall back to it",
        )
    return Translatable(texts[default], texts)


Text = Annotated[str, PlainValidator(check_translatable)]
"""Text shown on the site: a string, or one string per language of the campaign."""


def in_language(text: str, language: str) -> str:
    """``text`` in ``language`` when it is a translatable text; as it is otherwise."""
    return text.in_language(language) if isinstance(text, Translatable) else text


def localized(model: M, language: str) -> M:
    """A copy of ``model`` whose every text is in ``language`` (the default where missing)."""
    return _localize(model, language)  # type: ignore[no-any-return]


def _localize(value: Any, language: str) -> Any:
    if isinstance(value, Translatable):
        return value.in_language(language)
    if isinstance(value, BaseModel):
        changes = {
            name: _localize(getattr(value, name), language) for name in type(value).model_fields
        }
        return value.model_copy(update=changes)
    if isinstance(value, list):
        return [_localize(item, language) for item in value]
    return value


def untranslated(model: BaseModel, languages: tuple[str, ...]) -> Iterator[tuple[Loc, str]]:
    """``(field location, language)`` of each text that has no translation into a language."""
    for loc, text in _texts(model, ()):
        for language in languages:
            if language not in text.translations:
                yield loc, language


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, Translatable]]:
    if isinstance(value, Translatable):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
