"""``appreciate check``: the default audit, plus external links and the browser when asked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.audit.external import answer_for, check_urls
from generator.audit.findings import Finding, not_ignored
from generator.audit.site import AuditOptions, AuditReport, audit_site, with_lines

# a progress bar is worth showing from this many pages on
PROGRESS_FROM = 200


def run_check(site_dir: Path, options: AuditOptions, progress: bool = False) -> AuditReport:
    """The audit of ``site_dir`` with every check ``options`` asks for."""
    pages = sum(1 for _ in site_dir.rglob("*.htm*")) if progress else 0  # only for the bar
    with _progress_bar(pages if pages >= PROGRESS_FROM else 0) as tick:
        report = audit_site(site_dir, options, tick)
    extra: list[Finding] = []
    if options.external is not None and report.external_urls:
        answers = check_urls(report.external_urls, options.external)
        for url, places in report.external_urls.items():
            answer = answer_for(answers, url)
            if not answer.ok:
                extra.extend(
                    Finding("broken-external", page, url, answer.detail, locator=locator)
                    for page, locator in places
                )
    if options.browser:
        from generator.audit.browser import browser_findings

        extra.extend(browser_findings(site_dir, report.pages, options.limits, options.site_url))
    if extra:
        seen = {(f.tag, f.page, f.target) for f in report.findings}
        fresh = [
            f for f in not_ignored(extra, options.ignore) if (f.tag, f.page, f.target) not in seen
        ]
        report.findings = sorted(
            report.findings + with_lines(site_dir, fresh),
            key=lambda f: (f.page, f.line or 0, f.tag, f.target),
        )
    return report


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[int], None] | None]:
    if not total:
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="page", desc="checking", leave=False) as bar:

        def advance(pages: int) -> None:
            bar.update(pages)

        yield advance
