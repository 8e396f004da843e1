"""What a site engine gets from a campaign: its pages and files, and what the theme shows.

The contract between rendering (``pages/render.py``) and the engine's adapter
(``mkdocs_plugin/``): plain, typed data that the render cache (``pages/cache.py``) stores as
JSON and reads back as it was. Imported on every build, so it stays light.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.customers.private import GuardedList
from generator.pages.generated import GeneratedPage
from generator.pages.share import CardStyle


@dataclass(frozen=True)
class ShareMeta:
    """A language's share card defaults: the landing page's image and the Open Graph locales."""

    share_image: str
    locale: str
    alternate_locales: tuple[str, ...]


@dataclass(frozen=True)
class SocialLink:
    """One of the campaign's public channels, as a footer shows it."""

    icon: str
    link: str
    name: str


@dataclass(frozen=True)
class OtherLanguage:
    """A link from the default language's 404 page to another language's."""

    lang: str
    href: str
    label: str


@dataclass(frozen=True)
class NotFoundTexts:
    """What the 404 page says in one language."""

    title: str
    text: str
    home: str
    """The language's home page, relative to the site's root (``es/``)."""
    home_label: str
    others: tuple[OtherLanguage, ...] = ()


@dataclass(frozen=True)
class SiteBundle:
    """A validated campaign rendered for one day."""

    campaign_id: str
    pages: list[GeneratedPage]
    brand: tuple[str, str]
    """The brand's primary and accent colours (``#rrggbb``)."""
    announce: dict[str, str]
    """The announcement bar's HTML in each language."""
    languages: list[str]
    """The site's languages, the default first."""
    logo: str | None
    logo_where: str
    """``file:line`` of ``brand.logo``, for errors the engine finds later."""
    time_zone: str
    today: date
    inputs: list[str]
    """The input files; a change to any of them calls for a rebuild."""
    customer_report: list[str] = field(default_factory=list)
    """What reading the customer list found: a summary line and its bad rows."""
    guard: GuardedList | None = None
    """What the privacy guard looks for in the built site; none without a customer list."""
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files by their path in the site: the calendar (.ics) files."""
    images: dict[str, bytes] = field(default_factory=dict)
    """The pages' share images (PNG) by their path in the site."""
    share: dict[str, ShareMeta] = field(default_factory=dict)
    cards: dict[str, CardStyle] = field(default_factory=dict)
    """Per language, the share cards' style, for the marketer's own pages."""
    social: dict[str, tuple[SocialLink, ...]] = field(default_factory=dict)
    """Per language, the campaign's public channels."""
    not_found: dict[str, NotFoundTexts] = field(default_factory=dict)
    untranslated: list[str] = field(default_factory=list)
    """``file:line: field: no 'es' translation ...``, one line per text and missing language."""
    receiver_url: str = ""
    receiver_where: str = ""
    """``file:line: receiver.url``, or ``$APPRECIATE_RECEIVER_URL`` when that set it."""
    business_name: str = ""
    business_name_where: str = ""
    """``file:line: business.name``, for the site's name."""
