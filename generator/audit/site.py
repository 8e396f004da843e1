"""Audit a whole site: pages scanned in parallel processes, anchors across pages checked once."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.audit.external import ExternalOptions
from generator.audit.extract import scan_page, scan_stylesheet
from generator.audit.findings import Finding, IgnoreRule, Locator, not_ignored
from generator.audit.limits import ImageLimits
from generator.audit.locate import lines_of
from generator.audit.scanner import PageScan, ScanContext
from generator.audit.urls import SiteRoot

PAGE_SUFFIXES = (".html", ".htm")
# below this many pages, starting worker processes costs more than it saves
PARALLEL_FROM = 64
CHUNK = 16


@dataclass(frozen=True)
class AuditOptions:
    site_url: str | None = None
    """Where the site is served; its path is the base of root-relative URLs."""
    limits: ImageLimits = field(default_factory=ImageLimits)
    ignore: tuple[IgnoreRule, ...] = ()
    jobs: int = 0
    """Worker processes; 0 means one per CPU."""
    external: ExternalOptions | None = None
    """Check external links too (``appreciate check --external``)."""
    browser: bool = False
    """Measure images in headless Chromium too (``appreciate check --browser``)."""


@dataclass
class AuditReport:
    site_dir: Path
    pages: list[str]
    findings: list[Finding] = field(default_factory=list)
    external_urls: dict[str, list[tuple[str, Locator]]] = field(default_factory=dict)
    """Each distinct external URL with where it appears, once per page (for --external)."""


def site_files(site_dir: Path) -> list[str]:
    """Every file of the site, as paths relative to it with forward slashes."""
    return walk_site(site_dir).files


@dataclass
class SiteTree:
    files: list[str] = field(default_factory=list)
    """Paths of the regular files (symlinks followed), relative, with forward slashes."""
    unreadable: dict[str, str] = field(default_factory=dict)
    """Entries that are not files a server could send, and why (a dangling symlink, ...)."""


def walk_site(site_dir: Path) -> SiteTree:
    """The site's files, following symlinks but not loops; what cannot be read is set aside."""
    tree = SiteTree()
    # (folder, its path in the site, the folders above it): a symlink to one of those loops
    folders: list[tuple[str, str, frozenset[tuple[int, int]]]] = [(str(site_dir), "", frozenset())]
    while folders:
        folder, prefix, above = folders.pop()
        try:
            info = os.stat(folder)
            here = (info.st_dev, info.st_ino)
            if here in above:
                continue
            entries = list(os.scandir(folder))
        except OSError as exc:
            tree.unreadable[prefix.rstrip("/") or "."] = _why(exc)
            continue
        for entry in entries:
            path = prefix + entry.name
            try:
                if entry.is_dir():
                    folders.append((entry.path, path + "/", above | {here}))
                elif entry.is_file():
                    tree.files.append(path)
                else:
                    tree.unreadable[path] = _odd(entry)
            except OSError as exc:
                tree.unreadable[path] = _why(exc)
    tree.files.sort()
    return tree


def _odd(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        try:
            os.stat(entry.path)
        except OSError as exc:
            return _why(exc)
    return "not a regular file"


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symlink that loops back on itself"
    if exc.errno == errno.ENOENT:
        return "a symlink to nothing (its target is missing)"
    return exc.strerror or type(exc).__name__


def audit_site(
    site_dir: Path,
    options: AuditOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> AuditReport:
    """Every finding of the site in ``site_dir``, with line numbers, ignore rules applied."""
    options = options or AuditOptions()
    tree = walk_site(site_dir)
    files = tree.files
    root = SiteRoot.from_site_url(frozenset(files), options.site_url)
    context = ScanContext(site_dir, root, options.limits, options.external is not None)
    pages = sorted(f for f in files if f.endswith(PAGE_SUFFIXES))
    report = AuditReport(site_dir, pages)
    for path, reason in tree.unreadable.items():
        if path.endswith((*PAGE_SUFFIXES, ".css")):
            report.findings.append(Finding("unreadable-file", path, path, reason))

    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str, str, Locator]] = []
    for scan in _scans(pages, context, options.jobs, progress):
        ids[scan.page] = scan.ids
        report.findings.extend(scan.findings)
        anchors.extend((scan.page, *anchor) for anchor in scan.anchors)
        for url, locator in scan.external.items():
            report.external_urls.setdefault(url, []).append((scan.page, locator))

    checked: dict[tuple[str, str], bool] = {}
    for page, target, fragment, url, locator in anchors:
        key = (target, fragment)
        if key not in checked:  # each distinct target#fragment is checked once
            checked[key] = fragment in ids.get(target, ()) or fragment == "top"
        if not checked[key]:
            report.findings.append(
                Finding(
                    "missing-anchor",
                    page,
                    url,
                    f"{target} has no element with id '{fragment}'",
                    locator=locator,
                )
            )

    for path in files:
        if path.endswith(".css"):
            try:
                text = (site_dir / path).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                report.findings.append(Finding("unreadable-file", path, path, _why(exc)))
                continue
            report.findings.extend(scan_stylesheet(path, text, root))

    report.findings = with_lines(site_dir, not_ignored(report.findings, options.ignore))
    return report


def _scans(
    pages: list[str], context: ScanContext, jobs: int, progress: Callable[[int], None] | None
) -> Iterator[PageScan]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(pages) < PARALLEL_FROM:
        for page in pages:
            yield _scan_file(page, context)
            if progress:
                progress(1)
        return
    chunks = [pages[i : i + CHUNK] for i in range(0, len(pages), CHUNK)]
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(context,)) as pool:
        for scans in pool.map(_scan_chunk, chunks):
            yield from scans
            if progress:
                progress(len(scans))


_worker_context: ScanContext | None = None


def _start_worker(context: ScanContext) -> None:
    global _worker_context
    _worker_context = context


def _scan_chunk(pages: list[str]) -> list[PageScan]:
    assert _worker_context is not None  # set by _start_worker in every worker
    return [_scan_file(page, _worker_context) for page in pages]


def _scan_file(page: str, context: ScanContext) -> PageScan:
    try:
        data = (context.site_dir / page).read_bytes()
    except OSError as exc:  # gone or unreadable since the walk
        return PageScan(page, findings=[Finding("unreadable-file", page, page, _why(exc))])
    return scan_page(page, data, context)


def with_lines(site_dir: Path, findings: list[Finding]) -> list[Finding]:
    """Findings with their line numbers, each page with findings read and parsed once more."""
    by_page: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.line is None and finding.locator is not None:
            by_page.setdefault(finding.page, []).append(index)
    located = list(findings)
    for page, indexes in by_page.items():
        try:
            data = (site_dir / page).read_bytes()
        except OSError:  # gone since the scan: the findings keep no line
            continue
        wanted = [(f.locator, f.target) for f in map(findings.__getitem__, indexes) if f.locator]
        for index, line in zip(indexes, lines_of(data, wanted), strict=True):
            located[index] = replace(findings[index], line=line)
    return sorted(located, key=lambda f: (f.page, f.line or 0, f.tag, f.target))
