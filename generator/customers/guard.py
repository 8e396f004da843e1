"""The privacy guard: refuse a site that shows anything identifying a customer of the list."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.customers.alphabet import ALPHABET
from generator.customers.codes import code_digest, find_key, personal_code
from generator.customers.columns import resolve_columns
from generator.customers.csvfile import CsvFile, CustomerListError, UnreadableFile
from generator.customers.private import KEY_FILE, GuardedList, issued_record
from generator.staging import write_replacing

TEXT_SUFFIXES = (
    ".html",
    ".htm",
    ".xml",
    ".json",
    ".txt",
    ".js",
    ".csv",
    ".ics",
    ".webmanifest",
    ".md",
)
# bounded, so minified scripts with long runs of non-space characters stay linear
EMAILS = re.compile(r"[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}")
PHONES = re.compile(r"\+?\d[\d\s().\-/]{5,18}\d")
CODES = re.compile(rf"(?<![A-Z0-9])[{ALPHABET}]{{8,12}}(?![A-Z0-9])")
TAGS = re.compile(r"<[^>]*>")
WORDS = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@dataclass
class Fingerprints:
    """What identifies a customer: e-mails, phones (last 9 digits), full names (lowercase)."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    full_names: set[str] = field(default_factory=set)


def phone_key(phone: str) -> str:
    """The last 9 digits: the same number written with or without its country code."""
    digits = "".join(c for c in phone if c.isdigit())
    return digits[-9:] if len(digits) >= 7 else ""


def fingerprints_of(path: Path, fmt: str | None, columns: dict[str, str]) -> Fingerprints:
    """Every e-mail, phone and full name of the list, read with nothing but the csv module:
    this runs after every build, so it stays light."""
    try:
        records = CsvFile.open(path).records()
        _, header = next(records)
        at = resolve_columns(header, fmt, columns).index
    except (UnreadableFile, StopIteration, ValueError) as exc:
        raise CustomerListError(f"{path}: {exc}") from None
    found = Fingerprints()
    width = max(at.values()) + 1
    for _, fields in records:
        fields += [""] * (width - len(fields))
        if email := fields[at["email"]].strip().lower():
            found.emails.add(email)
        if "phone" in at and (phone := phone_key(fields[at["phone"]])):
            found.phones.add(phone)
        if "first_name" in at and "last_name" in at:
            first, last = fields[at["first_name"]].strip(), fields[at["last_name"]].strip()
        elif "name" in at:
            first, _, last = fields[at["name"]].strip().partition(" ")
        else:
            first = last = ""
        if first and last:
            found.full_names.add(f"{first} {last}".lower())
    return found


@dataclass(frozen=True)
class IssuedCodes:
    """The personal codes a page must not show: derived from the key for every e-mail of the
    list, and recorded by ``appreciate codes`` (as digests) wherever it wrote its files."""

    derived: frozenset[str] = frozenset()
    digests: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.derived or self.digests)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in self.derived or code_digest(code) in self.digests)


@dataclass(frozen=True)
class Leak:
    page: str
    kind: str

    def __str__(self) -> str:
        return f"{self.page}: shows a customer's {self.kind}"


def find_leaks(
    site_dir: Path,
    prints: Fingerprints,
    codes: IssuedCodes = IssuedCodes(),
    allow_words: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
    clean: set[str] | None = None,
) -> list[Leak]:
    """Every page (or other text file) of the site that shows a customer's private data.

    A last name counts when written with its first name ("Olivia Smith", "Smith, Olivia"); alone
    it is too often an ordinary word (Brown, King, Rose) to refuse a build for.
    ``clean`` holds the digests of contents known to show nothing of these fingerprints: such
    files are not searched again; it is left holding the digests of this site's clean files.
    """
    leaks: dict[tuple[str, str], Leak] = {}
    clean_here: set[str] = set()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        page = path.relative_to(site_dir).as_posix()
        if page in skip:
            continue
        content = path.read_bytes()
        digest = hashlib.blake2b(content, digest_size=16).hexdigest()
        if clean is not None and digest in clean:
            clean_here.add(digest)
            continue
        text = content.decode("utf-8", errors="replace")
        kinds = list(_kinds_shown(text, prints, codes, allow_words))
        for kind in kinds:
            leaks.setdefault((page, kind), Leak(page, kind))
        if not kinds:
            clean_here.add(digest)
    if clean is not None:  # only this site's files: the cache does not grow with every edit
        clean.clear()
        clean.update(clean_here)
    return sorted(leaks.values(), key=lambda found: (found.page, found.kind))


def _kinds_shown(
    text: str, prints: Fingerprints, codes: IssuedCodes, allow_words: frozenset[str]
) -> Iterator[str]:
    if any(m.lower() in prints.emails for m in EMAILS.findall(text)):
        yield "e-mail address"
    if any(phone_key(m) in prints.phones for m in PHONES.findall(text) if phone_key(m)):
        yield "phone number"
    if codes and any(m in codes for m in CODES.findall(text)):
        yield "personal code"
    if prints.full_names:
        words = [w.lower() for w in WORDS.findall(TAGS.sub(" ", text))]
        for first, second in itertools.pairwise(words):
            if first in allow_words or second in allow_words:
                continue
            if f"{first} {second}" in prints.full_names or f"{second} {first}" in prints.full_names:
                yield "full name"
                return


def issued_codes(guarded: GuardedList, root: Path, emails: set[str]) -> IssuedCodes:
    """Every code issued for the campaign of ``guarded``: none when it offers no personal code.

    ``root`` is the project's folder, where the key file and the record are (``private/``).
    """
    campaign_id, length = guarded.campaign_id, guarded.code_length
    if not campaign_id or not length:
        return IssuedCodes()
    key = find_key(root / KEY_FILE)
    derived = (
        frozenset(personal_code(key, campaign_id, email, length) for email in emails)
        if key is not None
        else frozenset()
    )
    try:
        text = issued_record(root, campaign_id).read_text(encoding="ascii")
    except (OSError, ValueError):
        text = ""
    return IssuedCodes(derived, frozenset(text.split()))


def guard_site(
    guarded: GuardedList,
    site_dir: Path,
    root: Path,
    skip: frozenset[str] = frozenset(),
    cache_file: Path | None = None,
) -> list[Leak]:
    """Look for the customer list and the codes issued to it (``guarded``; the key and the record
    of issued codes are under ``root``) in the built site; ``skip`` names files that cannot hold
    them (the theme's own scripts and styles).

    With ``cache_file``, files whose bytes were found clean by a build with the same customer
    list, codes, allowed words and guard code are not searched again (most of a rebuild).
    """
    prints = fingerprints_of(Path(guarded.file), guarded.format, guarded.columns)
    allow = frozenset(word.lower() for word in guarded.allow_words)
    codes = issued_codes(guarded, root, prints.emails)
    if cache_file is None:
        return find_leaks(site_dir, prints, codes, allow, skip)
    key = _cache_key(prints, codes, allow)
    try:
        stored = json.loads(cache_file.read_text(encoding="utf-8"))
        clean = set(stored["clean"]) if stored["key"] == key else set()
    except (OSError, ValueError, KeyError, TypeError):
        clean = set()
    seen = set(clean)
    leaks = find_leaks(site_dir, prints, codes, allow, skip, clean)
    if clean != seen:
        write_replacing(cache_file, json.dumps({"key": key, "clean": sorted(clean)}))
    return leaks


def _cache_key(prints: Fingerprints, codes: IssuedCodes, allow: frozenset[str]) -> str:
    """What a clean verdict depends on besides the file: the fingerprints and this code."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    sets = (prints.emails, prints.phones, prints.full_names, codes.derived, codes.digests, allow)
    for values in sets:
        digest.update("\0".join(sorted(values)).encode() + b"\1")
    return digest.hexdigest()
