"""Which column of the export holds which fact: Shopify and WooCommerce presets, or a mapping."""

from __future__ import annotations

from dataclasses import dataclass

PRESETS: dict[str, dict[str, str]] = {
    # Shopify admin → Customers → Export
    "shopify": {
        "email": "Email",
        "first_name": "First Name",
        "last_name": "Last Name",
        "phone": "Phone",
        "city": "Default Address City",
        "orders": "Total Orders",
        "spent": "Total Spent",
        "tags": "Tags",
    },
    # WooCommerce → Analytics → Customers → Download
    "woocommerce": {
        "name": "Name",
        "email": "Email",
        "orders": "Orders",
        "spent": "Total spend",
        "since": "Date registered",
        "city": "City",
    },
}


class ColumnError(Exception):
    """The header does not have the columns the mapping names."""


@dataclass(frozen=True)
class Columns:
    """Field → index in each record, and the index of other columns the campaign names."""

    index: dict[str, int]
    format: str
    named: dict[str, int]
    """Lowercased column name → index, for columns named outside the mapping (opt-in)."""

    def get(self, fields: list[str], name: str) -> str:
        position = self.index.get(name)
        if position is None or position >= len(fields):
            return ""
        return fields[position].strip()


def detect_format(header: list[str]) -> str | None:
    """The preset whose every column is in ``header``, if any."""
    present = {h.strip() for h in header}
    for name, mapping in PRESETS.items():
        if set(mapping.values()) <= present:
            return name
    return None


def resolve_columns(
    header: list[str], fmt: str | None, overrides: dict[str, str], extra: tuple[str, ...] = ()
) -> Columns:
    """Indexes of the fields in ``header`` (from the preset and the campaign's overrides) and of
    the ``extra`` columns."""
    header = [h.strip().lstrip("\ufeff") for h in header]
    fmt = fmt or detect_format(header) or "custom"
    mapping = {**PRESETS.get(fmt, {}), **overrides}
    lowered = {h.lower(): i for i, h in enumerate(header)}
    index = {}
    for field, column in mapping.items():
        if column.lower() not in lowered:
            raise ColumnError(
                f"column '{column}' (for {field}) is not in the header "
                f"(hint: the header has: {', '.join(header)})"
            )
        index[field] = lowered[column.lower()]
    if "email" not in index:
        raise ColumnError(
            "no e-mail column (hint: name it in customers.columns.email, or use a Shopify or "
            "WooCommerce export)"
        )
    named = {}
    for column in extra:
        if column.lower() not in lowered:
            raise ColumnError(
                f"column '{column}' is not in the header "
                f"(hint: the header has: {', '.join(header)})"
            )
        named[column.lower()] = lowered[column.lower()]
    return Columns(index, fmt, named)
