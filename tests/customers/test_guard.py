"""The privacy guard: a leak through a marketer's page refuses the build and keeps the old site."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from generator.customers.guard import guard_site
from generator.customers.private import GuardedList
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


def first_code(shop_import: Path) -> str:
    with shop_import.open() as handle:
        return next(csv.DictReader(handle))["code"]


def leak_code(demo: Path, code: str) -> None:
    page = demo / "content" / "our-story.md"
    page.write_text(page.read_text() + f"\nUse code {code} today.\n")


KEY = {"APPRECIATE_CODE_KEY": "demo-key-for-the-test-suite"}


def test_an_issued_code_on_a_page_is_a_leak(demo: Path) -> None:
    assert appreciate("codes", cwd=demo, **KEY).returncode == 0
    leak_code(demo, first_code(demo / "private" / "out" / "shop-import.csv"))
    result = appreciate("build", cwd=demo, **KEY)
    assert result.returncode == 2
    assert "our-story/index.html: shows a customer's personal code" in result.stderr


def test_a_code_written_elsewhere_with_out_is_still_a_leak(demo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert appreciate("codes", "--out", str(elsewhere), cwd=demo, **KEY).returncode == 0
    assert not (demo / "private" / "out").exists()
    leak_code(demo, first_code(elsewhere / "shop-import.csv"))

    # the key derives every customer's code; without the record
    shutil.rmtree(demo / "private" / "issued")
    result = appreciate("build", cwd=demo, **KEY)
    assert result.returncode == 2
    assert "our-story/index.html: shows a customer's personal code" in result.stderr
    assert (demo / "site" / "index.html").read_text() == "the previous site"


def test_the_record_of_issued_codes_is_enough_without_the_key(demo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    options = ("--out", str(elsewhere), "--key-file", str(elsewhere / "code.key"))
    assert appreciate("codes", *options, cwd=demo, CI="").returncode == 0
    record = (demo / "private" / "issued" / "appreciation-2026.sha256").read_text()
    code = first_code(elsewhere / "shop-import.csv")
    assert code not in record  # digests only: the record gives no code away
    leak_code(demo, code)
    result = appreciate("build", cwd=demo, CI="", APPRECIATE_CODE_KEY="")
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


def small_list(path: Path, *people: tuple[str, str, str]) -> GuardedList:
    """A Shopify-style customer list of ``(first, last, email)``; the guard's settings for it."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, restval="")
        writer.writeheader()
        for first, last, email in people:
            writer.writerow({"First Name": first, "Last Name": last, "Email": email})
    return GuardedList(file=str(path), format="shopify")


def test_files_found_clean_are_not_searched_again_until_the_list_changes(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache" / "guard.json"
    (site / "story").mkdir(parents=True)
    (site / "story" / "index.html").write_text("<p>Thank you, Ada Lovelace!</p>")
    (site / "index.html").write_text("<p>Welcome</p>")
    no_codes = tmp_path  # no key and no record of issued codes there
    before = small_list(tmp_path / "before.csv", ("Jamie", "Jones", "jamie@example.net"))

    assert guard_site(before, site, no_codes, cache_file=cache) == []
    assert len(json.loads(cache.read_text())["clean"]) == 2  # both pages, by their bytes

    # the same bytes, but now Ada is a customer: the cached verdict must not hold
    after = small_list(tmp_path / "after.csv", ("Ada", "Lovelace", "ada@example.net"))
    leaks = guard_site(after, site, no_codes, cache_file=cache)
    assert [str(leak) for leak in leaks] == ["story/index.html: shows a customer's full name"]

    # a page that changes is searched again, whatever was clean before
    (site / "index.html").write_text("<p>Write to ada@example.net</p>")
    leaks = guard_site(after, site, no_codes, cache_file=cache)
    assert {leak.page for leak in leaks} == {"index.html", "story/index.html"}
    assert guard_site(after, site, no_codes) == leaks  # the same verdicts without the cache
    assert json.loads(cache.read_text())["clean"] == []  # only this site's clean files are kept
