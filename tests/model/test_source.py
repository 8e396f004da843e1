from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.model.errors import InputError, Problem, did_you_mean, field_path
from generator.model.source import load_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_of_nested_keys_values_and_list_items(tmp_path: Path) -> None:
    doc = load_yaml(
        write(
            tmp_path,
            "name: Shop\noffers:\n  - kind: a\n    percent: 5\n  - kind: b\n"
            "map:\n  inner:\n    x: 1\n",
        )
    )
    assert doc.line_of(("name",)) == 1
    assert doc.line_of(("offers", 0, "percent")) == 4
    assert doc.line_of(("offers", 1)) == 5
    assert doc.line_of(("map", "inner", "x")) == 8
    assert doc.line_of(("map", "inner"), key=True) == 7
    # an absent field is placed at its nearest written parent
    assert doc.line_of(("offers", 1, "missing")) == 5
    assert doc.line_of(("nowhere", "at", "all")) == 1


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, "a: 1\nb:\n  c: 1\n  c: 2\n"))
    assert [p.line for p in caught.value.problems] == [4]
    assert caught.value.problems[0].field == "b.c"


def test_syntax_error_has_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"))
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.message.startswith("YAML syntax:")


def test_a_list_at_the_top_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="must be a mapping"):
        load_yaml(write(tmp_path, "- a\n- b\n"))


def test_not_utf8_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes("name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="save the file as UTF-8"):
        load_yaml(path)


def test_problem_and_path_formatting() -> None:
    assert field_path(("offers", 1, "percent")) == "offers[1].percent"
    assert field_path(()) == ""
    assert (
        str(Problem("c.yaml", 3, "a.b", "is wrong", "fix it"))
        == "c.yaml:3: a.b: is wrong (hint: fix it)"
    )
    assert str(Problem("c.yaml", None, "", "file not found")) == "c.yaml: file not found"
    assert did_you_mean("primray", ["primary", "accent"]) == "did you mean 'primary'?"
    assert did_you_mean("zzz", ["primary", "accent"]) is None


def test_a_tab_is_named_with_its_column(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, "business:\n  name: Shop\n\tcountry: ID\n"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 1)
    assert str(problem).endswith(
        "c.yaml:3:1: a tab character: indent with spaces "
        "(hint: set your editor to insert spaces for Tab)"
    )


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        ("a: b: c\n", ":1:5:", "a value that contains ': ' must be in quotes"),
        ("a: *x\n", ":1:4:", "a value that starts with '*' or '&' must be in quotes"),
        ("a:\n  b: 1\n c: 2\n", ":3:2:", "indented alike, with spaces"),
    ],
)
def test_syntax_errors_give_line_column_and_a_hint(
    tmp_path: Path, text: str, where: str, hint: str
) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(write(tmp_path, text))
    line = str(caught.value)
    assert where in line and "YAML syntax: " in line and line.endswith(f"{hint})")


def test_a_date_that_is_no_real_day_stays_text_for_its_field_to_name(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("dates:\n  start: 2026-11-01\n  end: 2026-13-40\n", encoding="utf-8")
    doc = load_yaml(path)
    assert doc.data["dates"] == {"start": date(2026, 11, 1), "end": "2026-13-40"}
    assert doc.line_of(("dates", "end")) == 3
