"""External links: each distinct URL asked once, politely, and remembered for a while."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from generator import __version__

USER_AGENT = f"appreciate-check/{__version__} (+https://github.com/appreciate)"
RETRIED = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class ExternalOptions:
    cache_file: Path
    max_age: float = 24 * 3600
    """Seconds a cached answer stays valid."""
    timeout: float = 10.0
    per_host: int = 4
    retries: int = 3
    backoff: float = 0.5
    """First wait before a retry, in seconds; doubled each time unless the server says."""
    max_wait: float = 30.0


@dataclass(frozen=True)
class Answer:
    url: str
    ok: bool
    detail: str
    checked_at: float


def check_urls(urls: Iterable[str], options: ExternalOptions) -> dict[str, Answer]:
    """The answer for every URL (fragments ignored), from the cache where it is fresh."""
    wanted = {_without_fragment(url) for url in urls}
    cache = _read_cache(options.cache_file)
    now = time.time()
    answers = {
        u: cache[u] for u in wanted if u in cache and now - cache[u].checked_at < options.max_age
    }
    missing = sorted(wanted - answers.keys())
    if missing:
        fresh = asyncio.run(_ask_all(missing, options))
        answers.update(fresh)
        cache.update(fresh)
        _write_cache(options.cache_file, cache, now, options.max_age)
    return answers


def answer_for(answers: dict[str, Answer], url: str) -> Answer:
    return answers[_without_fragment(url)]


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]


async def _ask_all(urls: list[str], options: ExternalOptions) -> dict[str, Answer]:
    hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
        lambda: asyncio.Semaphore(options.per_host)
    )
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=16)
    async with httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=10,
        timeout=options.timeout,
        limits=limits,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        results = await asyncio.gather(*(_ask(client, url, hosts, options) for url in urls))
    return {answer.url: answer for answer in results}


async def _ask(
    client: httpx.AsyncClient,
    url: str,
    hosts: defaultdict[str, asyncio.Semaphore],
    options: ExternalOptions,
) -> Answer:
    host = urlsplit(url).netloc.lower()
    detail = ""
    for attempt in range(options.retries + 1):
        async with hosts[host]:
            try:
                async with client.stream("GET", url) as response:
                    status = response.status_code
                    wait = _retry_after(response.headers.get("retry-after"))
            except httpx.TimeoutException:
                return Answer(url, False, f"no answer within {options.timeout:g} s", time.time())
            except httpx.TooManyRedirects:
                return Answer(url, False, "too many redirects", time.time())
            except (httpx.HTTPError, ValueError) as exc:
                return Answer(url, False, f"cannot connect: {type(exc).__name__}", time.time())
        if status < 400:
            return Answer(url, True, f"HTTP {status}", time.time())
        detail = f"HTTP {status}"
        if status not in RETRIED or attempt == options.retries:
            break
        # outside the host's semaphore, so others are not held up while we wait
        await asyncio.sleep(
            min(wait if wait is not None else options.backoff * 2**attempt, options.max_wait)
        )
    return Answer(url, False, detail, time.time())


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _read_cache(path: Path) -> dict[str, Answer]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: Answer(**entry) for url, entry in data["answers"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write_cache(path: Path, cache: dict[str, Answer], now: float, max_age: float) -> None:
    kept = {url: asdict(a) for url, a in sorted(cache.items()) if now - a.checked_at < max_age}
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(f".{os.getpid()}.tmp")
    staging.write_text(json.dumps({"answers": kept}, indent=1), encoding="utf-8")
    os.replace(staging, path)
