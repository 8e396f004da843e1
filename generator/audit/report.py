"""The audit's findings as text (grouped by page), JSON, JUnit XML or Markdown."""

from __future__ import annotations

import json
from collections import Counter
from itertools import groupby
from xml.etree import ElementTree

from generator.audit.findings import TAGS, Finding
from generator.audit.site import AuditReport


def render(report: AuditReport, fmt: str) -> str:
    """The report in ``fmt``; a file name that is not UTF-8 shows its odd bytes as U+FFFD."""
    renderers = {"text": as_text, "json": as_json, "junit": as_junit, "markdown": as_markdown}
    text = renderers[fmt](report)
    # names read from the disk keep undecodable bytes as lone surrogates, which no file can hold
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def summary(report: AuditReport) -> str:
    counts = Counter(f.tag for f in report.findings)
    pages = len({f.page for f in report.findings})
    if not counts:
        return f"{len(report.pages)} pages checked: no findings."
    tags = ", ".join(f"{n} {tag}" for tag, n in sorted(counts.items()))
    found = f"{len(report.findings)} findings on {pages} pages"
    return f"{len(report.pages)} pages checked: {found} ({tags})."


def as_text(report: AuditReport) -> str:
    lines = []
    for page, findings in groupby(report.findings, key=lambda f: f.page):
        lines.append(page)
        for f in findings:
            where = f"{f.line}:" if f.line else "-:"
            lines.append(f"  {where:<6} {f.tag:<16} {f.target}  {f.message}")
        lines.append("")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def as_json(report: AuditReport) -> str:
    data = {
        "site": str(report.site_dir),
        "pages": len(report.pages),
        "counts": dict(sorted(Counter(f.tag for f in report.findings).items())),
        "findings": [
            {"tag": f.tag, "page": f.page, "line": f.line, "target": f.target, "message": f.message}
            for f in report.findings
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_junit(report: AuditReport) -> str:
    """One test case per page; each finding is a failure of its page's case."""
    by_page = {page: list(group) for page, group in groupby(report.findings, key=lambda f: f.page)}
    suites = ElementTree.Element("testsuites", name="appreciate check")
    suite = ElementTree.SubElement(suites, "testsuite", name="site audit")
    suite.set("tests", str(len(set(report.pages) | set(by_page))))
    suite.set("failures", str(len(by_page)))
    suite.set("errors", "0")
    for page in sorted(set(report.pages) | set(by_page)):
        case = ElementTree.SubElement(suite, "testcase", classname="site", name=page)
        for f in by_page.get(page, []):
            failure = ElementTree.SubElement(case, "failure", type=f.tag, message=_one_line(f))
            failure.text = _one_line(f)
    ElementTree.indent(suites)
    xml = ElementTree.tostring(suites, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{xml}\n'


def as_markdown(report: AuditReport) -> str:
    lines = [f"### Site audit: {summary(report)}", ""]
    if report.findings:
        lines += ["| page | line | tag | target | problem |", "| --- | --- | --- | --- | --- |"]
        for f in report.findings:
            cells = (f.page, str(f.line or ""), f"`{f.tag}`", f"`{f.target}`", f.message)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _one_line(f: Finding) -> str:
    return f"{f.page}:{f.line or '-'}: {f.tag}: {f.target}: {f.message}"


def describe_tags() -> str:
    return "\n".join(f"{tag:<16} {text}" for tag, text in TAGS.items())
