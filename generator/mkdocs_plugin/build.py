"""``appreciate build``: a MkDocs build that replaces the site folder only on success."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

import generator.mkdocs_plugin.startup  # noqa: F401  (mkdocs.yml may leave out site_name)
from generator.errors import AppreciateError
from generator.mkdocs_plugin.configfile import read_config
from generator.mkdocs_plugin.plugin import AppreciatePlugin, CampaignInputError
from generator.mkdocs_plugin.preflight import NotReadyToPublish
from generator.staging import staged_site


class BuildFailed(AppreciateError):
    """The build stopped; the previous site is untouched. ``exit_code`` 2 means bad input."""


def build_site(
    config_file: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    preview: bool = False,
) -> Path:
    """Build the site of ``config_file``; return the site folder it replaced.

    ``preview`` builds a site that is not ready to publish, with warnings (as ``mkdocs serve``).
    """
    try:
        config = load_config(str(config_file), strict=strict)
    except ConfigurationError as exc:
        raise BuildFailed(f"{config_file}: {exc}", 2) from None
    except (OSError, Abort) as exc:
        raise BuildFailed(f"{config_file}: {exc}", 2) from None
    plugin = config.plugins.get("appreciate")
    if isinstance(plugin, AppreciatePlugin):
        plugin.config.audit = True  # the build always ends with the audit
        plugin.publishing = not preview
    target = site_dir or Path(config.site_dir)
    try:
        with staged_site(target) as staging:
            config["site_dir"] = str(staging)
            build(config)
    except Abort as exc:
        cause = exc.__context__
        if isinstance(cause, CampaignInputError | AppreciateError | NotReadyToPublish):
            raise BuildFailed(f"build stopped; {target} was kept as it was", 2) from None
        raise BuildFailed(f"{str(exc).rstrip('!')}; {target} was kept as it was", 1) from None
    return target


def campaign_of(config_file: Path) -> Path:
    """The campaign file that ``config_file``'s appreciate plugin names; ValueError if none."""
    _, campaign = read_config(config_file)
    if campaign is None:
        raise ValueError(f"{config_file}: no appreciate plugin (hint: pass --campaign FILE)")
    return campaign
