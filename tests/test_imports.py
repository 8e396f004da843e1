"""The package's import graph: no cycle between modules, and ``model`` at the bottom.

Every import counts, those inside functions and under ``TYPE_CHECKING`` too: a cycle hidden in a
function still ties two modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent
BOTTOM = "generator.model"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path) -> Iterator[str]:
    """The package's modules that ``path`` imports, anywhere in its code."""
    known = modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            # ``from generator.pages import formatting`` imports the module formatting
            targets = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
            targets = [t for t in targets if t in known][:1] or [node.module]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("generator"):
                yield target


@cache
def graph() -> dict[str, frozenset[str]]:
    return {
        name: frozenset(t for t in imported(path) if t != name) for name, path in modules().items()
    }


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert cycles(edges) == [["a", "b", "c"]]


def test_imports_inside_functions_are_read() -> None:
    # the plugin's checks import the guard only when a build has a customer list
    assert "generator.customers.guard" in graph()["generator.mkdocs_plugin.checks"]


def test_no_module_imports_itself_back() -> None:
    assert cycles(graph()) == []


def room(module: str) -> str:
    """``generator.pages.site`` → ``pages``; the top-level modules (i18n, staging) → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (PACKAGE / parts[-1]).is_dir() else ""


def rooms_imported(where: str) -> set[tuple[str, str]]:
    """(module, imported module) for each import from the room ``where`` into another room."""
    return {
        (name, target)
        for name, targets in graph().items()
        if room(name) == where
        for target in targets
        if room(target) not in ("", where)
    }


def test_the_model_imports_no_other_room() -> None:
    assert room("generator.model.campaign") == "model" and room("generator.i18n") == ""
    assert rooms_imported("model") == set()


def test_the_shared_top_level_modules_sit_below_every_room() -> None:
    # i18n and staging are imported by the model itself, so they import no room;
    # ``python -m generator`` is the one entry point above them all
    assert rooms_imported("") == {("generator.__main__", "generator.cli.main")}


def entry_point(name: str) -> bool:
    """A module run as a program (``python -m``): it may start the CLI, above every room."""
    return name == "generator.__main__" or 'if __name__ == "__main__":' in modules()[
        name
    ].read_text(encoding="utf-8")


def test_the_rooms_form_layers() -> None:
    rooms: dict[str, set[str]] = {}
    for name, targets in graph().items():
        if entry_point(name):
            continue
        rooms.setdefault(room(name), set()).update(
            room(t) for t in targets if room(t) != room(name)
        )
    assert cycles({name: frozenset(targets) for name, targets in rooms.items()}) == []
