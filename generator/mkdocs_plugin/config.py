"""Options of the ``appreciate`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from generator.audit.limits import IMAGE_LIMITS


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

    audit = c.Type(bool, default=False)
    """Audit the built site after every build; findings are warnings, so ``--strict`` fails.
    ``appreciate build`` always audits."""

    audit_ignore = c.ListOfItems(c.Type(str), default=[])
    """Rules ``TAG`` or ``TAG:GLOB`` of findings not to report."""

    audit_stretch_tolerance = c.Type(float, default=IMAGE_LIMITS.stretch_tolerance)
    audit_max_upscale = c.Type(float, default=IMAGE_LIMITS.max_upscale)
    audit_max_image_kb = c.Type(int, default=IMAGE_LIMITS.max_image_kb)
