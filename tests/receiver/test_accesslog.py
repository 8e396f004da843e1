"""The access log keeps no e-mail address and no link token."""

from __future__ import annotations

import logging

import pytest

from generator.receiver.accesslog import (
    WithoutAddresses,
    keep_addresses_out_of_the_access_log,
    redacted,
)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("/customer?email=ana@example.com", "/customer?email=[e-mail]"),
        ("/customer?email=ana%40example.com&lang=es", "/customer?email=[e-mail]&lang=es"),
        ("/customer?email=ANA%40EXAMPLE.COM", "/customer?email=[e-mail]"),
        ("/u/ana.maria+shop@example.co.uk/x", "/u/[e-mail]/x"),
        ("/staff/setup/Zx9-abc_123", "/staff/setup/[token]"),
        ("/check-back/Zx9abc?lang=es", "/check-back/[token]?lang=es"),
        ("/check-back/Zx9abc#top", "/check-back/[token]#top"),
        ("/survey?lang=es", "/survey?lang=es"),
        ("/staff/setup/", "/staff/setup/"),  # no token to hide
    ],
)
def test_addresses_and_tokens_are_taken_out(line: str, kept: str) -> None:
    assert redacted(line) == kept


def access_record(*args: object) -> logging.LogRecord:
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None
    )


def test_the_filter_redacts_the_records_arguments_and_keeps_the_record() -> None:
    record = access_record("127.0.0.1:5000", "GET", "/customer?email=ana@example.com", "1.1", 200)
    assert WithoutAddresses().filter(record) is True
    assert record.args == ("127.0.0.1:5000", "GET", "/customer?email=[e-mail]", "1.1", 200)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /customer?email=[e-mail] HTTP/1.1" 200'


def test_a_record_without_arguments_is_left_alone() -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, "ready", None, None)
    assert WithoutAddresses().filter(record) is True
    assert record.getMessage() == "ready"


def test_the_filter_is_added_once() -> None:
    access = logging.getLogger("uvicorn.access")
    before = list(access.filters)
    try:
        keep_addresses_out_of_the_access_log()
        keep_addresses_out_of_the_access_log()
        assert sum(isinstance(f, WithoutAddresses) for f in access.filters) == 1
    finally:
        for added in [f for f in access.filters if f not in before]:
            access.removeFilter(added)
