"""Personal single-use codes: an HMAC of the campaign and the e-mail, in an unambiguous alphabet."""

from __future__ import annotations

import csv
import hmac
import os
import secrets
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from generator.customers.alphabet import ALPHABET
from generator.customers.ledger import CustomerReader, CustomerSummary, summarize
from generator.customers.tiers import TierTable
from generator.model.campaign import Campaign, PersonalCode

# each byte of the HMAC picks a symbol: b % 31 favours the first 8 symbols by 9/256 against 8/256,
# a loss of under 0.01 bit per character, for a translation that runs in C
_SYMBOLS = bytes(ord(ALPHABET[b % len(ALPHABET)]) for b in range(256))
KEY_VARIABLE = "APPRECIATE_CODE_KEY"
KEY_FILE = Path("private/code.key")
OUT_DIR = Path("private/out")


class CodeKeyError(Exception):
    """No usable key: one line with a hint; exit 2."""


def personal_code(key: bytes, campaign_id: str, email: str, length: int = 10) -> str:
    """The code of ``email`` in this campaign: the same key and inputs always give the same code."""
    digest = hmac.digest(key, f"{campaign_id}\0{email.strip().lower()}".encode(), "sha256")
    return digest[:length].translate(_SYMBOLS).decode("ascii")


def verify(code: str, email: str, campaign_id: str, key: bytes) -> bool:
    """Whether ``code`` is the personal code of ``email`` (any case, surrounding spaces ignored)."""
    given = code.strip().upper()
    if not 8 <= len(given) <= 12:
        return False
    return hmac.compare_digest(personal_code(key, campaign_id, email, len(given)), given)


def load_key(key_file: Path = KEY_FILE, *, create: bool = False) -> bytes:
    """The key from $APPRECIATE_CODE_KEY, else from ``key_file``.

    With ``create``, a missing key file is made (mode 0600) outside CI; in CI a missing key is an
    error, never a new key: codes made with a throwaway key would not verify later.
    """
    value = os.environ.get(KEY_VARIABLE, "").strip()
    if value:
        if len(value) < 16:
            raise CodeKeyError(
                f"${KEY_VARIABLE}: too short (hint: use at least 32 random characters)"
            )
        return value.encode()
    if key_file.is_file():
        text = key_file.read_text(encoding="utf-8").strip()
        if len(text) < 16:
            raise CodeKeyError(
                f"{key_file}: the key is too short (hint: delete it to make a new one)"
            )
        return text.encode()
    if os.environ.get("CI"):
        raise CodeKeyError(
            f"no code key: ${KEY_VARIABLE} is not set and {key_file} does not exist "
            f"(hint: set {KEY_VARIABLE} from your CI's secrets; a new key would make other codes)"
        )
    if not create:
        raise CodeKeyError(
            f"no code key in ${KEY_VARIABLE} or {key_file} (hint: run appreciate codes)"
        )
    _refuse_tracked(key_file)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return load_key(key_file)


def _refuse_tracked(path: Path) -> None:
    """Refuse to write a secret where git would track it (inside a work tree, not ignored)."""
    path = path.resolve()
    folder = next((p for p in path.parents if p.is_dir()), Path("/"))
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if top.returncode != 0:
        return  # not in a git work tree
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", str(path)],
        cwd=top.stdout.strip(),
        capture_output=True,
        check=False,
    )
    if ignored.returncode != 0:
        raise CodeKeyError(
            f"{path}: git would track this file (hint: add its folder to .gitignore)"
        )


@dataclass(frozen=True)
class IssuedCodes:
    summary: CustomerSummary
    issued: int
    mail_merge: Path
    shop_import: Path


def issue_codes(
    reader: CustomerReader,
    campaign: Campaign,
    key: bytes,
    out_dir: Path,
    today: date,
    max_errors: int = 20,
) -> IssuedCodes:
    """A code for every eligible customer, written as a mail-merge and a shop-import CSV.

    Two passes over the list: the first merges duplicates and decides tiers, the second writes
    each customer once. The files appear only when complete.
    """
    offer = next((o for o in campaign.offers if isinstance(o, PersonalCode)), None)
    if offer is None:
        raise CodeKeyError("the campaign has no personal_code offer (hint: add one under offers)")
    _refuse_tracked(out_dir / "mail-merge.csv")
    summary, ledger = summarize(reader, today, max_errors=max_errors)
    tiers = TierTable.from_rules(reader.settings.tiers, today).names
    eligible = set(offer.tiers) if offer.tiers else None
    expires = offer.expires.isoformat()
    mail_merge, shop_import = out_dir / "mail-merge.csv", out_dir / "shop-import.csv"
    issued = 0
    with _replacing(mail_merge, shop_import) as (merge_file, shop_file):
        merge_out, shop_out = csv.writer(merge_file), csv.writer(shop_file)
        merge_out.writerow(["first_name", "email", "code", "tier", "expires"])
        shop_out.writerow(["code", "usage_limit"])
        for email, first_name in reader.emails():
            value = ledger.pop(hash(email), None)  # popped: each customer is written once
            if value is None:
                continue  # a bad row, or a customer already written
            tier = tiers[value]
            if eligible is not None and tier not in eligible:
                continue
            code = personal_code(key, campaign.id, email, offer.code_length)
            merge_out.writerow([first_name, email, code, tier, expires])
            shop_out.writerow([code, 1])
            issued += 1
    return IssuedCodes(summary, issued, mail_merge, shop_import)


@contextmanager
def _replacing(*paths: Path) -> Iterator[list[TextIO]]:
    """Write beside each path (mode 0600); put them all in place only when all are complete."""
    staged = []
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged.append(path.with_name(f".{path.name}.{os.getpid()}.tmp"))
    handles: list[TextIO] = []
    try:
        for staging in staged:
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            handles.append(os.fdopen(fd, "w", encoding="utf-8", newline=""))
        yield handles
        for handle in handles:
            handle.close()
    except BaseException:
        for handle in handles:
            handle.close()
        for staging in staged:
            staging.unlink(missing_ok=True)
        raise
    for staging, path in zip(staged, paths, strict=True):
        os.replace(staging, path)
