"""``appreciate build``, ``new`` and ``check``: the site and its audit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.audit import limits
from generator.audit.findings import FORMATS, IgnoreRule
from generator.audit.limits import IMAGE_LIMITS, ImageLimits
from generator.cli.main import CONFIG_FILE_OPTION, log_to_stderr, main


@main.command("build")
@CONFIG_FILE_OPTION
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the site goes (default: site_dir of mkdocs.yml).",
)
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings.")
@click.option(
    "--preview",
    is_flag=True,
    help="A site to look at, not to publish: preflight problems are warnings.",
)
@click.option("--today", metavar="YYYY-MM-DD", help="Build as if on this day.")
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def build_command(
    config_file: Path,
    site_dir: Path | None,
    strict: bool,
    preview: bool,
    today: str | None,
    verbose: bool,
) -> None:
    """Build the site; the previous site is replaced only when the build succeeds."""
    from generator.mkdocs_plugin.build import build_site
    from generator.pages.build_day import TODAY_VARIABLE

    log_to_stderr(verbose)
    if today:
        os.environ[TODAY_VARIABLE] = today
    target = build_site(config_file, site_dir=site_dir, strict=strict, preview=preview)
    click.echo(f"Site built in {target}", err=True)


@main.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Shop", show_default=True, help="The shop's name.")
@click.option(
    "--url",
    default="https://yourshop.invalid/",
    show_default=True,
    help="The address the site will be published at (site_url).",
)
@click.option(
    "--languages",
    default="en",
    show_default=True,
    metavar="en,es,id",
    help="The site's languages, the main one first.",
)
def new_command(directory: Path, name: str, url: str, languages: str) -> None:
    """Create a starter project in DIRECTORY that builds as it is and explains itself."""
    from generator.scaffold import create_project

    chosen = tuple(part.strip() for part in languages.split(",") if part.strip())
    created = create_project(directory, name=name, url=url, languages=chosen)
    for path in created:
        click.echo(f"created {path}")
    click.echo(
        f"\nNext: cd {directory} && mkdocs serve   (a preview at http://127.0.0.1:8000/)\n"
        "Edit campaigns/campaign.yaml: every field says what it is. Before publishing, set "
        "site_url in mkdocs.yml and receiver.url in the campaign; appreciate preflight lists "
        "what is left."
    )


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
    default=IMAGE_LIMITS.stretch_tolerance,
    show_default=True,
    help="Allowed ratio difference for stretched-image.",
)
@click.option(
    "--max-upscale",
    type=click.FloatRange(1),
    default=IMAGE_LIMITS.max_upscale,
    show_default=True,
    help="oversized-image: intrinsic pixels over this many times the shown size.",
)
@click.option(
    "--max-image-kb",
    type=click.IntRange(1),
    default=IMAGE_LIMITS.max_image_kb,
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
    default=Path(limits.EXTERNAL_CACHE),
    show_default=True,
    help="Answers of external URLs, reused until they expire.",
)
@click.option(
    "--external-cache-hours",
    type=click.FloatRange(0),
    default=limits.EXTERNAL_CACHE_HOURS,
    show_default=True,
    help="How long a cached answer stays valid.",
)
@click.option(
    "--external-timeout",
    type=click.FloatRange(0.1),
    default=limits.EXTERNAL_TIMEOUT,
    show_default=True,
    help="Seconds to wait for one external URL.",
)
@click.option(
    "--external-per-host",
    type=click.IntRange(1),
    default=limits.EXTERNAL_PER_HOST,
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
    rules = _ignore_rules(ignores)
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
    _write_report(render(report, fmt), output)
    sys.exit(1 if report.findings else 0)


def _ignore_rules(ignores: tuple[str, ...]) -> tuple[IgnoreRule, ...]:
    """The --ignore rules; a bad one is a usage error."""
    try:
        return tuple(IgnoreRule.parse(rule) for rule in ignores)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def _write_report(text: str, output: Path | None) -> None:
    """To --output (its folder made if needed), else to standard output."""
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
