"""The ``appreciate`` command."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__
from generator.audit.findings import FORMATS

if TYPE_CHECKING:
    from generator.customers.ledger import CustomerReader
    from generator.model.loader import LoadedCampaign
    from generator.receiver.settings import Settings as ReceiverSettings

# Material 9.8 prints a long MkDocs 2.0 banner on every run unless this is set
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _LineFormatter(logging.Formatter):
    """``LEVEL - message``, each line of a multi-line message prefixed, like MkDocs prints."""

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"{record.levelname:<8}-  "
        return "\n".join(prefix + line for line in record.getMessage().splitlines() or [""])


def _log_to_stderr(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="appreciate")
def main() -> None:
    """Build a Customer Appreciation Month website from campaign YAML."""


@main.command("build")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration.",
)
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the site goes (default: site_dir of mkdocs.yml).",
)
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings.")
@click.option("--today", metavar="YYYY-MM-DD", help="Build as if on this day.")
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def build_command(
    config_file: Path, site_dir: Path | None, strict: bool, today: str | None, verbose: bool
) -> None:
    """Build the site; the previous site is replaced only when the build succeeds."""
    from generator.mkdocs_plugin.build import BuildFailed, build_site
    from generator.pages.bundle import TODAY_VARIABLE

    _log_to_stderr(verbose)
    if today:
        os.environ[TODAY_VARIABLE] = today
    try:
        target = build_site(config_file, site_dir=site_dir, strict=strict)
    except BuildFailed as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(f"Site built in {target}", err=True)


@main.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def new_command(directory: Path) -> None:
    """Create a starter project in DIRECTORY that builds as it is."""
    from generator.scaffold import ScaffoldError, create_project

    try:
        created = create_project(directory)
    except ScaffoldError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"\nNext: cd {directory} && appreciate build   (or: mkdocs serve)")


@main.command("check")
@click.argument(
    "site_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    required=False,
)
@click.option(
    "--site-url",
    metavar="URL",
    help="The URL the site is served at; its path is the base of root-relative links.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="How to report.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to a file.",
)
@click.option(
    "--ignore",
    "ignores",
    multiple=True,
    metavar="TAG[:GLOB]",
    help="Do not report TAG (or * for all) on pages matching GLOB; repeatable.",
)
@click.option(
    "--stretch-tolerance",
    type=click.FloatRange(0, 1),
    default=0.02,
    show_default=True,
    help="Allowed ratio difference for stretched-image.",
)
@click.option(
    "--max-upscale",
    type=click.FloatRange(1),
    default=2.0,
    show_default=True,
    help="oversized-image: intrinsic pixels over this many times the shown size.",
)
@click.option(
    "--max-image-kb",
    type=click.IntRange(1),
    default=300,
    show_default=True,
    help="oversized-image: the byte budget of one image, in KB.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0),
    default=0,
    help="Worker processes (default: one per CPU).",
)
@click.option("--external", is_flag=True, help="Also check external links (network).")
@click.option(
    "--external-cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(".cache/appreciate/external.json"),
    show_default=True,
    help="Answers of external URLs, reused until they expire.",
)
@click.option(
    "--external-cache-hours",
    type=click.FloatRange(0),
    default=24.0,
    show_default=True,
    help="How long a cached answer stays valid.",
)
@click.option(
    "--external-timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds to wait for one external URL.",
)
@click.option(
    "--external-per-host",
    type=click.IntRange(1),
    default=4,
    show_default=True,
    help="Requests at once to one host.",
)
@click.option(
    "--browser",
    is_flag=True,
    help="Also load every page in headless Chromium at 360x800 and 1280x800.",
)
@click.option("--list-tags", is_flag=True, help="List the finding tags and exit.")
def check_command(
    site_dir: Path,
    site_url: str | None,
    fmt: str,
    output: Path | None,
    ignores: tuple[str, ...],
    stretch_tolerance: float,
    max_upscale: float,
    max_image_kb: int,
    jobs: int,
    external: bool,
    external_cache: Path,
    external_cache_hours: float,
    external_timeout: float,
    external_per_host: int,
    browser: bool,
    list_tags: bool,
) -> None:
    """Audit every link, anchor and image of the built site in SITE_DIR (default: site).

    Exit status: 0 no findings, 1 findings, 2 bad usage.
    """
    from generator.audit.external import ExternalOptions
    from generator.audit.findings import IgnoreRule
    from generator.audit.images import ImageLimits
    from generator.audit.report import describe_tags, render
    from generator.audit.run import run_check
    from generator.audit.site import AuditOptions

    if list_tags:
        click.echo(describe_tags())
        return
    if not site_dir.is_dir():
        raise click.UsageError(
            f"{site_dir}: no such folder (hint: build the site first: appreciate build)"
        )
    try:
        rules = tuple(IgnoreRule.parse(rule) for rule in ignores)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    options = AuditOptions(
        site_url=site_url,
        limits=ImageLimits(stretch_tolerance, max_upscale, max_image_kb * 1000),
        ignore=rules,
        jobs=jobs,
        external=ExternalOptions(
            external_cache, external_cache_hours * 3600, external_timeout, external_per_host
        )
        if external
        else None,
        browser=browser,
    )
    report = run_check(site_dir, options, progress=sys.stderr.isatty())
    text = render(report, fmt)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(1 if report.findings else 0)


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


def _campaign_option(command: Callable[..., None]) -> Callable[..., None]:
    command = click.option(
        "--campaign",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The campaign file (default: the one mkdocs.yml's appreciate plugin names).",
    )(command)
    command = click.option(
        "-f",
        "--config-file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path("mkdocs.yml"),
        show_default=True,
        help="The MkDocs configuration.",
    )(command)
    return click.option(
        "--max-errors",
        type=click.IntRange(0),
        default=20,
        show_default=True,
        help="List at most this many bad rows (all are counted).",
    )(command)


def _load_campaign(campaign: Path | None, config_file: Path) -> LoadedCampaign:
    """The campaign, from --campaign or from mkdocs.yml; exits 2 with one line per problem."""
    from generator.model.errors import InputError
    from generator.model.loader import load_campaign

    if campaign is None:
        from generator.mkdocs_plugin.build import campaign_of

        try:
            campaign = campaign_of(config_file)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    try:
        return load_campaign(campaign)
    except InputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


def _reader(loaded: LoadedCampaign) -> CustomerReader:
    from generator.customers.csvfile import CustomerListError

    try:
        reader = loaded.customer_reader()
    except CustomerListError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if reader is None:
        click.echo(
            f"Error: {loaded.source.display}: no customers section (hint: see docs/customers.md)",
            err=True,
        )
        sys.exit(2)
    return reader


@main.command("customers")
@_campaign_option
def customers_command(campaign: Path | None, config_file: Path, max_errors: int) -> None:
    """Read the customer list: bad rows, duplicates and the size of each tier."""
    from generator.customers.csvfile import CustomerListError
    from generator.customers.ledger import summarize
    from generator.pages.bundle import build_date

    loaded = _load_campaign(campaign, config_file)
    reader = _reader(loaded)
    try:
        summary, _ = summarize(
            reader, build_date(loaded.campaign.business.time_zone), max_errors=max_errors
        )
    except CustomerListError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    for problem in summary.problems:
        click.echo(str(problem), err=True)
    if summary.bad_rows > len(summary.problems):
        click.echo(f"... and {summary.bad_rows - len(summary.problems)} more bad rows", err=True)
    click.echo(f"{reader.display}: {summary.report()}")


@main.command("codes")
@_campaign_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("private/out"),
    show_default=True,
    help="Where the mail-merge and shop-import files go (git-ignored).",
)
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("private/code.key"),
    show_default=True,
    help="The secret key, made on first use unless $APPRECIATE_CODE_KEY is set.",
)
def codes_command(
    campaign: Path | None, config_file: Path, max_errors: int, out: Path, key_file: Path
) -> None:
    """Give each eligible loyal customer a personal single-use code."""
    from generator.customers.codes import CodeKeyError, issue_codes, load_key
    from generator.customers.csvfile import CustomerListError
    from generator.pages.bundle import build_date

    loaded = _load_campaign(campaign, config_file)
    reader = _reader(loaded)
    try:
        key = load_key(key_file, create=True)
        today = build_date(loaded.campaign.business.time_zone)
        issued = issue_codes(reader, loaded.campaign, key, out, today, max_errors)
    except (CodeKeyError, CustomerListError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    for problem in issued.summary.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{reader.display}: {issued.summary.report()}")
    click.echo(
        f"{issued.issued} codes issued: {issued.mail_merge} (mail merge), "
        f"{issued.shop_import} (shop import)"
    )


@main.command("receiver")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port."
)
@click.option(
    "--campaign",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The campaign file (default: from mkdocs.yml).",
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration.",
)
def receiver_command(host: str, port: int, campaign: Path | None, config_file: Path) -> None:
    """Receive survey answers, complaints and code redemptions (DATABASE_URL picks the database)."""
    import uvicorn

    from generator.receiver.app import create_app

    loaded = _load_campaign(campaign, config_file)
    settings = _receiver_settings(config_file)
    key = _optional_code_key()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    uvicorn.run(create_app(loaded.campaign, settings, key), host=host, port=port, log_level="info")


@main.command("report")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where the report goes.",
)
@click.option(
    "--campaign",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The campaign file (default: from mkdocs.yml).",
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration.",
)
def report_command(out: Path, campaign: Path | None, config_file: Path) -> None:
    """Write the receiver's report from the database (DATABASE_URL), offline."""
    from sqlalchemy.exc import SQLAlchemyError

    from generator.pages.brand import text_on
    from generator.receiver.pages import render_offline
    from generator.receiver.report import build_report
    from generator.receiver.storage import Storage

    loaded = _load_campaign(campaign, config_file)
    settings = _receiver_settings(config_file)
    storage = Storage(settings.database_url)
    try:
        storage.migrate()
        report = build_report(storage)
    except SQLAlchemyError as exc:
        click.echo(
            f"Error: {settings.database_url}: cannot read the database ({type(exc).__name__})",
            err=True,
        )
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


def _optional_code_key() -> bytes | None:
    """The code key, when there is one, so staff can redeem personal codes."""
    from generator.customers.codes import CodeKeyError, load_key

    try:
        return load_key()
    except CodeKeyError:
        return None
