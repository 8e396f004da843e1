"""mailto: and tel: links that cannot work."""

from __future__ import annotations

import pytest

from generator.audit.contacts import mailto_problem, tel_problem


@pytest.mark.parametrize(
    "url",
    [
        "mailto:hello@shop.example",
        "mailto:hello@shop.example,orders@shop.example",
        "mailto:hello%40shop.example?subject=Hi",
        "mailto:?subject=Tell%20a%20friend",  # the visitor picks the address
    ],
)
def test_addresses_that_work(url: str) -> None:
    assert mailto_problem(url) is None


def test_addresses_that_cannot_work() -> None:
    assert mailto_problem("mailto:") == "no address"
    assert (mailto_problem("mailto:hello@@shop") or "").startswith(
        "'hello@@shop' is not an e-mail address: "
    )
    assert (mailto_problem("mailto:a@shop.example, nobody") or "").startswith("'nobody' is not")


def test_numbers() -> None:
    assert tel_problem("tel:+34912345678") is None
    assert tel_problem("tel:+62%2021%205550123;ext=2") is None
    assert tel_problem("tel:912345678") == (
        "'912345678' has no country code (hint: write it as +<country code><number>)"
    )
    assert tel_problem("tel:+3491234") == "'+3491234' is not a possible phone number"
    assert tel_problem("tel:+12") == "'+12' is not a phone number"
