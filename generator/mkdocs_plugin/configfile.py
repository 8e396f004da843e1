"""Reading a site's mkdocs.yml outside a build: its config and the campaign its plugin names."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError


def read_config(config_file: Path) -> tuple[MkDocsConfig, Path | None]:
    """``config_file``'s config, and the campaign its appreciate plugin names (None: no plugin).

    Raises ValueError, naming the file, when the config cannot be read.
    """
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError, Abort) as exc:
        raise ValueError(f"{config_file}: {exc}") from None
    plugin = config.plugins.get("appreciate")
    if plugin is None:
        return config, None
    campaign: str = plugin.config.campaign
    return config, Path(config.config_file_path).parent / campaign
