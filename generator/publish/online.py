"""The checks that ask the receiver itself: is it up, and does it take the site's forms."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from generator.publish.checks import Check


def site_origin(site_url: str | None) -> str | None:
    """``https://shop.example`` of ``https://shop.example/month/``, or None without a host."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def online_checks(
    receiver_url: str, where: str, site_url: str | None, timeout: float = 10.0
) -> list[Check]:
    """Ask the receiver's ``/health``, then send the browser's CORS preflight from the site."""
    base = receiver_url.rstrip("/")
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        return [
            _health(client, base, where, timeout),
            _cors(client, base, where, site_origin(site_url), timeout),
        ]


def _failure(exc: httpx.HTTPError, url: str, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer from {url} within {timeout:g} s"
    reason = str(exc) or type(exc).__name__
    return f"cannot reach {url}: {reason}"


def _health(client: httpx.Client, base: str, where: str, timeout: float) -> Check:
    url = f"{base}/health"
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        return Check(
            "receiver answers",
            False,
            where,
            _failure(exc, url, timeout),
            "start the receiver (appreciate receiver) where this address leads",
        )
    if response.status_code != 200:
        return Check(
            "receiver answers",
            False,
            where,
            f"{url} answered {response.status_code}, not 200",
            "is Appreciate's receiver (appreciate receiver) behind this address?",
        )
    return Check("receiver answers", True, where, f"{url} answered 200")


def _cors(client: httpx.Client, base: str, where: str, origin: str | None, timeout: float) -> Check:
    url = f"{base}/survey"
    if origin is None:
        return Check(
            "receiver takes the site's forms",
            False,
            where,
            "cannot ask: site_url is not a full address, so the site's origin is unknown",
            "set site_url in mkdocs.yml",
        )
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "accept",
    }
    try:
        response = client.options(url, headers=headers)
    except httpx.HTTPError as exc:
        return Check(
            "receiver takes the site's forms",
            False,
            where,
            f"CORS preflight from {origin}: {_failure(exc, url, timeout)}",
            "start the receiver (appreciate receiver) where this address leads",
        )
    allowed = response.headers.get("access-control-allow-origin")
    if response.status_code == 200 and allowed in (origin, "*"):
        anyone = " (and from any other site: set APPRECIATE_SITE_ORIGIN)" if allowed == "*" else ""
        return Check(
            "receiver takes the site's forms",
            True,
            where,
            f"CORS preflight from {origin} to {url} allowed{anyone}",
        )
    said = response.text.strip()[:80]
    return Check(
        "receiver takes the site's forms",
        False,
        where,
        f"CORS preflight from {origin} to {url} refused: {response.status_code}"
        + (f" {said!r}" if said else "")
        + f", Access-Control-Allow-Origin {allowed!r}",
        f"start the receiver with APPRECIATE_SITE_ORIGIN={origin}",
    )
