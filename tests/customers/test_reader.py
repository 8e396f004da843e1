"""Reading exports: formats, encodings, delimiters, bad rows, amounts, unreadable files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.customers.csvfile import CsvFile, CustomerListError
from generator.customers.ledger import summarize
from generator.customers.reader import CustomerReader, cents
from generator.model.customers import CustomerList

TODAY = date(2026, 11, 25)
SHOPIFY = (
    "First Name,Last Name,Email,Default Address City,Phone,Total Spent,Total Orders,Tags\n"
    'Olivia,Smith,olivia@example.com,London,+44 20 7946 0001,120.50,12,"vip, customer-since-2019, wall"\n'
    "Mateo,García,MATEO@example.org,Madrid,+34 91 123 0002,40.00,2,customer-since-2025\n"
    "Putri,Santoso,putri@example.net,Jakarta,+62 21 5550 0003,75.00,4,wall\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "customers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def read(path: Path, **settings: object) -> CustomerReader:
    return CustomerReader(path, CustomerList(file=path.name, **settings), path.name)  # type: ignore[arg-type]


def test_shopify_export_is_detected_and_read(tmp_path: Path) -> None:
    rows = list(read(write(tmp_path, SHOPIFY)).rows())
    assert [(r.line, r.email, r.first_name, r.city, r.orders, r.spent_cents) for r in rows] == [
        (2, "olivia@example.com", "Olivia", "London", 12, 12050),
        (3, "mateo@example.org", "Mateo", "Madrid", 2, 4000),
        (4, "putri@example.net", "Putri", "Jakarta", 4, 7500),
    ]


def test_woocommerce_export_with_full_names_and_registration_dates(tmp_path: Path) -> None:
    text = (
        "Name,Username,Last active,Date registered,Email,Orders,Total spend,AOV,Country / Region,City\n"
        'Lucía Romero,lucia,2026-11-01,2018-03-04 10:00:00,lucia@example.com,7,"1,250.00",178.57,ES,Valencia\n'
    )
    (row,) = read(write(tmp_path, text)).rows()
    assert (row.first_name, row.last_name, row.since_year, row.orders, row.spent_cents) == (
        "Lucía", "Romero", 2018, 7, 125000,
    )  # fmt: skip


def test_any_export_through_a_column_mapping(tmp_path: Path) -> None:
    text = "Correo;Nombre;Pedidos\nana@example.com;Ana;3\n"
    (row,) = read(write(tmp_path, text), format="custom",
                  columns={"email": "Correo", "first_name": "Nombre", "orders": "Pedidos"}).rows()  # fmt: skip
    assert (row.email, row.first_name, row.orders) == ("ana@example.com", "Ana", 3)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_encodings_and_delimiters(
    tmp_path: Path, encoding: str, prefix: bytes, delimiter: str
) -> None:
    text = SHOPIFY.replace(",", delimiter).replace(
        '"vip; customer-since-2019; wall"', '"vip, wall"'
    )
    text = text.replace('"vip\tcustomer-since-2019\twall"', '"vip, wall"')
    path = write(tmp_path, prefix + text.encode(encoding))
    source = CsvFile.open(path)
    assert source.delimiter == delimiter
    names = [r.last_name for r in read(path).rows()]
    assert names == ["Smith", "García", "Santoso"]  # the accent survives every encoding


def test_quoted_fields_with_line_breaks_keep_line_numbers(tmp_path: Path) -> None:
    text = (
        SHOPIFY
        + 'Ann,"Multi\nLine",not-an-email,Leeds,,1,1,\n'
        + "Bo,Li,bo@example.com,Leeds,,1,1,\n"
    )
    problems: list[object] = []
    rows = list(read(write(tmp_path, text)).rows(problems.append))
    assert [str(p) for p in problems] == ["customers.csv:5: email: not an e-mail address"]
    assert rows[-1].line == 7


def test_bad_rows_one_line_each_and_a_limit(tmp_path: Path) -> None:
    text = SHOPIFY + "".join(
        [
            "A,B,,X,,1,1,\n",  # line 5: no e-mail
            "A,B,a@example.com,X,,1,many,\n",  # line 6
            "A,B,b@example.com,X,,lots,1,\n",  # line 7
            "A,B,c@example.com,X,,1,-2,\n",  # line 8
        ]
    )
    summary, _ = summarize(read(write(tmp_path, text)), TODAY, max_errors=3)
    assert [str(p) for p in summary.problems] == [
        "customers.csv:5: email: missing",
        "customers.csv:6: orders: 'many' is not a whole number",
        "customers.csv:7: spent: 'lots' is not an amount",
    ]
    assert (summary.rows, summary.bad_rows, summary.customers) == (7, 4, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.50", 123450),
        ("1,234.50", 123450),
        ("1.234,50", 123450),
        ("Rp 150.000", 15000000),
        ("€12,5", 1250),
        ("1500", 150000),
        ("abc", None),
    ],
)
def test_amounts_in_shop_formats(text: str, expected: int | None) -> None:
    assert cents(text) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            None,
            "customers.csv: file not found (hint: export the customer list from your shop as CSV, and check customers.file)",
        ),
        (
            "",
            "customers.csv: the file is empty (hint: export the customer list from your shop as CSV, and check customers.file)",
        ),
        (
            "Name,Phone\nAna,1\n",
            "customers.csv:1: no e-mail column (hint: name it in customers.columns.email, or use a Shopify or WooCommerce export)",
        ),
    ],
    ids=["missing", "empty", "no e-mail column"],
)
def test_an_unreadable_file_is_one_line_with_a_hint(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "customers.csv"
    if content is not None:
        path.write_text(content)
    with pytest.raises(CustomerListError) as caught:
        list(read(path).rows())
    assert str(caught.value) == message


def test_a_spreadsheet_saved_as_csv_is_one_line_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x9d\x8f\x90xl/workbook.xml\x00\x00")
    with pytest.raises(CustomerListError) as caught:
        list(read(path).rows())
    assert str(caught.value) == (
        "customers.csv: not text in UTF-8 or Windows-1252 (hint: export the customer list from "
        "your shop as CSV, and check customers.file)"
    )
