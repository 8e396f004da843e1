"""The business's public channels (X, Facebook, Instagram, Yelp, Tripadvisor, Google reviews).

Each kind knows what a handle or an address of it looks like; a malformed one fails at build
time with a hint of the right shape, not as a dead link on the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import model_validator

from generator.i18n import N_
from generator.model.fields import InputModel, between, fail, require_one_of


@dataclass(frozen=True)
class ChannelKind:
    name: str
    """How the site names it: a brand's name, or a description translated in each language."""
    icon: str
    """The icon in Material's bundled set (``.icons/<icon>.svg``)."""
    handle: re.Pattern[str] | None
    """What a handle looks like (without ``@``), when the kind has handles."""
    profile: str
    """The profile address of a handle (``{handle}``)."""
    hosts: tuple[str, ...]
    """Host names of its addresses (``*.`` for any subdomain or country domain)."""
    path: re.Pattern[str]
    """What the path of an address looks like."""
    example: str


KINDS = {
    "x": ChannelKind(
        "X (Twitter)",
        "fontawesome/brands/x-twitter",
        re.compile(r"[A-Za-z0-9_]{1,15}"),
        "https://x.com/{handle}",
        ("x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.twitter.com"),
        re.compile(r"/[A-Za-z0-9_]{1,15}/?"),
        "handle: '@kopikita' or url: https://x.com/kopikita",
    ),
    "facebook": ChannelKind(
        "Facebook",
        "fontawesome/brands/facebook",
        re.compile(r"[A-Za-z0-9.]{5,50}"),
        "https://www.facebook.com/{handle}",
        ("facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"),
        re.compile(r"/(?:[A-Za-z0-9.]{5,50}|profile\.php)/?"),
        "handle: kopikita.roasters or url: https://www.facebook.com/kopikita.roasters",
    ),
    "instagram": ChannelKind(
        "Instagram",
        "fontawesome/brands/instagram",
        re.compile(r"(?!.*\.\.)(?!\.)[A-Za-z0-9._]{1,30}(?<!\.)"),
        "https://www.instagram.com/{handle}/",
        ("instagram.com", "www.instagram.com"),
        re.compile(r"/(?!.*\.\.)(?!\.)[A-Za-z0-9._]{1,30}(?<!\.)/?"),
        "handle: '@kopikita' or url: https://www.instagram.com/kopikita/",
    ),
    "yelp": ChannelKind(
        "Yelp",
        "fontawesome/brands/yelp",
        None,
        "",
        ("*.yelp.com", "*.yelp.co.uk", "*.yelp.es", "*.yelp.ca", "*.yelp.com.au", "*.yelp.de"),
        re.compile(r"/biz/[\w%-]+/?"),
        "url: https://www.yelp.com/biz/kopi-kita-roasters-jakarta",
    ),
    "tripadvisor": ChannelKind(
        "Tripadvisor",
        "simple/tripadvisor",
        None,
        "",
        ("*.tripadvisor.com", "*.tripadvisor.co.id", "*.tripadvisor.es", "*.tripadvisor.co.uk"),
        re.compile(r"/(?:Restaurant|Hotel|Attraction)_Review-g\d+-d\d+(?:-[\w%-]*)?\.html"),
        "url: https://www.tripadvisor.com/Restaurant_Review-g294229-d1234567-Reviews-Kopi_Kita.html",
    ),
    "google_reviews": ChannelKind(
        N_("Google reviews"),
        "fontawesome/brands/google",
        None,
        "",
        ("g.page", "search.google.com", "www.google.com", "maps.app.goo.gl"),
        re.compile(
            r"/(?:r/[\w-]+(?:/review)?|local/(?:write)?reviews?|maps/place/[^?#]+|[\w-]+)/?"
        ),
        "url: https://g.page/r/CabcdEFGhij/review (Google Business Profile → Ask for reviews)",
    ),
}
ChannelName = Literal["x", "facebook", "instagram", "yelp", "tripadvisor", "google_reviews"]


class Channel(InputModel):
    """A place where customers talk about the business in public."""

    kind: ChannelName
    handle: str | None = None
    url: str | None = None
    answers: bool = True
    """Whether the business answers there."""
    response_hours: (
        Annotated[int, between(1, 720, "how many hours until you answer there")] | None
    ) = None

    @model_validator(mode="after")
    def _address(self) -> Channel:
        kind = KINDS[self.kind]
        field = "handle" if kind.handle else "url"
        require_one_of(self, "handle", "url", "channel", kind.example, field)
        if self.handle is not None:
            if kind.handle is None:
                raise fail(
                    "channel",
                    f"a handle does not work for {kind.name}",
                    kind.example,
                    field="handle",
                )
            if not kind.handle.fullmatch(self.handle.removeprefix("@")):
                raise fail(
                    "channel",
                    f"'{self.handle}' is not a handle on {kind.name}",
                    kind.example,
                    field="handle",
                )
        elif not _matches(self.url or "", kind):
            raise fail(
                "channel",
                f"'{self.url}' is not an address on {kind.name}",
                kind.example,
                field="url",
            )
        if self.answers and self.response_hours is None:
            raise fail(
                "channel",
                "say how fast you answer there",
                "add response_hours, or answers: false where you only read",
                field="response_hours",
            )
        return self

    @property
    def link(self) -> str:
        if self.handle is not None:
            return KINDS[self.kind].profile.format(handle=self.handle.removeprefix("@"))
        return str(self.url)

    @property
    def name(self) -> str:
        return KINDS[self.kind].name

    @property
    def icon(self) -> str:
        return KINDS[self.kind].icon


def _matches(url: str, kind: ChannelKind) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host_ok = any(
        host == pattern
        or (pattern.startswith("*.") and host.endswith(pattern[1:]))
        or host == pattern.removeprefix("*.")
        for pattern in kind.hosts
    )
    return parts.scheme == "https" and host_ok and bool(kind.path.fullmatch(parts.path or "/"))
