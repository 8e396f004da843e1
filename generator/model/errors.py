"""Input problems a person can fix: one line each, ``file:line: field: message (hint: ...)``
(``file:line:column:`` when the column is known, as for YAML syntax errors)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.errors import AppreciateError

Loc = tuple[str | int, ...]


def field_path(loc: Loc) -> str:
    """``("offers", 1, "percent")`` → ``"offers[1].percent"``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word``, or ``None`` when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, or ``None`` when nothing is close."""
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match else None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a line, in a field."""

    file: str
    line: int | None
    field: str
    message: str
    hint: str | None = None
    column: int | None = None
    """1-based, when the exact character is known."""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {what}{hint}"


class InputError(AppreciateError):
    """Raised with every problem found in the user's input files."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        return self.message  # each line already says where, what and how to fix it
