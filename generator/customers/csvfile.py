"""Reading a shop's CSV export: its encoding, its delimiter, and each record's line."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import AppreciateError

CHUNK = 1 << 20
DELIMITERS = ",;\t"


class UnreadableFile(Exception):
    """The file itself cannot be read as a customer list."""


class CustomerListError(AppreciateError):
    """The list cannot be read at all: one line naming the file, with a hint; exit 2."""


@dataclass(frozen=True)
class CsvFile:
    path: Path
    encoding: str
    """``utf-8-sig`` (with a BOM), ``utf-8`` or ``cp1252`` (Windows' Western European)."""
    delimiter: str

    @classmethod
    def open(cls, path: Path) -> CsvFile:
        """Sniff the encoding and the delimiter; raises UnreadableFile."""
        try:
            encoding, sample = _encoding(path)
        except FileNotFoundError:
            raise UnreadableFile("file not found") from None
        except IsADirectoryError:
            raise UnreadableFile("is a folder, not a CSV file") from None
        except OSError as exc:
            raise UnreadableFile(f"cannot read: {exc.strerror}") from None
        text = sample.decode(encoding, errors="ignore")
        if not text.strip():
            raise UnreadableFile("the file is empty")
        return cls(path, encoding, _delimiter(text))

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """``(line, fields)`` of every record, the header first; a record's line is where it starts
        (a quoted field may hold line breaks)."""
        with self.path.open("r", encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            line = 1
            try:
                for fields in reader:
                    yield line, fields
                    line = reader.line_num + 1
            except csv.Error as exc:
                raise UnreadableFile(f"line {reader.line_num}: {exc}") from None
            except UnicodeDecodeError:  # neither UTF-8 nor Windows-1252: a spreadsheet, say
                # (decoded a buffer ahead of the csv reader: no line to name)
                raise UnreadableFile("not text in UTF-8 or Windows-1252") from None


def _encoding(path: Path) -> tuple[str, bytes]:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else Windows-1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        sample = handle.read(CHUNK)
        chunk = sample
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252", sample
    return ("utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"), sample


def _delimiter(text: str) -> str:
    lines = text.splitlines()
    try:
        return csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        return max(DELIMITERS, key=lines[0].count)
