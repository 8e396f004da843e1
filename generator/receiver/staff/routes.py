"""The console's addresses, all under /staff."""

from __future__ import annotations

from starlette.routing import Route

from generator.receiver.staff import inbox, setup, signin

ROUTES = [
    Route("/staff/setup/{token}", setup.setup_page, methods=["GET", "POST"]),
    Route("/staff/login", signin.login, methods=["GET", "POST"]),
    Route("/staff/logout", signin.logout, methods=["POST"]),
    Route("/staff", inbox.inbox),
]
