"""`make demo` installs what the demo needs; the test tools come with `make test`."""

from __future__ import annotations

import subprocess

from tests.conftest import REPO


def planned(target: str) -> str:
    """The commands ``make`` would run for ``target`` from scratch (``-n -B``: nothing runs)."""
    return subprocess.run(
        ["make", "-n", "-B", target], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


def test_demo_installs_appreciate_without_the_test_tools() -> None:
    demo = planned("demo")
    assert "pip install --quiet -e .\n" in demo
    assert "[dev]" not in demo
    assert 'echo "Creating .venv/ and installing Appreciate' in demo  # says what it does
    assert "appreciate build --strict" in demo


def test_test_installs_the_dev_tools_then_runs_the_suite() -> None:
    test = planned("test")
    assert "pip install --quiet -e '.[dev]'" in test
    assert test.index("[dev]") < test.index("pytest -n auto")
    assert "touch .venv/.dev-tools" in test
