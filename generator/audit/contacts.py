"""mailto: and tel: links that cannot work."""

from __future__ import annotations

from urllib.parse import unquote

import phonenumbers
from email_validator import EmailNotValidError, validate_email


def mailto_problem(url: str) -> str | None:
    """Why ``mailto:...`` is malformed, or ``None``."""
    addresses = unquote(url.partition(":")[2].partition("?")[0])
    if not addresses.strip():
        return None if "?" in url else "no address"
    for address in addresses.split(","):
        try:
            validate_email(address.strip(), check_deliverability=False)
        except EmailNotValidError as exc:
            return f"'{address.strip()}' is not an e-mail address: {exc}"
    return None


def tel_problem(url: str) -> str | None:
    """Why ``tel:...`` is malformed, or ``None``."""
    number = unquote(url.partition(":")[2]).partition(";")[0].strip()
    if not number.startswith("+"):
        return f"'{number}' has no country code (hint: write it as +<country code><number>)"
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return f"'{number}' is not a phone number"
    if not phonenumbers.is_possible_number(parsed):
        return f"'{number}' is not a possible phone number"
    return None
