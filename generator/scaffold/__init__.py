"""``appreciate new``: a starter project that builds as it is and explains itself."""

from __future__ import annotations

import calendar
import json
import re
import shutil
from datetime import date
from pathlib import Path

from generator.errors import AppreciateError
from generator.scaffold.texts import LANGUAGE_NAMES, TEXTS

PROJECT = Path(__file__).parent / "project"
# files stored under another name in the package (dotfiles are easily lost in packaging)
RENAMED = {"gitignore": ".gitignore"}
PLACEHOLDER_URL = "https://yourshop.invalid/"
# what YAML reads as a plain string, with no quoting needed
_PLAIN = re.compile(r"^[A-Za-z0-9¿¡À-ÿ][^:#\n]*$")


class ScaffoldError(AppreciateError):
    """The project cannot be created where asked, or as asked."""


def create_project(
    directory: Path,
    today: date | None = None,
    *,
    name: str = "Your Shop",
    url: str = PLACEHOLDER_URL,
    languages: tuple[str, ...] = ("en",),
) -> list[Path]:
    """Write the starter project into ``directory``; the campaign runs over next month.

    Returns the files created. Refuses a ``directory`` that exists and is not empty, and
    languages the site cannot be built in.
    """
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory}: exists and is not empty (hint: choose a new folder)")
    unknown = [language for language in languages if language not in LANGUAGE_NAMES]
    if unknown or not languages or len(set(languages)) != len(languages):
        raise ScaffoldError(
            f"--languages: '{','.join(languages)}' (hint: name each of "
            f"{', '.join(LANGUAGE_NAMES)} at most once, the main language first, e.g. en,es)"
        )
    if not re.match(r"^https?://[^/\s]+", url):
        raise ScaffoldError(
            f"--url: '{url}' is not a full web address (hint: e.g. https://yourshop.com/)"
        )
    if not name.strip():
        raise ScaffoldError("--name: empty (hint: your shop's name, e.g. --name 'Corner Bakery')")
    start, end = _next_month(today or date.today())
    values = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "expires": _next_month(end)[1].isoformat(),
        "shop": name.strip(),
        "url": url,
        "languages": list(languages),
        "several": len(languages) > 1,
        "language_names": LANGUAGE_NAMES,
    }
    created = []
    for source in sorted(PROJECT.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(PROJECT)
        target_name = RENAMED.get(relative.name, relative.name).removesuffix(".j2")
        target = directory / relative.parent / target_name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".j2":
            target.write_text(_render(source, values, languages), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        created.append(target)
    return created


def _render(template: Path, values: dict[str, object], languages: tuple[str, ...]) -> str:
    from jinja2 import Environment, StrictUndefined

    env = Environment(
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        autoescape=False,  # YAML, not HTML
    )

    def text(key: str, indent: int) -> str:
        """`` value`` after ``field:``, or one line per language below it."""
        if len(languages) == 1:
            return " " + scalar(TEXTS[key][languages[0]])
        pad = " " * indent
        return "".join(f"\n{pad}{lang}: {scalar(TEXTS[key][lang])}" for lang in languages)

    def item(key: str, indent: int) -> str:
        """A list item: ``- value``, or ``- en: ...`` with the other languages below it."""
        if len(languages) == 1:
            return "- " + scalar(TEXTS[key][languages[0]])
        pad = " " * (indent + 2)
        first, *others = languages
        return f"- {first}: {scalar(TEXTS[key][first])}" + "".join(
            f"\n{pad}{lang}: {scalar(TEXTS[key][lang])}" for lang in others
        )

    env.globals.update(t=text, item=item, scalar=scalar)
    return env.from_string(template.read_text(encoding="utf-8")).render(values)


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back as the same string."""
    return (
        value
        if _PLAIN.match(value) and value.strip() == value
        else json.dumps(value, ensure_ascii=False)
    )


def _next_month(day: date) -> tuple[date, date]:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
