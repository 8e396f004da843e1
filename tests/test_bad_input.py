"""Each kind of bad input → its exact one-line message, exit code 2, and the old site kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteFactory, appreciate, replace_line

CAMPAIGN = "campaigns/campaign.yaml"
RETURNS = "campaigns/returns.yaml"

# (file, line as written, bad line, expected message; {line} is the bad line's number)
CASES = {
    "yaml-syntax": (
        CAMPAIGN,
        "tagline: Thank you for shopping with us.",
        "tagline: Thank you: for shopping",
        "{file}:{line}:19: YAML syntax: mapping values are not allowed here "
        "(hint: a value that contains ': ' must be in quotes)",
    ),
    "yaml-tab": (
        CAMPAIGN,
        "  address: Calle Mayor 1, Madrid",
        "\taddress: Calle Mayor 1, Madrid",
        "{file}:{line}:1: a tab character: indent with spaces "
        "(hint: set your editor to insert spaces for Tab)",
    ),
    "duplicate-key": (
        CAMPAIGN,
        "  address: Calle Mayor 1, Madrid",
        "  email: again@shop.example",
        "{file}:{line}: business.email: key appears twice "
        "(hint: keep one of them; YAML would silently use the last)",
    ),
    "unknown-key": (
        CAMPAIGN,
        '  primary: "#1f5f8b"',
        '  primray: "#1f5f8b"',
        "{file}:{line}: brand.primray: unknown field (hint: did you mean 'primary'?)",
    ),
    "missing-field": (
        CAMPAIGN,
        "  currency: EUR",
        "",
        "{file}:4: business.currency: is required (hint: add 'currency:' to business)",
    ),
    "percent-range": (
        CAMPAIGN,
        "    percent: 15",
        "    percent: 150",
        "{file}:{line}: offers[0].percent: must be between 1 and 100 "
        "(hint: the percentage off, e.g. 15)",
    ),
    "end-before-start": (
        CAMPAIGN,
        "  end: 2026-11-30",
        "  end: 2026-10-01",
        "{file}:{line}: dates.end: must be after the start date "
        "(hint: the campaign starts 2026-11-01)",
    ),
    "bad-date": (
        CAMPAIGN,
        "  start: 2026-11-01",
        "  start: 1st November",
        "{file}:{line}: dates.start: must be a date like 2026-11-01 "
        "(hint: write dates as YYYY-MM-DD)",
    ),
    "unknown-offer-kind": (
        CAMPAIGN,
        "  - kind: gift_with_next_order",
        "  - kind: gift_with_next_ordr",
        "{file}:{line}: offers[2].kind: unknown kind 'gift_with_next_ordr' "
        "(hint: did you mean 'gift_with_next_order'?)",
    ),
    "percent-and-amount": (
        CAMPAIGN,
        "    min_order: 40",
        "    amount: 40",
        "{file}:27: offers[0].percent: give exactly one of 'percent' or 'amount' "
        "(hint: percent: 15 for 15 % off, amount: 50000 for a fixed discount)",
    ),
    "code-expires-early": (
        CAMPAIGN,
        "    expires: 2026-12-31",
        "    expires: 2026-11-15",
        "{file}:{line}: offers[0].expires: expires before the campaign ends "
        "(hint: the campaign ends 2026-11-30; let codes live at least that long)",
    ),
    "bad-colour": (
        CAMPAIGN,
        '  accent: "#f2a541"',
        "  accent: brownish",
        "{file}:{line}: brand.accent: 'brownish' is not a colour (hint: did you mean 'brown'? "
        "Or write '#rgb' or '#rrggbb', like '#6b3e26', or a CSS colour name like 'teal')",
    ),
    "bad-email": (
        CAMPAIGN,
        "  email: hola@shop.example",
        "  email: hola-shop",
        "{file}:{line}: business.email: 'hola-shop' is not an e-mail address "
        "(hint: like hello@example.com)",
    ),
    "bad-phone": (
        CAMPAIGN,
        '  phone: "+34 912 345 678"',
        '  phone: "12"',
        "{file}:{line}: business.phone: '12' is not a phone number "
        "(hint: write it with the country code, like '+62 21 5550 1234')",
    ),
    "yaml-reads-no-as-false": (
        CAMPAIGN,
        "  country: ES",
        "  country: NO",
        "{file}:{line}: business.country: must be text "
        "(hint: put it in quotes: YAML reads yes/no/on/off as true/false)",
    ),
    "bad-currency": (
        CAMPAIGN,
        "  currency: EUR",
        "  currency: EUX",
        "{file}:{line}: business.currency: 'EUX' is not an ISO 4217 currency code "
        "(hint: did you mean 'EUR'?)",
    ),
    "bad-time-zone": (
        CAMPAIGN,
        "  time_zone: Europe/Madrid",
        "  time_zone: Europe/Madird",
        "{file}:{line}: business.time_zone: 'Europe/Madird' is not a time zone "
        "(hint: did you mean 'Europe/Madrid'?)",
    ),
    "unquoted-time": (
        CAMPAIGN,
        '      opens: "09:00"',
        "      opens: 9:00",
        '{file}:{line}: business.opening_hours[0].opens: must be a time like "09:30" '
        "(hint: put the time in quotes)",
    ),
    "closes-before-opens": (
        CAMPAIGN,
        '      closes: "18:00"',
        '      closes: "08:00"',
        "{file}:{line}: business.opening_hours[0].closes: must be after 'opens' "
        "(hint: use 24-hour times)",
    ),
    "bad-weekdays": (
        CAMPAIGN,
        "    - days: mon-fri",
        "    - days: monday-fri",
        "{file}:{line}: business.opening_hours[0].days: 'monday-fri' is not a list of weekdays "
        "(hint: write a range or list like 'mon-fri' or 'sat,sun')",
    ),
    "one-choice": (
        CAMPAIGN,
        "      choices: [Products, Service]",
        "      choices: [Products]",
        "{file}:{line}: survey.questions[1].choices: a single_choice question needs at least "
        "2 choices (hint: add another choice)",
    ),
    "duplicate-question-id": (
        CAMPAIGN,
        "    - id: why",
        "    - id: recommend",
        "{file}:{line}: survey.questions[2].id: question id 'recommend' is used twice "
        "(hint: give each question its own id)",
    ),
    "reserved-question-id": (
        CAMPAIGN,
        "    - id: why",
        "    - id: email",
        "{file}:{line}: survey.questions[2].id: 'email' is a name the form uses itself "
        "(hint: try 'email_answer')",
    ),
    "unknown-channel": (
        CAMPAIGN,
        "  channels: [form, phone, email]",
        "  channels: [form, phone, fax]",
        "{file}:{line}: complaints.channels[2]: 'fax' is not allowed "
        "(hint: use one of: form, phone, email)",
    ),
    "not-a-number": (
        CAMPAIGN,
        "  response_hours: 48",
        "  response_hours: two days",
        "{file}:{line}: complaints.response_hours: must be a whole number "
        "(hint: write digits only, like 24)",
    ),
    "returns-file-missing": (
        CAMPAIGN,
        "returns_policy: returns.yaml",
        "returns_policy: return.yaml",
        "{file}:{line}: returns_policy: file 'return.yaml' not found "
        "(hint: the path is relative to campaigns/campaign.yaml)",
    ),
    "logo-missing": (
        CAMPAIGN,
        "  logo: assets/logo.svg",
        "  logo: assets/logo.png",
        "{file}:{line}: brand.logo: file 'assets/logo.png' not found "
        "(hint: the path is relative to the docs folder content)",
    ),
    "returns-misspelt-choice": (
        RETURNS,
        "refund_method: store_credit",
        "refund_method: store-credit",
        "{file}:{line}: refund_method: 'store-credit' is not allowed "
        "(hint: did you mean 'store_credit'?)",
    ),
    "returns-window-range": (
        RETURNS,
        "window_days: 30",
        "window_days: 400",
        "{file}:{line}: window_days: must be between 1 and 365 "
        "(hint: days after delivery a customer may return, e.g. 30)",
    ),
}


def with_old_site(root: Path) -> Path:
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    return site


def error_lines(stderr: str) -> list[str]:
    return [line.removeprefix("ERROR   -  ") for line in stderr.splitlines() if "ERROR" in line]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_one_line_exit_2_and_keeps_the_site(
    site_factory: SiteFactory, case: tuple[str, str, str, str]
) -> None:
    file, old, new, expected = case
    root = site_factory()
    site = with_old_site(root)
    line = replace_line(root / file, old, new)

    result = appreciate("build", cwd=root)

    assert result.returncode == 2, result.stderr
    assert error_lines(result.stderr) == [expected.format(file=file, line=line)]
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not list(root.glob(".site-*")), "the staging folder was left behind"


def test_every_problem_of_both_files_is_listed(site_factory: SiteFactory) -> None:
    root = site_factory()
    percent = replace_line(root / CAMPAIGN, "    percent: 15", "    percent: 0")
    colour = replace_line(root / CAMPAIGN, '  accent: "#f2a541"', "  accent: bluish")
    window = replace_line(root / RETURNS, "window_days: 30", "window_days: 0")

    result = appreciate("build", cwd=root)

    assert result.returncode == 2
    assert [line.split(": ")[0] for line in error_lines(result.stderr)] == [
        f"{CAMPAIGN}:{colour}",
        f"{CAMPAIGN}:{percent}",
        f"{RETURNS}:{window}",
    ]


def test_empty_campaign_file(site_factory: SiteFactory) -> None:
    root = site_factory({CAMPAIGN: ""})
    result = appreciate("build", cwd=root)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [
        f"{CAMPAIGN}:1: file is empty (hint: see docs/campaign.md for an example)"
    ]


def test_campaign_file_not_found(site_factory: SiteFactory) -> None:
    root = site_factory({CAMPAIGN: None})
    result = appreciate("build", cwd=root)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [f"{CAMPAIGN}: file not found"]


def test_bad_build_day_is_named(site_factory: SiteFactory) -> None:
    root = site_factory()
    result = appreciate("build", "--today", "25/11/2026", cwd=root)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [
        "$APPRECIATE_TODAY: '25/11/2026' is not a date (hint: write it as YYYY-MM-DD)"
    ]


def test_broken_mkdocs_yml_is_exit_2(site_factory: SiteFactory) -> None:
    root = site_factory({"mkdocs.yml": "site_name: [unclosed\n"})
    result = appreciate("build", cwd=root)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("Error: mkdocs.yml:")
