"""Reading the customer list: each row parsed and checked once, bad rows reported by line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from generator.customers.columns import ColumnError, Columns, resolve_columns
from generator.customers.csvfile import CsvFile, CustomerListError, UnreadableFile
from generator.model.customers import CustomerList
from generator.model.errors import Problem
from generator.model.source import display_path

if TYPE_CHECKING:
    from generator.model.loader import LoadedCampaign

# a syntactic check written by hand: a million rows cannot afford email-validator's full parse
EMAIL = re.compile(
    r"[^@\s,;<>()\[\]\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
YEAR = re.compile(r"(?:19|20)\d\d")
PLAIN_AMOUNT = re.compile(r"-?\d+(?:\.\d{1,2})?")
HINT = "export the customer list from your shop as CSV, and check customers.file"


class Row(NamedTuple):
    """A valid row of the list."""

    line: int
    email: str
    first_name: str
    last_name: str
    phone: str
    city: str
    orders: int
    spent_cents: int
    since_year: int
    """0 when unknown."""
    opted_in: bool


class CustomerReader:
    """Reads a list as the campaign's ``customers`` section describes it."""

    def __init__(self, path: Path, settings: CustomerList, display: str) -> None:
        self.settings = settings
        self.display = display
        try:
            self.csv = CsvFile.open(path)
        except UnreadableFile as exc:
            raise CustomerListError(f"{display}: {exc} (hint: {HINT})") from None

    def _records(self) -> tuple[Columns, Iterator[tuple[int, list[str]]]]:
        """The header's columns, and the records after it."""
        records = self.csv.records()
        _, header = next(records)
        extra = (self.settings.opt_in.column,) if self.settings.opt_in else ()
        return resolve_columns(header, self.settings.format, self.settings.columns, extra), records

    def rows(self, problems: Callable[[Problem], None] | None = None) -> Iterator[Row]:
        """Every valid row, in file order; each bad row goes to ``problems``."""
        try:
            columns, records = self._records()
            parse = _parser(columns, self.settings, self.display)
            for line, fields in records:
                if not any(fields):
                    continue
                row = parse(line, fields)
                if type(row) is Row:
                    yield row
                elif problems is not None:
                    problems(row)  # type: ignore[arg-type]
        except StopIteration:
            raise CustomerListError(f"{self.display}: the file is empty (hint: {HINT})") from None
        except ColumnError as exc:
            raise CustomerListError(f"{self.display}:1: {exc}") from None
        except UnreadableFile as exc:
            raise CustomerListError(f"{self.display}: {exc} (hint: {HINT})") from None

    def emails(self) -> Iterator[tuple[str, str]]:
        """``(e-mail, first name)`` of every row with an e-mail: a light second pass for codes."""
        columns, records = self._records()
        email_at = columns.index["email"]
        first_at = columns.index.get("first_name", columns.index.get("name"))
        split = "first_name" not in columns.index
        for _, fields in records:
            if len(fields) > email_at:
                first = (
                    fields[first_at].strip()
                    if first_at is not None and first_at < len(fields)
                    else ""
                )
                yield fields[email_at].strip().lower(), first.partition(" ")[0] if split else first


def _parser(
    columns: Columns, settings: CustomerList, display: str
) -> Callable[[int, list[str]], Row | Problem]:
    """The row parser for this header: the hot loop, so every lookup is resolved once, here."""
    at = columns.index
    width = max([*at.values(), *columns.named.values()]) + 1
    blank = width  # absent columns read the empty cell appended to every record
    email_at = at["email"]
    name_at = at.get("name", blank) if "first_name" not in at else None
    first_at, last_at = at.get("first_name", blank), at.get("last_name", blank)
    phone_at, city_at = at.get("phone", blank), at.get("city", blank)
    orders_at, spent_at = at.get("orders", blank), at.get("spent", blank)
    # a call each per row: ~2 % of the parser's time, none measurable in benchmarks/customers.py
    since_of = _since_reader(columns, settings)
    opted_in = _opt_in_reader(columns, settings)
    email_ok = EMAIL.fullmatch

    def parse(line: int, fields: list[str]) -> Row | Problem:
        if len(fields) < width:
            fields += [""] * (width - len(fields))
        fields.append("")
        email = fields[email_at].strip().lower()
        if not email:
            return Problem(display, line, "email", "missing")
        if not email_ok(email):
            return Problem(display, line, "email", "not an e-mail address")
        if name_at is not None:
            first, _, last = fields[name_at].strip().partition(" ")
        else:
            first, last = fields[first_at].strip(), fields[last_at].strip()
        text = fields[orders_at]
        try:
            orders = int(text) if text else 0
        except ValueError:
            return Problem(display, line, "orders", f"'{text.strip()}' is not a whole number")
        if orders < 0:
            return Problem(display, line, "orders", f"'{text.strip()}' is negative")
        text = fields[spent_at]
        spent: int | None
        try:  # the common case, a plain 1234.50, at C speed
            spent = round(float(text) * 100) if text else 0
        except (ValueError, OverflowError):
            spent = cents(text.strip())
        if spent is None or spent < 0:
            return Problem(display, line, "spent", f"'{text.strip()}' is not an amount")
        return Row(
            line,
            email,
            first,
            last,
            fields[phone_at].strip(),
            fields[city_at].strip(),
            orders,
            spent,
            since_of(fields),
            opted_in(fields),
        )

    return parse


def _since_reader(columns: Columns, settings: CustomerList) -> Callable[[list[str]], int]:
    """The year a padded record's customer joined: from a tag (``customer-since-2015``), else
    from a date column; 0 when unknown."""
    since_at, tags_at = columns.index.get("since"), columns.index.get("tags")
    prefix = (settings.since_tag_prefix or "").lower() if tags_at is not None else ""

    def since(fields: list[str]) -> int:
        year = 0
        if prefix:
            tags = fields[tags_at].lower()  # type: ignore[index]
            where = tags.find(prefix)
            if where >= 0:
                found = YEAR.match(tags, where + len(prefix))
                year = int(found[0]) if found else 0
        if not year and since_at is not None:
            found = YEAR.search(fields[since_at])
            year = int(found[0]) if found else 0
        return year

    return since


def _opt_in_reader(columns: Columns, settings: CustomerList) -> Callable[[list[str]], bool]:
    """Whether a padded record's customer agreed to the thank-you wall."""
    opt_in = settings.opt_in
    if opt_in is None:
        return lambda fields: False
    at = columns.named[opt_in.column.lower()]
    if opt_in.contains:
        word = opt_in.contains.lower()

        def tagged(fields: list[str]) -> bool:
            value = fields[at].strip().lower()
            return word in value and word in [tag.strip() for tag in value.split(",")]

        return tagged
    values = frozenset(v.lower() for v in opt_in.equals)
    return lambda fields: fields[at].strip().lower() in values


def cents(text: str) -> int | None:
    """``1234.50``, ``1,234.50``, ``1.234,50``, ``Rp 150.000`` → whole cents; ``None`` otherwise."""
    if PLAIN_AMOUNT.fullmatch(text):  # what Shopify and WooCommerce write
        return round(float(text) * 100)
    kept = "".join(c for c in text if c.isdigit() or c in ",.-")
    if not any(c.isdigit() for c in kept):
        return None
    marks = [c for c in kept if c in ",."]
    decimal = ""
    if marks:
        last = max(kept.rfind(","), kept.rfind("."))
        # a single kind of mark followed by three digits groups thousands (150.000, 1,500)
        if len(set(marks)) == 2 or len(kept) - last - 1 in (1, 2):
            decimal = kept[last]
    whole = "".join(c for c in kept if c not in ",." or c == decimal).replace(",", ".")
    try:
        return int(Decimal(whole) * 100)
    except InvalidOperation:
        return None


def customer_reader(loaded: LoadedCampaign) -> CustomerReader | None:
    """A reader of the customer list the campaign names, if it names one.

    Raises CustomerListError when the file cannot be read.
    """
    settings = loaded.campaign.customers
    if settings is None:
        return None
    path = (loaded.source.path.parent / settings.file).resolve()
    return CustomerReader(path, settings, display_path(path))
