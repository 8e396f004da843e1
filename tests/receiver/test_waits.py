"""Bounded waits: a database that stalls or stays silent is a 503 in time, never a hang."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import appreciate
from tests.receiver.conftest import CAMPAIGN, Receiver, start_receiver, stop
from tests.receiver.test_forms import SURVEY

JSON = {"Accept": "application/json"}


class Proxy:
    """A TCP proxy on loopback to the database that can stall, or turn silent.

    Stalled, it keeps its connections open and forwards nothing; silent, it also drops them,
    and accepts new ones that it never answers.
    """

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.stalled = self.silent = False
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.silent:
                continue  # accepted, and never answered
            upstream = socket.create_connection(self.target)
            self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if not self.stalled:
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def go_silent(self) -> None:
        self.silent = self.stalled = True
        self._drop()

    def close(self) -> None:
        self.listener.close()
        self._drop()

    def _drop(self) -> None:
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()


@pytest.fixture
def proxied(database_url: str) -> Iterator[tuple[Receiver, Proxy]]:
    parts = urlsplit(database_url)
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    url = parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}").geturl()
    running = start_receiver(
        url, APPRECIATE_DB_CONNECT_TIMEOUT="2", APPRECIATE_DB_STATEMENT_TIMEOUT="2"
    )
    yield running, proxy
    proxy.close()  # frees a thread a stalled connection holds
    stop(running)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_stalled_or_silent_database_answers_503_in_time(
    proxied: tuple[Receiver, Proxy],
) -> None:
    receiver, proxy = proxied
    # the client's own timeout (30 s) bounds the test, it is not a speed test: a hang fails it
    with receiver.client() as client:
        stored = client.post("/survey", json=SURVEY, headers=JSON)
        proxy.stalled = True  # connections open, queries never answered
        stalled = client.post("/survey", json=SURVEY, headers=JSON)
        proxy.go_silent()  # connections dropped; new ones accepted and never answered
        silent = client.post("/survey", json=SURVEY, headers=JSON)
        ready = client.get("/health/ready", headers=JSON)
        alive = client.get("/health")
    assert stored.status_code == 201
    for answer in (stalled, silent, ready):
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"]["code"] == "unavailable"
        assert int(answer.headers["retry-after"]) >= 1
    assert alive.status_code == 200


def test_readiness_reflects_the_database(receiver: Receiver) -> None:
    with receiver.client() as client:
        ready = client.get("/health/ready")
    assert ready.status_code == 200 and ready.json() == {"status": "ok", "database": "ok"}


def _silent_listener() -> tuple[socket.socket, int]:
    listener = socket.create_server(("127.0.0.1", 0))
    return listener, int(listener.getsockname()[1])


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "case", ["refused", "silent", "not a URL", "unknown database kind", "a folder"]
)
def test_a_database_that_cannot_be_opened_is_one_line_at_start(case: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listener, silent_port = _silent_listener()
    urls = {
        "refused": f"postgresql://shop:s3cret-pass@127.0.0.1:{_closed_port()}/answers",
        "silent": f"postgresql://shop:s3cret-pass@127.0.0.1:{silent_port}/answers",
        "not a URL": "s3cret-pass",
        "unknown database kind": "oracle://shop:s3cret-pass@127.0.0.1/answers",
        "a folder": f"sqlite:///{tmp_path}",
    }
    try:
        result = appreciate(
            "receiver",
            "--campaign",
            str(CAMPAIGN),
            "--port",
            str(_closed_port()),
            cwd=tmp_path,
            DATABASE_URL=urls[case],
            APPRECIATE_DB_CONNECT_TIMEOUT="2",
        )
    finally:
        listener.close()
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: DATABASE_URL: ") and "(hint: " in lines[0]
    assert "s3cret-pass" not in result.stderr
