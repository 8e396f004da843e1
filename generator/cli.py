"""The ``appreciate`` command."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from generator import __version__

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
