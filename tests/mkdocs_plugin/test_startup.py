"""The start-up hook: when MkDocs imports its configuration schema, site_name is adapted."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from types import ModuleType

import mkdocs.config
import mkdocs.config.defaults

from generator.mkdocs_plugin.startup import _AdaptAfterLoading, _SchemaFinder, install

DEFAULTS = "mkdocs.config.defaults"


def adapted(module: ModuleType) -> bool:
    return bool(getattr(dict(module.MkDocsConfig._schema)["site_name"], "appreciate", False))


def fresh(spec: importlib.machinery.ModuleSpec) -> ModuleType:
    """A new copy of the module ``spec`` finds, loaded by its loader, outside sys.modules."""
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_hook_is_registered_once() -> None:
    install()
    install()
    assert sum(isinstance(finder, _SchemaFinder) for finder in sys.meta_path) == 1


def test_a_schema_imported_before_the_hook_is_adapted_by_install() -> None:
    install()
    assert adapted(mkdocs.config.defaults)


def test_the_finder_wraps_only_the_engines_schemas() -> None:
    finder = _SchemaFinder()
    assert finder.find_spec("json", None) is None
    assert finder.find_spec("mkdocs.config.base", mkdocs.config.__path__) is None
    spec = finder.find_spec(DEFAULTS, mkdocs.config.__path__)
    assert spec is not None and isinstance(spec.loader, _AdaptAfterLoading)


def test_loading_through_the_hook_adapts_what_a_plain_load_does_not() -> None:
    plain = importlib.machinery.PathFinder.find_spec(DEFAULTS, mkdocs.config.__path__)
    assert plain is not None
    assert not adapted(fresh(plain))
    hooked = _SchemaFinder().find_spec(DEFAULTS, mkdocs.config.__path__)
    assert hooked is not None
    assert adapted(fresh(hooked))
