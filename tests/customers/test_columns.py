"""Which column holds which fact: presets detected from the header, overrides, named columns."""

from __future__ import annotations

import pytest

from generator.customers.columns import (
    PRESETS,
    ColumnError,
    Columns,
    detect_format,
    resolve_columns,
)

SHOPIFY_HEADER = [
    "Customer ID",
    "First Name",
    "Last Name",
    "Email",
    "Default Address City",
    "Phone",
    "Total Spent",
    "Total Orders",
    "Tags",
]
WOOCOMMERCE_HEADER = [
    "Name",
    "Username",
    "Date registered",
    "Email",
    "Orders",
    "Total spend",
    "City",
]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (SHOPIFY_HEADER, "shopify"),
        (WOOCOMMERCE_HEADER, "woocommerce"),
        ([f" {h} " for h in WOOCOMMERCE_HEADER], "woocommerce"),  # spaces around names
        (SHOPIFY_HEADER[:-1], None),  # no Tags: not every Shopify column
        (["Correo", "Nombre"], None),
    ],
    ids=["shopify", "woocommerce", "padded", "incomplete", "other"],
)
def test_a_preset_is_detected_only_when_all_its_columns_are_there(
    header: list[str], expected: str | None
) -> None:
    assert detect_format(header) == expected


def test_a_shopify_header_maps_every_preset_field() -> None:
    columns = resolve_columns(SHOPIFY_HEADER, None, {})
    assert columns.format == "shopify"
    assert columns.index == {
        field: SHOPIFY_HEADER.index(column) for field, column in PRESETS["shopify"].items()
    }
    assert columns.named == {}


def test_a_byte_order_mark_and_case_do_not_hide_a_column() -> None:
    header = ["\ufeffE-MAIL", "Nombre"]
    columns = resolve_columns(header, "custom", {"email": "e-mail", "first_name": "nombre"})
    assert columns.index == {"email": 0, "first_name": 1}
    assert columns.format == "custom"


def test_overrides_replace_a_preset_column() -> None:
    header = [*SHOPIFY_HEADER, "Ciudad"]
    columns = resolve_columns(header, "shopify", {"city": "Ciudad"})
    assert columns.index["city"] == len(SHOPIFY_HEADER)
    assert columns.index["email"] == SHOPIFY_HEADER.index("Email")


def test_an_unknown_header_without_a_mapping_is_custom_and_needs_an_email_column() -> None:
    with pytest.raises(ColumnError, match="no e-mail column"):
        resolve_columns(["Correo", "Nombre"], None, {})
    assert resolve_columns(["Correo"], None, {"email": "Correo"}).format == "custom"


def test_a_mapped_column_missing_from_the_header_is_named_with_the_header() -> None:
    with pytest.raises(ColumnError) as caught:
        resolve_columns(["Correo", "Nombre"], "custom", {"email": "Mail"})
    assert str(caught.value) == (
        "column 'Mail' (for email) is not in the header (hint: the header has: Correo, Nombre)"
    )


def test_a_declared_preset_needs_its_columns() -> None:
    with pytest.raises(ColumnError, match="column 'Last Name' \\(for last_name\\)"):
        resolve_columns(["Email", "First Name"], "shopify", {})


def test_extra_columns_are_found_by_lowercased_name() -> None:
    columns = resolve_columns([*SHOPIFY_HEADER, "Wall OK"], None, {}, extra=("wall ok",))
    assert columns.named == {"wall ok": len(SHOPIFY_HEADER)}
    with pytest.raises(ColumnError, match="column 'Consent' is not in the header"):
        resolve_columns(SHOPIFY_HEADER, None, {}, extra=("Consent",))


def test_get_strips_the_cell_and_reads_absent_fields_as_empty() -> None:
    columns = Columns({"email": 0, "city": 2}, "custom", {})
    assert columns.get([" ana@example.com ", "Ana", " Madrid "], "email") == "ana@example.com"
    assert columns.get(["ana@example.com", "Ana", " Madrid "], "city") == "Madrid"
    assert columns.get(["ana@example.com"], "city") == ""  # a short record
    assert columns.get(["ana@example.com"], "phone") == ""  # a field not mapped
