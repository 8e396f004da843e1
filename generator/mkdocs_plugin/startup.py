"""Run at interpreter start-up (``appreciate-startup.pth``): wait for MkDocs' configuration.

It only registers an import hook; when MkDocs (or ProperDocs) imports its configuration schema,
``site_name.adapt_schema`` lets a site with the appreciate plugin leave ``site_name`` out (the
plugin names the site after ``business.name``) and keeps Material's end-of-life banner quiet.
Both must happen before ``mkdocs.yml`` is validated, which is before any plugin is loaded.
Nothing here imports MkDocs: processes that never use it pay one cheap name comparison per import.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

SCHEMAS = frozenset({"mkdocs.config.defaults", "properdocs.config.defaults"})


class _AdaptAfterLoading(importlib.abc.Loader):
    """Runs the real loader, then adapts the schema it defined."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self.loader.create_module(spec)
        return created

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        from generator.mkdocs_plugin.site_name import adapt_schema

        adapt_schema(module)


class _SchemaFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in SCHEMAS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _AdaptAfterLoading(spec.loader)
        return spec


def install() -> None:
    """Register the hook once; adapt a schema that is already imported."""
    if not any(isinstance(finder, _SchemaFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SchemaFinder())
    for name in SCHEMAS:
        if name in sys.modules:
            from generator.mkdocs_plugin.site_name import adapt_schema

            adapt_schema(sys.modules[name])


install()
