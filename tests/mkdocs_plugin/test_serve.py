"""``mkdocs serve`` rebuilds when the campaign YAML changes, and shows a mistake in the browser."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import SiteFactory, command_env, replace_line


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, expected: str, within: float = 60.0) -> str:
    """Poll ``url`` until its body contains ``expected``: a bound on waiting, not a speed test."""
    deadline = time.monotonic() + within
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if expected in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):  # a rebuild holds it
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never contained {expected!r}; last body {len(body)} chars")


def serve(root: Path, port: int) -> subprocess.Popen[str]:
    """``mkdocs serve`` on a loopback port, as a marketer runs it."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=command_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_rebuilds_when_the_campaign_changes(site_factory: SiteFactory) -> None:
    root = site_factory()
    port = free_port()
    server = serve(root, port)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url, "Thank you for shopping with us.")
        replace_line(
            root / "campaigns" / "campaign.yaml",
            "tagline: Thank you for shopping with us.",
            "tagline: Thirty days of thanks.",
        )
        wait_for(url, "Thirty days of thanks.")
        replace_line(
            Path(root / "campaigns" / "returns.yaml"), "window_days: 30", "window_days: 45"
        )
        wait_for(url + "returns/", "<strong>45 days</strong>")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "Traceback" not in stderr


def test_a_mistake_during_serve_shows_over_the_pages_until_it_is_fixed(
    site_factory: SiteFactory,
) -> None:
    root = site_factory()
    port = free_port()
    server = serve(root, port)
    campaign = root / "campaigns" / "campaign.yaml"
    try:
        url = f"http://127.0.0.1:{port}/"
        first = wait_for(url, "Thank you for shopping with us.")
        assert 'id="appreciate-build-error"' not in first
        line = replace_line(
            campaign, "  address: Calle Mayor 1, Madrid", "\taddress: Calle Mayor 1, Madrid"
        )
        # the page answers (it used to hang): the last good pages, the error over them
        broken = wait_for(url, 'id="appreciate-build-error"')
        assert f"campaigns/campaign.yaml:{line}:1: a tab character: indent with spaces" in broken
        assert "Thank you for shopping with us." in broken
        assert "/livereload/" in broken  # live reload still runs, so the fix will show
        other = wait_for(url + "returns/", 'id="appreciate-build-error"')
        assert "a tab character" in other
        replace_line(
            campaign, "\taddress: Calle Mayor 1, Madrid", "  address: Calle Mayor 1, Madrid"
        )
        replace_line(
            campaign,
            "tagline: Thank you for shopping with us.",
            "tagline: Fixed and thankful.",
        )
        fixed = wait_for(url, "Fixed and thankful.")
        assert 'id="appreciate-build-error"' not in fixed
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "Traceback" not in stderr
    assert "the site was not rebuilt" in stderr
