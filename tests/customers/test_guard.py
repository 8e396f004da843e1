"""The privacy guard: a leak through a marketer's page refuses the build and keeps the old site."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, appreciate

SAMPLE = REPO / "campaigns" / "customers-sample.csv"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    for name in ("campaigns", "content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    return root


def customer(index: int = 0) -> dict[str, str]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))[index]


@pytest.mark.parametrize(
    ("shown", "kind"),
    [
        (lambda c: f"Write to {c['Email']}!", "e-mail address"),
        (lambda c: f"Call {c['Phone'].replace('+44 20', '020')}.", "phone number"),
        (lambda c: f"Congratulations, {c['First Name']} {c['Last Name']}!", "full name"),
    ],
    ids=["e-mail", "phone", "full name"],
)
def test_a_leak_in_a_marketers_page_refuses_the_build(demo: Path, shown, kind: str) -> None:  # type: ignore[no-untyped-def]
    person = customer()
    page = demo / "content" / "our-story.md"
    page.write_text(page.read_text() + "\n" + shown(person) + "\n")

    result = appreciate("build", cwd=demo)

    assert result.returncode == 2
    assert (
        f"our-story/index.html: shows a customer's {kind} from the customer list" in result.stderr
    )
    for value in (person["Email"], person["Phone"], person["Last Name"]):
        assert value not in result.stderr  # names the page and the kind, never the value
    assert (demo / "site" / "index.html").read_text() == "the previous site"


def test_an_issued_code_on_a_page_is_a_leak(demo: Path) -> None:
    env = {"APPRECIATE_CODE_KEY": "demo-key-for-the-test-suite"}
    assert appreciate("codes", cwd=demo, **env).returncode == 0
    with (demo / "private" / "out" / "shop-import.csv").open() as handle:
        code = next(csv.DictReader(handle))["code"]
    page = demo / "content" / "our-story.md"
    page.write_text(page.read_text() + f"\nUse code {code} today.\n")
    result = appreciate("build", cwd=demo, **env)
    assert result.returncode == 2
    assert "our-story/index.html: shows a customer's personal code" in result.stderr


def test_the_demo_wall_shows_only_first_names_and_cities_of_opted_in_customers(demo: Path) -> None:
    assert appreciate("build", "--strict", cwd=demo).returncode == 0
    wall = (demo / "site" / "thank-you" / "index.html").read_text()
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    emails = {r["Email"].lower() for r in rows}
    # a customer is on the wall only when every one of their rows opted in
    opted = {
        e
        for e in emails
        if all("thank-you-wall" in r["Tags"] for r in rows if r["Email"].lower() == e)
    }
    assert opted, "the sample should have customers on the wall"
    for row in rows:
        assert row["Email"] not in wall and row["Phone"] not in wall
        assert f"{row['First Name']} {row['Last Name']}" not in wall
    assert wall.count('class="appreciate-wall__card"') == len(opted)
