"""External links: each distinct URL asked once, politely, and remembered for a while."""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_result,
    stop_after_attempt,
    wait_exponential,
)

from generator import __version__
from generator.audit import limits
from generator.staging import write_replacing

USER_AGENT = f"appreciate-check/{__version__} (+https://github.com/appreciate)"
RETRIED = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class ExternalOptions:
    cache_file: Path
    max_age: float = limits.EXTERNAL_CACHE_HOURS * 3600
    """Seconds a cached answer stays valid."""
    timeout: float = limits.EXTERNAL_TIMEOUT
    per_host: int = limits.EXTERNAL_PER_HOST
    retries: int = limits.EXTERNAL_RETRIES
    backoff: float = limits.EXTERNAL_BACKOFF
    """First wait before a retry, in seconds; doubled each time unless the server says."""
    max_wait: float = limits.EXTERNAL_MAX_WAIT


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


@dataclass(frozen=True)
class _Reply:
    status: int
    retry_after: float | None
    """Seconds the server asks us to wait (``Retry-After``), if it says."""


async def _ask(
    client: httpx.AsyncClient,
    url: str,
    hosts: defaultdict[str, asyncio.Semaphore],
    options: ExternalOptions,
) -> Answer:
    host = urlsplit(url).netloc.lower()

    async def get() -> _Reply:
        # the host's share is held while asking, not while waiting to ask again
        async with hosts[host], client.stream("GET", url) as response:
            return _Reply(response.status_code, _retry_after(response.headers.get("retry-after")))

    retrying = AsyncRetrying(
        stop=stop_after_attempt(options.retries + 1),
        wait=_wait(options),
        retry=retry_if_result(lambda reply: reply.status in RETRIED),
        retry_error_callback=_last_reply,
    )
    try:
        reply: _Reply = await retrying(get)
    except httpx.TimeoutException:
        return Answer(url, False, f"no answer within {options.timeout:g} s", time.time())
    except httpx.TooManyRedirects:
        return Answer(url, False, "too many redirects", time.time())
    except (httpx.HTTPError, ValueError) as exc:
        return Answer(url, False, f"cannot connect: {type(exc).__name__}", time.time())
    return Answer(url, reply.status < 400, f"HTTP {reply.status}", time.time())


def _last_reply(state: RetryCallState) -> object:
    """Retries used up: the last reply stands (a 503 is an answer, not an error)."""
    return state.outcome.result() if state.outcome else None


def _wait(options: ExternalOptions) -> Callable[[RetryCallState], float]:
    """The server's ``Retry-After`` if it gave one, else doubling back-off; at most ``max_wait``."""
    backoff = wait_exponential(multiplier=options.backoff, max=options.max_wait)

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        said = outcome.result().retry_after if outcome and not outcome.failed else None
        return min(said, options.max_wait) if said is not None else backoff(state)

    return wait


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
    write_replacing(path, json.dumps({"answers": kept}, indent=1))
