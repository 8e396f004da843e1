"""External links against a real HTTP server on loopback: never the internet."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from tenacity import Future, RetryCallState

from generator.audit.external import ExternalOptions, _Reply, _wait, check_urls
from tests.audit.conftest import StaticSite, page
from tests.conftest import appreciate


class Handler(http.server.BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()
    release = threading.Event()
    """Set when the test ends: until then /silent never answers, however long one waits."""

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        routes = {
            "/ok": (200, {}),
            "/moved": (301, {"Location": "/moved-again"}),
            "/moved-again": (301, {"Location": "/ok"}),
            "/gone": (404, {}),
            "/busy": (429, {"Retry-After": "1"}) if self.hits[self.path] == 1 else (200, {}),
            "/broken": (503, {}),
        }
        if self.path == "/silent":
            self.release.wait()
        status, headers = routes.get(self.path, (200, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the checker reads the status, hangs up
            self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = Counter()
    Handler.release = threading.Event()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def options(tmp_path: Path, **changes: float) -> ExternalOptions:
    # a timeout no loaded machine reaches on loopback: only /silent ever times out
    settings = {"timeout": 60.0, "backoff": 0.05, "retries": 2, **changes}
    return ExternalOptions(tmp_path / "external.json", **settings)  # type: ignore[arg-type]


def test_each_answer(server: str, tmp_path: Path) -> None:
    urls = [f"{server}/{p}" for p in ("ok", "moved", "gone", "busy", "broken")]
    answers = check_urls(urls, options(tmp_path))
    summary = {url.rsplit("/", 1)[1]: (a.ok, a.detail) for url, a in answers.items()}
    assert summary == {
        "ok": (True, "HTTP 200"),
        "moved": (True, "HTTP 200"),  # 301 → 301 → 200
        "gone": (False, "HTTP 404"),
        "busy": (True, "HTTP 200"),  # 429, then 200 after Retry-After
        "broken": (False, "HTTP 503"),
    }
    assert Handler.hits["/busy"] == 2
    assert Handler.hits["/broken"] == 3  # the first try and 2 retries
    assert Handler.hits["/gone"] == 1  # a 404 is not retried


def test_a_url_that_never_answers_times_out(server: str, tmp_path: Path) -> None:
    # /silent waits until the test ends, so any timeout is reached, however loaded the machine
    answers = check_urls([f"{server}/silent"], options(tmp_path, timeout=0.5))
    assert [(a.ok, a.detail) for a in answers.values()] == [(False, "no answer within 0.5 s")]


def test_retry_after_is_honoured_and_capped(server: str, tmp_path: Path) -> None:
    def waited(reply: _Reply, attempt: int, **changes: float) -> float:
        state = RetryCallState(None, None, (), {})
        state.attempt_number = attempt
        outcome: Future = Future(attempt)
        outcome.set_result(reply)
        state.outcome = outcome
        return _wait(options(tmp_path, **changes))(state)

    assert waited(_Reply(503, None), 1) == 0.05
    assert waited(_Reply(503, None), 3) == 0.2  # doubled each time
    assert waited(_Reply(429, 7.0), 1) == 7.0  # the server's Retry-After
    assert waited(_Reply(429, 90.0), 1, max_wait=30) == 30.0
    assert waited(_Reply(503, None), 12, max_wait=30) == 30.0


def test_each_distinct_url_is_asked_once_and_then_cached(server: str, tmp_path: Path) -> None:
    urls = [f"{server}/ok", f"{server}/ok#a", f"{server}/ok#b", f"{server}/gone"]
    check_urls(urls, options(tmp_path))
    assert Handler.hits == Counter({"/ok": 1, "/gone": 1})
    again = check_urls(urls, options(tmp_path))
    assert Handler.hits == Counter({"/ok": 1, "/gone": 1}), "the second run asked again"
    assert not again[f"{server}/gone"].ok
    check_urls(urls, options(tmp_path, max_age=0))  # expired: asked again
    assert Handler.hits == Counter({"/ok": 2, "/gone": 2})


def test_check_external_on_the_command_line(
    server: str, static_site: StaticSite, tmp_path: Path
) -> None:
    site = static_site(
        {
            "index.html": page(f'<a href="{server}/ok">ok</a>\n<a href="{server}/gone">gone</a>'),
            "more.html": page(f'<a href="{server}/gone">gone again</a>'),
        }
    )
    cache = tmp_path / "cache.json"
    offline = appreciate("check", str(site), cwd=tmp_path)
    assert offline.returncode == 0, offline.stdout
    assert sum(Handler.hits.values()) == 0, "the default audit made a network request"

    result = appreciate(
        "check",
        str(site),
        "--external",
        "--external-cache",
        str(cache),
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert '"tag": "broken-external"' in result.stdout
    assert f'"target": "{server}/gone"' in result.stdout
    report = json.loads(result.stdout)
    assert [(f["page"], f["line"]) for f in report["findings"]] == [
        ("index.html", 9),
        ("more.html", 8),
    ]
    assert Handler.hits["/gone"] == 1  # asked once for both pages
