"""``appreciate receiver`` and ``report``: the answers service and its report."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.main import campaign_options, load_campaign_or_exit, main

if TYPE_CHECKING:
    from generator.receiver.settings import Settings as ReceiverSettings


@main.command("receiver")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--proxy-headers",
    is_flag=True,
    help="Behind a reverse proxy: take the client's address and scheme from X-Forwarded-For "
    "and X-Forwarded-Proto, sent by --forwarded-allow-ips only.",
)
@click.option(
    "--forwarded-allow-ips",
    default="127.0.0.1",
    show_default=True,
    help="With --proxy-headers: the proxies' addresses (comma-separated) whose headers count.",
)
@campaign_options
def receiver_command(
    host: str,
    port: int,
    proxy_headers: bool,
    forwarded_allow_ips: str,
    campaign: Path | None,
    config_file: Path,
) -> None:
    """Receive survey answers, complaints and code redemptions (DATABASE_URL picks the database)."""
    import uvicorn

    from generator.receiver.accesslog import keep_addresses_out_of_the_access_log
    from generator.receiver.app import create_app

    loaded = load_campaign_or_exit(campaign, config_file)
    settings = _receiver_settings(config_file)
    _open_database_or_exit(settings)
    key = _optional_code_key()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    _print_setup_link(settings, host, port)
    keep_addresses_out_of_the_access_log()
    # without --proxy-headers no client can name its own address (uvicorn trusts loopback)
    uvicorn.run(
        create_app(loaded.campaign, settings, key),
        host=host,
        port=port,
        log_level="info",
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips if proxy_headers else "",
    )


@main.command("report")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where the report goes.",
)
@campaign_options
def report_command(out: Path, campaign: Path | None, config_file: Path) -> None:
    """Write the receiver's report from the database (DATABASE_URL), offline."""
    from sqlalchemy.exc import SQLAlchemyError

    from generator.pages.colours import text_on
    from generator.receiver.database import unreachable
    from generator.receiver.pages import render_offline
    from generator.receiver.report import build_report
    from generator.receiver.storage import Storage

    loaded = load_campaign_or_exit(campaign, config_file)
    settings = _receiver_settings(config_file)
    storage = Storage(settings.database_url)
    try:
        storage.migrate()
        report = build_report(storage)
    except SQLAlchemyError as exc:
        click.echo(f"Error: {unreachable(settings.database_url, exc)}", err=True)
        sys.exit(2)
    business = loaded.campaign.business
    brand = {
        "name": business.name,
        "primary": loaded.campaign.brand.primary,
        "on_primary": text_on(loaded.campaign.brand.primary),
        "site": None,
    }
    out.write_text(render_offline("report.html", report=report, brand=brand), encoding="utf-8")
    click.echo(
        f"{out}: {report.responses} answers, NPS {report.nps}, "
        f"{len(report.overdue)} complaints overdue"
    )


def _print_setup_link(settings: ReceiverSettings, host: str, port: int) -> None:
    """While the console has no owner: a one-time link that creates it (24 h, single use)."""
    from sqlalchemy.exc import SQLAlchemyError

    from generator.receiver.database import unreachable
    from generator.receiver.staff.setup import issue_link
    from generator.receiver.storage import Storage

    storage = Storage(settings.database_url)
    try:
        storage.migrate()
        token = issue_link(storage.engine)
    except SQLAlchemyError as exc:
        click.echo(f"Error: {unreachable(settings.database_url, exc)}", err=True)
        sys.exit(2)
    finally:
        storage.close()
    if token:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        click.echo(
            "The staff console has no owner yet. Open this link within 24 hours to create the "
            f"owner account (it works once):\n  http://{shown}:{port}/staff/setup/{token}",
        )


def _receiver_settings(config_file: Path) -> ReceiverSettings:
    from generator.receiver.settings import Settings, SettingsError

    site_url = None
    if config_file.is_file():
        import yaml

        try:
            site_url = (
                yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
            ).get("site_url")
        except yaml.YAMLError:
            site_url = None
    try:
        return Settings.from_environment(site_url)
    except SettingsError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)


def _open_database_or_exit(settings: ReceiverSettings) -> None:
    """Migrate before serving, so an unreachable database is one line and exit 2, not a trace."""
    from generator.receiver.database import unreachable
    from generator.receiver.storage import Storage

    try:
        storage = Storage(
            settings.database_url, settings.db_connect_timeout, settings.db_statement_timeout
        )
        try:
            storage.migrate()
        finally:
            storage.close()
    except Exception as exc:  # any failure to open the database is the setting's to fix
        click.echo(f"Error: {unreachable(settings.database_url, exc)}", err=True)
        sys.exit(2)


def _optional_code_key() -> bytes | None:
    """The code key, when there is one, so staff can redeem personal codes."""
    from generator.customers.codes import CodeKeyError, load_key

    try:
        return load_key()
    except CodeKeyError:
        return None
