"""Issuing the personal codes: a mail-merge and a shop-import file, and a record for the guard."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.customers.codes import code_digest, personal_code, refuse_tracked
from generator.customers.ledger import CustomerSummary, summarize
from generator.customers.reader import CustomerReader
from generator.customers.tiers import TierTable
from generator.errors import AppreciateError
from generator.model.campaign import Campaign, PersonalCode
from generator.staging import staged_files


class NoCodeOffer(AppreciateError):
    """Codes asked for a campaign that offers none."""


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
    record: Path,
    max_errors: int = 20,
) -> IssuedCodes:
    """A code for every eligible customer, written as a mail-merge and a shop-import CSV, and
    the digest of each code into ``record`` (see ``customers.private``), where the privacy guard
    finds them whatever ``out_dir`` was.

    Two passes over the list: the first merges duplicates and decides tiers, the second writes
    each customer once. The files appear only when complete.
    """
    offer = next((o for o in campaign.offers if isinstance(o, PersonalCode)), None)
    if offer is None:
        raise NoCodeOffer("the campaign has no personal_code offer (hint: add one under offers)")
    refuse_tracked(out_dir / "mail-merge.csv")
    refuse_tracked(record)
    summary, ledger = summarize(reader, today, max_errors=max_errors)
    tiers = TierTable.from_rules(reader.settings.tiers, today).names
    eligible = set(offer.tiers) if offer.tiers else None
    expires = offer.expires.isoformat()
    mail_merge, shop_import = out_dir / "mail-merge.csv", out_dir / "shop-import.csv"
    issued = 0
    with staged_files(mail_merge, shop_import, record) as (merge_file, shop_file, record_file):
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
            record_file.write(code_digest(code) + "\n")
            issued += 1
    return IssuedCodes(summary, issued, mail_merge, shop_import)
