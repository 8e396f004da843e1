"""The access log without e-mail addresses: a query string may carry one (``/customer?email=``)."""

from __future__ import annotations

import logging
import re

# an address as typed or percent-encoded (``%40``) in a path or a query string
_ADDRESS = re.compile(r"[^\s/?&=]+(?:@|%40)[^\s/?&=]+", re.IGNORECASE)


def redacted(text: str) -> str:
    """``text`` with every e-mail address replaced by ``[e-mail]``."""
    return _ADDRESS.sub("[e-mail]", text)


class WithoutAddresses(logging.Filter):
    """Takes e-mail addresses out of uvicorn's access-log records (their path is an argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redacted(a) if isinstance(a, str) else a for a in record.args)
        return True


def keep_addresses_out_of_the_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, WithoutAddresses) for f in access.filters):
        access.addFilter(WithoutAddresses())
