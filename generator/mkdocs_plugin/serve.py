"""``mkdocs serve`` shows a failed rebuild in the browser instead of leaving pages hanging.

MkDocs' live-reload server holds every page request until a rebuild succeeds ("the server will
appear stuck"). Here a failed rebuild counts as done: the previous pages keep being served with
the error over them, live reload shows it at once, and the next good rebuild takes it away.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("appreciate")

OVERLAY_ID = "appreciate-build-error"
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_OVERLAY = (
    '<div role="alert" id="' + OVERLAY_ID + '" style="position:sticky;top:0;z-index:10000;'
    "margin:0;padding:0.8rem 1rem;background:#b00020;color:#fff;"
    'font:16px/1.4 system-ui,sans-serif">'
    "<strong>The site was not rebuilt.</strong> Fix the file and save it: this page reloads by "
    "itself. Below are the pages of the last good build."
    '<pre style="white-space:pre-wrap;margin:0.5rem 0 0;padding:0;background:none;color:#fff;'
    'font:14px/1.4 monospace">{error}</pre></div>'
)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class BuildErrorInBrowser:
    """Wraps the server's builder and its WSGI app; ``error`` is the last rebuild's, or None."""

    def __init__(self, server: LiveReloadServer) -> None:
        self.error: str | None = None
        self._build: Callable[[], None] = server.builder
        app = server.get_app()
        if app is None:  # LiveReloadServer sets its app when it is made
            raise RuntimeError("the live-reload server has no application")
        self._app: WsgiApp = app
        server.builder = self.rebuild
        server.set_app(self.serve)

    def rebuild(self) -> None:
        try:
            self._build()
        except Exception as exc:  # any failure: shown, and the server goes on serving
            self.error = describe(exc)
            if not isinstance(exc, Abort):  # MkDocs has not said it (an internal error)
                log.exception("the rebuild failed")
            log.error("the site was not rebuilt: the browser shows why until it is fixed")
        else:
            self.error = None

    def serve(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answer.update(status=status, headers=headers)
            return lambda data: None

        parts = self._app(environ, keep)  # waits for a rebuild under way to end
        try:
            body = b"".join(parts)
        finally:
            close = getattr(parts, "close", None)
            if close is not None:
                close()
        headers: list[tuple[str, str]] = answer.get("headers", [])
        error = self.error  # read after the wait: the error of the build these pages come from
        if error is not None and any(
            k.lower() == "content-type" and "text/html" in v for k, v in headers
        ):
            body = with_overlay(body, error)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
        start_response(answer.get("status", "500 Internal Server Error"), headers)
        return [body]


def describe(exc: BaseException) -> str:
    """What went wrong, as the terminal said it: the plugin's one-line problems when it was them."""
    cause = exc.__context__ if isinstance(exc, Abort) and exc.__context__ else exc
    return str(cause) or type(cause).__name__


def with_overlay(page: bytes, error: str) -> bytes:
    """``page`` with the error shown at its top."""
    overlay = _OVERLAY.format(error=html.escape(error)).encode("utf-8")
    body = _BODY.search(page)
    at = body.end() if body else 0
    return page[:at] + overlay + page[at:]


def show_build_errors(server: LiveReloadServer) -> None:
    """Make ``server`` show failed rebuilds in the browser (once per server)."""
    if not isinstance(getattr(server.builder, "__self__", None), BuildErrorInBrowser):
        BuildErrorInBrowser(server)
