"""The facts a customer list can hold, named as the campaign's ``customers.columns`` names them.

Here, not in ``customers/``, because the campaign model checks those names and ``model`` imports
no other room.
"""

from __future__ import annotations

FIELDS = (
    "email",
    "first_name",
    "last_name",
    "name",
    "phone",
    "city",
    "orders",
    "spent",
    "since",
    "tags",
    "opt_in",
)
"""``name`` is a full name, split into first and last when those columns are absent."""
