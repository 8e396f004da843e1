"""The console's addresses, all under /staff."""

from __future__ import annotations

from starlette.routing import Route

from generator.receiver.staff import inbox, item_pages, owner, setup, signin, till

ROUTES = [
    Route("/staff/setup/{token}", setup.setup_page, methods=["GET", "POST"]),
    Route("/staff/login", signin.login, methods=["GET", "POST"]),
    Route("/staff/logout", signin.logout, methods=["POST"]),
    Route("/staff", inbox.inbox),
    Route("/staff/items/{ticket}", item_pages.item_page),
    Route("/staff/items/{ticket}/reply", item_pages.reply, methods=["POST"]),
    Route("/staff/items/{ticket}/close", item_pages.close, methods=["POST"]),
    Route("/staff/till", till.till, methods=["GET", "POST"]),
    Route("/staff/report", owner.report),
    Route("/staff/export.csv", owner.export),
    Route("/staff/customers", owner.customers, methods=["GET", "POST"]),
    Route("/staff/people", owner.people),
]
