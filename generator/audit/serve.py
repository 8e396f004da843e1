"""Serve a built site on loopback, at its base path, for a browser or another checker."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path, base: str = "/") -> Iterator[str]:
    """Serve ``site_dir`` at ``base`` on a free loopback port; yields ``http://127.0.0.1:port``."""

    class Handler(_QuietHandler):
        def translate_path(self, path: str) -> str:
            if path.startswith(base):
                path = "/" + path[len(base) :]
            return super().translate_path(path)

    handler = functools.partial(Handler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
