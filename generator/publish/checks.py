"""The offline checks: the site's address, the receiver's address, the pages with forms."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# hosts under the reserved .invalid domain are the starter's placeholders (RFC 2606)
PLACEHOLDER_SUFFIX = ".invalid"


@dataclass(frozen=True)
class FormLink:
    """A link from one of the marketer's pages to a page holding a form."""

    page: str
    """The page's file, as a person reads it (``content/about.md``)."""
    line: int
    target: str
    form: str
    """What the form is, in words (``the survey form``)."""


@dataclass(frozen=True)
class SiteFacts:
    """What the checks look at, and where each fact was written."""

    site_url: str | None
    site_url_where: str
    """``mkdocs.yml: site_url``."""
    receiver_url: str
    receiver_where: str
    """``campaigns/campaign.yaml:80: receiver.url``, or ``$APPRECIATE_RECEIVER_URL``."""
    pages_where: str = "content"
    """The folder of the marketer's pages."""
    form_links: tuple[FormLink, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Check:
    """One check: what it looked at, whether it passed, and where and how to fix it if not."""

    name: str
    passed: bool
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.where}: {self.message}{hint}"


def offline_checks(facts: SiteFacts) -> list[Check]:
    """Every check that needs no network, in the order they are listed."""
    receiver = check_receiver(facts)
    return [
        check_site_url(facts),
        receiver,
        check_receiver_scheme(facts),
        *check_form_links(facts, receiver),
    ]


def check_site_url(facts: SiteFacts) -> Check:
    where, url = facts.site_url_where, facts.site_url
    if not url:
        return Check(
            "site_url",
            False,
            where,
            "missing: share cards, hreflang links and the sitemap need the site's full address",
            "add the address the site is published at, e.g. site_url: https://yourshop.com/",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Check(
            "site_url",
            False,
            where,
            f"'{url}' is not a full web address",
            "write it with https:// and the host, e.g. https://yourshop.com/",
        )
    if parts.hostname.endswith(PLACEHOLDER_SUFFIX):
        return Check(
            "site_url",
            False,
            where,
            f"'{url}' is still the starter's placeholder",
            "put the address the site is published at, e.g. https://yourshop.com/",
        )
    return Check("site_url", True, where, f"the site is published at {url}")


def receiver_problem(url: str) -> str | None:
    """Why customers' browsers cannot reach a receiver at ``url``, or None when they can."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return "has no host"
    if host.endswith(PLACEHOLDER_SUFFIX):
        return "is not configured: it is still the starter's placeholder"
    if host == "localhost" or host.endswith(".localhost"):
        return "is localhost: only this computer can reach it, not customers' phones"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    if address.is_loopback:
        return "is a loopback address: only this computer can reach it, not customers' phones"
    if address.is_private or address.is_link_local or address.is_unspecified:
        return "is a private address: customers' phones cannot reach it from the internet"
    return None


def check_receiver(facts: SiteFacts) -> Check:
    where, url = facts.receiver_where, facts.receiver_url
    problem = receiver_problem(url)
    if problem is not None:
        return Check(
            "receiver.url",
            False,
            where,
            f"'{url}' {problem}",
            "put the public https address of your receiver (appreciate receiver), "
            "e.g. https://answers.yourshop.com",
        )
    return Check("receiver.url", True, where, f"the forms post to {url}")


def check_receiver_scheme(facts: SiteFacts) -> Check:
    site = urlsplit(facts.site_url or "").scheme
    receiver = urlsplit(facts.receiver_url).scheme
    if site == "https" and receiver != "https":
        return Check(
            "receiver https",
            False,
            facts.receiver_where,
            f"'{facts.receiver_url}' is plain http while the site is https: browsers block "
            "such forms or warn that answers are sent unprotected",
            "serve the receiver over https",
        )
    return Check(
        "receiver https",
        True,
        facts.receiver_where,
        "the receiver uses https" if receiver == "https" else "the site and receiver both use http",
    )


def check_form_links(facts: SiteFacts, receiver: Check) -> list[Check]:
    """A failed check per link to a form when the receiver cannot be reached, else one pass."""
    if receiver.passed or not facts.form_links:
        count = len(facts.form_links)
        return [
            Check(
                "links to forms",
                True,
                facts.pages_where,
                f"{count} link{'s' if count != 1 else ''} from your pages to the forms"
                + (" (their receiver is set)" if count else ""),
            )
        ]
    return [
        Check(
            "links to forms",
            False,
            f"{link.page}:{link.line}",
            f"links to {link.form} ({link.target}), whose receiver is not set up for the web",
            f"the forms post to the address at {facts.receiver_where.split(': ')[0]}",
        )
        for link in facts.form_links
    ]
