"""One name in one place: the site is named after ``business.name``.

MkDocs requires ``site_name`` while it validates ``mkdocs.yml``, before any plugin is loaded;
``adapt_schema`` (run by ``startup.py`` when MkDocs imports its schema) lets a site with the
appreciate plugin leave it out, and keeps Material's end-of-life banner quiet for such sites.
The plugin's on_config then sets the name, or stops when ``mkdocs.yml`` names the shop otherwise.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import Any

from generator.model.source import display_path

BANNER_VARIABLE = "NO_MKDOCS_2_WARNING"
PLUGIN = "appreciate"


class NamedByTheCampaign(str):
    """The value of a ``site_name`` left out: the plugin puts ``business.name`` in its place."""

    __slots__ = ()


FROM_CAMPAIGN = NamedByTheCampaign("")


def names_the_plugin(plugins: Any) -> bool:
    """Whether the raw ``plugins`` setting of mkdocs.yml lists the appreciate plugin."""
    if isinstance(plugins, dict):
        return PLUGIN in plugins
    if isinstance(plugins, list | tuple):
        return any(
            item == PLUGIN or (isinstance(item, dict) and PLUGIN in item) for item in plugins
        )
    return False


def adapt_schema(defaults: ModuleType) -> None:
    """Replace ``site_name``'s option in the engine's ``MkDocsConfig`` schema (once)."""
    config_class = defaults.MkDocsConfig
    schema = dict(config_class._schema)
    if getattr(schema["site_name"], "appreciate", False):
        return
    package = defaults.__name__.rpartition(".")[0]  # mkdocs.config or properdocs.config
    option_type: Any = importlib.import_module(f"{package}.config_options").Type

    class SiteName(option_type):  # type: ignore[misc]
        """``site_name``, optional when the appreciate plugin names the site."""

        appreciate = True

        def pre_validation(self, config: Any, key_name: str) -> None:
            super().pre_validation(config, key_name)
            self.named_by_plugin = names_the_plugin(config.get("plugins"))
            if self.named_by_plugin:  # before the theme is loaded, and prints its banner
                os.environ.setdefault(BANNER_VARIABLE, "1")

        def validate(self, value: object) -> Any:
            if value is None and getattr(self, "named_by_plugin", False):
                return FROM_CAMPAIGN
            return super().validate(value)

    option = SiteName(str)
    option.required = True
    option._name = "site_name"
    config_class._schema = tuple(
        (key, option if key == "site_name" else value) for key, value in config_class._schema
    )


def name_problem(config: Any, business_name: str, where: str) -> str | None:
    """Set ``site_name`` to the shop's name; a one-line problem when mkdocs.yml differs."""
    given = config.site_name
    if isinstance(given, NamedByTheCampaign) or not given or given == business_name:
        config.site_name = business_name
        return None
    config_file = display_path_of(config)
    return (
        f"{config_file}: site_name: '{given}' is not the shop's name '{business_name}' "
        f"({where}) (hint: remove site_name from {config_file}: the shop's name is "
        "business.name, in the header, page titles, share cards and e-mails)"
    )


def display_path_of(config: Any) -> str:
    from pathlib import Path

    return display_path(Path(config.config_file_path or "mkdocs.yml"))
