"""The access log without e-mail addresses or link tokens.

A query string may carry an address (``/customer?email=``); the owner's set-up link and a
customer's check-back link carry their secret in the path.
"""

from __future__ import annotations

import logging
import re

# an address as typed or percent-encoded (``%40``) in a path or a query string
_ADDRESS = re.compile(r"[^\s/?&=]+(?:@|%40)[^\s/?&=]+", re.IGNORECASE)
# the paths whose last part is a secret: /staff/setup/{token}, /check-back/{token}
_TOKEN = re.compile(r"(/staff/setup/|/check-back/)[^\s/?#]+")


def redacted(text: str) -> str:
    """``text`` with every e-mail address as ``[e-mail]`` and every link token as ``[token]``."""
    return _TOKEN.sub(r"\1[token]", _ADDRESS.sub("[e-mail]", text))


class WithoutAddresses(logging.Filter):
    """Takes addresses and tokens out of uvicorn's access-log records (the path is an argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redacted(a) if isinstance(a, str) else a for a in record.args)
        return True


def keep_addresses_out_of_the_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, WithoutAddresses) for f in access.filters):
        access.addFilter(WithoutAddresses())
