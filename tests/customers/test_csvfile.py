"""A shop's CSV export: its encoding and delimiter sniffed, its records with their lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.customers.csvfile import CHUNK, CsvFile, UnreadableFile

TEXT = "First Name,Email\nLucía,lucia@example.com\nJosé,jose@example.org\n"


def write(tmp_path: Path, content: bytes, name: str = "customers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_the_encoding_is_sniffed_and_the_text_reads_back(
    tmp_path: Path, content: bytes, encoding: str
) -> None:
    source = CsvFile.open(write(tmp_path, content))
    assert source.encoding == encoding
    assert [fields for _, fields in source.records()] == [
        ["First Name", "Email"],
        ["Lucía", "lucia@example.com"],
        ["José", "jose@example.org"],
    ]


def test_a_byte_that_is_not_utf8_after_the_first_chunk_still_means_windows_1252(
    tmp_path: Path,
) -> None:
    rows = "".join(f"Ana,ana{n}@example.com\n" for n in range(CHUNK // 20 + 1))
    content = ("First Name,Email\n" + rows).encode("ascii") + "Zoë,zoe@example.com\n".encode(
        "cp1252"
    )
    assert len(content) > CHUNK
    source = CsvFile.open(write(tmp_path, content))
    assert source.encoding == "cp1252"
    assert list(source.records())[-1][1] == ["Zoë", "zoe@example.com"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = "First Name,Email,City\nAna,ana@example.com,Madrid\nBo,bo@example.com,Oslo\n"
    source = CsvFile.open(write(tmp_path, text.replace(",", delimiter).encode()))
    assert source.delimiter == delimiter
    assert list(source.records())[1] == (2, ["Ana", "ana@example.com", "Madrid"])


def test_a_single_column_falls_back_to_a_comma(tmp_path: Path) -> None:
    source = CsvFile.open(write(tmp_path, b"Email\nana@example.com\n"))
    assert source.delimiter == ","
    assert [fields for _, fields in source.records()] == [["Email"], ["ana@example.com"]]


def test_a_record_starts_at_its_first_line_when_a_field_spans_lines(tmp_path: Path) -> None:
    text = 'Email,Note\nana@example.com,"two\nlines"\nbo@example.com,one\n'
    records = list(CsvFile.open(write(tmp_path, text.encode())).records())
    assert [(line, fields[0]) for line, fields in records] == [
        (1, "Email"),
        (2, "ana@example.com"),
        (4, "bo@example.com"),
    ]
    assert records[1][1][1] == "two\nlines"


def test_a_field_the_csv_module_refuses_is_unreadable_with_its_line(tmp_path: Path) -> None:
    huge = "x" * 200_000  # over csv's field size limit
    path = write(tmp_path, f"Email,Note\nana@example.com,{huge}\n".encode())
    with pytest.raises(UnreadableFile, match=r"^line 2: field larger than field limit"):
        list(CsvFile.open(path).records())


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"^file not found$"):
        CsvFile.open(tmp_path / "missing.csv")
    with pytest.raises(UnreadableFile, match=r"^is a folder, not a CSV file$"):
        CsvFile.open(tmp_path)
    with pytest.raises(UnreadableFile, match=r"^the file is empty$"):
        CsvFile.open(write(tmp_path, b""))
    with pytest.raises(UnreadableFile, match=r"^the file is empty$"):
        CsvFile.open(write(tmp_path, b" \n\r\n"))


@pytest.mark.parametrize(
    "content",
    [
        b"First Name,Email\nAna\x81,ana@example.com\n",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x9d\x8f\x90xl/workbook.xml\x00\x00",
    ],
    ids=["undefined in windows-1252", "a zip (xlsx) file"],
)
def test_a_file_in_no_known_encoding_is_unreadable_not_a_crash(
    tmp_path: Path, content: bytes
) -> None:
    with pytest.raises(UnreadableFile, match=r"^not text in UTF-8 or Windows-1252$"):
        list(CsvFile.open(write(tmp_path, content)).records())
