"""What the plugin checks once the whole site is built: the customers' privacy, and the audit."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from generator.audit.findings import IgnoreRule
from generator.errors import AppreciateError
from generator.mkdocs_plugin.config import AppreciateConfig
from generator.mkdocs_plugin.state import BuildState

log = get_plugin_logger("appreciate")


class PrivacyLeak(AppreciateError):
    """The built site shows a customer's private data."""


def refuse_leaks(state: BuildState, site_dir: Path) -> None:
    """Raise ``PrivacyLeak`` if the site shows anything private of the customer list."""
    guarded = state.bundle.guard
    if guarded is None:
        return
    from generator.customers.guard import guard_site

    cache = state.cache_dir / "guard.json" if state.cache_dir else None
    leaks = guard_site(guarded, site_dir, state.root, state.theme_files, cache)
    if leaks:
        raise PrivacyLeak(
            "\n".join(f"{leak} from the customer list" for leak in leaks)
            + "\nthe site is refused (hint: remove the customer's details from the page's "
            "Markdown in content/, or from the campaign)"
        )


def audit_built_site(
    config: MkDocsConfig, options: AppreciateConfig, rules: tuple[IgnoreRule, ...]
) -> None:
    """Audit ``site_dir``: each finding a warning (``--strict`` fails on them), then a summary."""
    from generator.audit.limits import ImageLimits
    from generator.audit.report import summary
    from generator.audit.site import AuditOptions, audit_site

    limits = ImageLimits(
        options.audit_stretch_tolerance,
        options.audit_max_upscale,
        options.audit_max_image_kb * 1000,
    )
    report = audit_site(Path(config.site_dir), AuditOptions(config.site_url, limits, rules))
    for f in report.findings:
        log.warning(f"{f.page}:{f.line or '-'}: {f.tag}: {f.target}: {f.message}")
    log.info(f"audit: {summary(report)}")
