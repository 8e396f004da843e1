"""Options of the ``appreciate`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AppreciateConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off, e.g. for a plain build of the marketer's pages."""

    campaign = c.Type(str, default="campaigns/campaign.yaml")
    """The campaign file, relative to ``mkdocs.yml``."""

    cache = c.Type(bool, default=True)
    """Keep the rendered pages between builds; they are rendered again when an input changes."""

    cache_dir = c.Type(str, default=".cache/appreciate")
    """Where the cache lives, relative to ``mkdocs.yml``."""

    today = c.Optional(c.Type(str))
    """Build as if on this day (YYYY-MM-DD); default: today in the business's time zone,
    or $APPRECIATE_TODAY."""
