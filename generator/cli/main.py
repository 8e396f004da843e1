"""The ``appreciate`` group and what its commands share."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__
from generator.errors import AppreciateError

if TYPE_CHECKING:
    from generator.model.loader import LoadedCampaign

# Material 9.8 prints a long MkDocs 2.0 banner on every run unless this is set
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _LineFormatter(logging.Formatter):
    """``LEVEL - message``, each line of a multi-line message prefixed, like MkDocs prints."""

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"{record.levelname:<8}-  "
        return "\n".join(prefix + line for line in record.getMessage().splitlines() or [""])


def log_to_stderr(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


class AppreciateGroup(click.Group):
    """Every command's user errors end here: the message on stderr, the error's exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AppreciateError as exc:
            click.echo(exc.report(), err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=AppreciateGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="appreciate")
def main() -> None:
    """Build a Customer Appreciation Month website from campaign YAML."""


CONFIG_FILE_OPTION = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration.",
)


def campaign_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--campaign`` and ``--config-file``: where a command finds the campaign."""
    command = click.option(
        "--campaign",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The campaign file (default: the one mkdocs.yml's appreciate plugin names).",
    )(command)
    return CONFIG_FILE_OPTION(command)


def max_errors_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--max-errors",
        type=click.IntRange(0),
        default=20,
        show_default=True,
        help="List at most this many bad rows (all are counted).",
    )(command)


def load_campaign_or_exit(campaign: Path | None, config_file: Path) -> LoadedCampaign:
    """The campaign, from --campaign or from mkdocs.yml; InputError lists every problem."""
    from generator.model.loader import load_campaign

    if campaign is None:
        from generator.mkdocs_plugin.build import campaign_of

        try:
            campaign = campaign_of(config_file)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    return load_campaign(campaign)
