"""``appreciate preflight``: is the site ready to publish, check by check."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.main import CONFIG_FILE_OPTION, main


@main.command("preflight")
@CONFIG_FILE_OPTION
@click.option(
    "--online",
    is_flag=True,
    help="Also ask the receiver's /health and send a CORS preflight from the site's origin.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds to wait for the receiver (--online).",
)
def preflight_command(config_file: Path, online: bool, timeout: float) -> None:
    """List every publishing check with ✔ or ✘ and a hint.

    Exit status: 0 ready to publish, 1 a check failed, 2 bad input.
    """
    from generator.mkdocs_plugin.preflight import FactsUnavailable, facts_of
    from generator.publish.checks import offline_checks

    try:
        facts = facts_of(config_file)
    except FactsUnavailable as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    checks = offline_checks(facts)
    if online:
        from generator.publish.online import online_checks

        checks += online_checks(facts.receiver_url, facts.receiver_where, facts.site_url, timeout)
    for check in checks:
        if check.passed:
            click.echo(f"✔ {check.name}: {check.message}")
        else:
            click.echo(f"✘ {check}")
    failed = sum(not check.passed for check in checks)
    click.echo(
        f"not ready to publish: {failed} of {len(checks)} checks failed"
        if failed
        else "ready to publish"
    )
    sys.exit(1 if failed else 0)
