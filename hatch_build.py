"""Hatch build hook: ``appreciate-startup.pth`` goes into site-packages, editable installs too.

The .pth registers the import hook of ``generator/mkdocs_plugin/startup.py`` at start-up, so
``mkdocs build`` reads a mkdocs.yml without site_name and starts without Material's banner.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

STARTUP = "generator/mkdocs_plugin/appreciate-startup.pth"


class StartupHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        key = "force_include_editable" if version == "editable" else "force_include"
        build_data[key][STARTUP] = "appreciate-startup.pth"
