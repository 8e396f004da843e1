"""``appreciate new``: a starter project that builds as it is."""

from __future__ import annotations

import calendar
import shutil
import string
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).parent / "project"
# files stored under another name in the package (dotfiles are easily lost in packaging)
RENAMED = {"gitignore": ".gitignore"}


class ScaffoldError(Exception):
    """The project cannot be created where asked."""


def create_project(directory: Path, today: date | None = None) -> list[Path]:
    """Copy the starter project into ``directory``; the campaign runs over next month.

    Returns the files created. Refuses a ``directory`` that exists and is not empty.
    """
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory}: exists and is not empty (hint: choose a new folder)")
    start, end = _next_month(today or date.today())
    values = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "expires": _next_month(end)[1].isoformat(),
    }
    created = []
    for source in sorted(PROJECT.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(PROJECT)
        name = RENAMED.get(relative.name, relative.name).removesuffix(".tmpl")
        target = directory / relative.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".tmpl":
            text = string.Template(source.read_text(encoding="utf-8")).substitute(values)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        created.append(target)
    return created


def _next_month(day: date) -> tuple[date, date]:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
