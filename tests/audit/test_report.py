from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from generator.audit.findings import Finding
from generator.audit.report import render
from generator.audit.site import AuditReport

REPORT = AuditReport(
    Path("site"),
    ["a.html", "b/index.html", "c.html"],
    [
        Finding("broken-link", "a.html", "x/", "x/index.html not found", line=3),
        Finding("missing-alt", "a.html", "p.png", "no alt attribute", line=7),
        Finding("bad-tel", "b/index.html", "tel:1|2", "'1|2' has no country code", line=None),
    ],
)


def test_text_groups_findings_by_page_with_lines() -> None:
    assert render(REPORT, "text") == (
        "a.html\n"
        "  3:     broken-link      x/  x/index.html not found\n"
        "  7:     missing-alt      p.png  no alt attribute\n"
        "\n"
        "b/index.html\n"
        "  -:     bad-tel          tel:1|2  '1|2' has no country code\n"
        "\n"
        "3 pages checked: 3 findings on 2 pages (1 bad-tel, 1 broken-link, 1 missing-alt).\n"
    )


def test_json_has_counts_and_every_finding() -> None:
    data = json.loads(render(REPORT, "json"))
    assert data["pages"] == 3
    assert data["counts"] == {"bad-tel": 1, "broken-link": 1, "missing-alt": 1}
    assert data["findings"][0] == {
        "tag": "broken-link",
        "page": "a.html",
        "line": 3,
        "target": "x/",
        "message": "x/index.html not found",
    }


def test_junit_has_a_case_per_page_and_a_failure_per_finding() -> None:
    suite = ElementTree.fromstring(render(REPORT, "junit")).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    cases = {case.get("name"): [f.get("type") for f in case.findall("failure")] for case in suite}
    assert cases == {
        "a.html": ["broken-link", "missing-alt"],
        "b/index.html": ["bad-tel"],
        "c.html": [],
    }


def test_markdown_table_escapes_pipes() -> None:
    text = render(REPORT, "markdown")
    assert text.startswith("### Site audit: 3 pages checked: 3 findings on 2 pages")
    assert "| b/index.html |  | `bad-tel` | `tel:1\\|2` | '1\\|2' has no country code |" in text


def test_a_clean_report() -> None:
    clean = AuditReport(Path("site"), ["a.html"])
    assert render(clean, "text") == "1 pages checked: no findings.\n"
    assert json.loads(render(clean, "json"))["findings"] == []
