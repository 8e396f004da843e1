"""``appreciate customers``, ``codes`` and ``sample-customers``: the loyal-customer list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.main import campaign_options, load_campaign_or_exit, main, max_errors_option
from generator.customers.private import CODES_DIR, KEY_FILE
from generator.errors import AppreciateError

if TYPE_CHECKING:
    from generator.customers.reader import CustomerReader
    from generator.model.loader import LoadedCampaign


@main.command("sample-customers")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--rows", type=click.IntRange(1), default=40, show_default=True, help="How many customers."
)
@click.option(
    "--seed", type=int, default=2026, show_default=True, help="The same seed writes the same list."
)
@click.option(
    "--duplicates",
    type=click.FloatRange(0, 1),
    default=0.0,
    help="Share of rows repeating an e-mail.",
)
def sample_customers_command(path: Path, rows: int, seed: int, duplicates: float) -> None:
    """Write a synthetic customer list in Shopify's format (needs Faker, in the dev extra)."""
    from generator.customers.synthetic import write_sample

    write_sample(path, rows, seed, duplicates)
    click.echo(f"{path}: {rows} synthetic customers", err=True)


def _reader(loaded: LoadedCampaign) -> CustomerReader:
    from generator.customers.reader import customer_reader

    reader = customer_reader(loaded)
    if reader is None:
        raise AppreciateError(
            f"{loaded.source.display}: no customers section (hint: see docs/customers.md)"
        )
    return reader


@main.command("customers")
@campaign_options
@max_errors_option
def customers_command(campaign: Path | None, config_file: Path, max_errors: int) -> None:
    """Read the customer list: bad rows, duplicates and the size of each tier."""
    from generator.customers.ledger import summarize
    from generator.pages.build_day import build_date

    loaded = load_campaign_or_exit(campaign, config_file)
    reader = _reader(loaded)
    today = build_date(loaded.campaign.business.time_zone)
    summary, _ = summarize(reader, today, max_errors=max_errors)
    for problem in summary.problems:
        click.echo(str(problem), err=True)
    if summary.bad_rows > len(summary.problems):
        click.echo(f"... and {summary.bad_rows - len(summary.problems)} more bad rows", err=True)
    click.echo(f"{reader.display}: {summary.report()}")


@main.command("codes")
@campaign_options
@max_errors_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=CODES_DIR,
    show_default=True,
    help="Where the mail-merge and shop-import files go (git-ignored).",
)
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=KEY_FILE,
    show_default=True,
    help="The secret key, made on first use unless $APPRECIATE_CODE_KEY is set.",
)
def codes_command(
    campaign: Path | None, config_file: Path, max_errors: int, out: Path, key_file: Path
) -> None:
    """Give each eligible loyal customer a personal single-use code."""
    from generator.customers.codes import load_key
    from generator.customers.issue import issue_codes
    from generator.customers.private import issued_record
    from generator.pages.build_day import build_date

    loaded = load_campaign_or_exit(campaign, config_file)
    reader = _reader(loaded)
    key = load_key(key_file, create=True)
    today = build_date(loaded.campaign.business.time_zone)
    record = issued_record(config_file.parent, loaded.campaign.id)
    moved = loaded.on(today).campaign  # its dates, moved when they follow the day
    issued = issue_codes(reader, moved, key, out, today, record, max_errors)
    for problem in issued.summary.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{reader.display}: {issued.summary.report()}")
    click.echo(
        f"{issued.issued} codes issued: {issued.mail_merge} (mail merge), "
        f"{issued.shop_import} (shop import)"
    )
