"""YAML files read together with the line of every key and value, from PyYAML's node marks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.model.errors import InputError, Loc, Problem, field_path


def display_path(path: Path) -> str:
    """The path as a person should read it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@dataclass
class YamlDocument:
    """A parsed YAML mapping and where each of its parts was written."""

    path: Path
    data: dict[str, Any]
    value_lines: dict[Loc, int] = field(default_factory=dict)
    key_lines: dict[Loc, int] = field(default_factory=dict)
    quoted: set[Loc] = field(default_factory=set)
    """Values written in quotes (a hint about quoting is moot there)."""

    @property
    def display(self) -> str:
        return display_path(self.path)

    def line_of(self, loc: Loc, *, key: bool = False) -> int:
        """Line of the value at ``loc`` (of its key if ``key``), else of its nearest parent."""
        lines = self.key_lines if key else self.value_lines
        if loc in lines:
            return lines[loc]
        for end in range(len(loc) - 1, -1, -1):
            parent = loc[:end]
            if parent in self.key_lines:
                return self.key_lines[parent]
            if parent in self.value_lines:
                return self.value_lines[parent]
        return 1

    def where(self, loc: Loc) -> str:
        """``file:line`` of the value at ``loc``."""
        return f"{self.display}:{self.line_of(loc)}"

    def problem(self, loc: Loc, message: str, hint: str | None = None) -> Problem:
        return Problem(self.display, self.line_of(loc), field_path(loc), message, hint)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, but a value shaped like a date that is no real day (2026-13-40) stays
    text: the field's own check then names it, with its line, instead of a traceback."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(path: Path) -> YamlDocument:
    """Parse a YAML mapping; syntax errors, duplicate keys and non-mappings raise InputError."""
    display = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(display, None, "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        hint = "save the file as UTF-8" if isinstance(exc, UnicodeDecodeError) else None
        raise InputError([Problem(display, None, "", f"cannot read: {exc}", hint)]) from None

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError(
                [Problem(display, 1, "", "file is empty", "see docs/campaign.md for an example")]
            )
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise InputError([syntax_problem(display, exc)]) from None
    finally:
        loader.dispose()

    if not isinstance(data, dict):
        raise InputError(
            [
                Problem(
                    display,
                    root.start_mark.line + 1,
                    "",
                    "must be a mapping of fields (key: value)",
                    "see docs/campaign.md for an example",
                )
            ]
        )
    doc = YamlDocument(path, data)
    duplicates: list[Problem] = []
    _record(root, (), doc, duplicates)
    if duplicates:
        raise InputError(duplicates)
    return doc


# PyYAML's words for a syntax error → what to say instead (or None to keep its words), and a hint
_SYNTAX: tuple[tuple[str, str | None, str], ...] = (
    ("'\\t'", "a tab character: indent with spaces", "set your editor to insert spaces for Tab"),
    (
        "mapping values are not allowed",
        None,
        "a value that contains ': ' must be in quotes",
    ),
    ("alias", None, "a value that starts with '*' or '&' must be in quotes"),
    ("anchor", None, "a value that starts with '*' or '&' must be in quotes"),
    ("'@'", None, "a value that starts with '@' or '`' must be in quotes"),
    ("'`'", None, "a value that starts with '@' or '`' must be in quotes"),
    ("while scanning a quoted scalar", None, "close the quote on the same value"),
)
_INDENTATION = "check that the keys of one group are indented alike, with spaces"


def syntax_problem(display: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as one line at the character it names, with a hint for its cause."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    words = str(exc.problem or exc.context or "invalid YAML")
    said = f"{exc.context} {words}" if exc.context else words
    for clue, message, hint in _SYNTAX:
        if clue in said:
            return Problem(display, line, "", message or f"YAML syntax: {words}", hint, column)
    return Problem(display, line, "", f"YAML syntax: {words}", _INDENTATION, column)


def _record(node: yaml.Node, loc: Loc, doc: YamlDocument, duplicates: list[Problem]) -> None:
    doc.value_lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
        doc.quoted.add(loc)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*loc, key)
            if key in seen:
                duplicates.append(
                    Problem(
                        doc.display,
                        key_node.start_mark.line + 1,
                        field_path(child),
                        "key appears twice",
                        "keep one of them; YAML would silently use the last",
                    )
                )
            seen.add(key)
            doc.key_lines[child] = key_node.start_mark.line + 1
            _record(value_node, child, doc, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*loc, index), doc, duplicates)
