"""Render the campaign's pages as Markdown from Jinja2 templates; no MkDocs here."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from babel.lists import format_list
from markupsafe import Markup, escape

from generator.customers.ledger import CustomerSummary
from generator.i18n import N_, gettext_in, jinja_environment, ngettext_in
from generator.model.campaign import (
    AnyOffer,
    Campaign,
    FreeShipping,
    GiftWithNextOrder,
    PersonalCode,
)
from generator.model.fields import tel_uri
from generator.model.loader import LoadedCampaign
from generator.model.translated import localized
from generator.pages import formatting
from generator.pages.calendar import calendar_path, google_link, local
from generator.pages.faq import REFUND_METHODS, faq_entries, faq_jsonld
from generator.pages.generated import GeneratedPage
from generator.pages.share import CardStyle, share_image, share_path
from generator.pages.status import Phase, status_on

# (path, template, title); the order is the navigation's
PAGES = (
    ("index.md", "landing.md.j2", N_("Home")),
    ("offers.md", "offers.md.j2", N_("Offers")),
    ("survey.md", "survey.md.j2", N_("Survey")),
    ("contact.md", "contact.md.j2", N_("Complaints & contact")),
    ("returns.md", "returns.md.j2", N_("Returns")),
    ("faq.md", "faq.md.j2", N_("FAQ")),
)
WALL_PAGE = ("thank-you.md", "wall.md.j2", N_("Thank-you wall"))
EVENTS_PAGE = ("events.md", "events.md.j2", N_("Events"))
WALL_FIELD_NAMES = {
    "first_name": N_("first name"),
    "last_initial": N_("initial of the last name"),
    "city": N_("city"),
    "tier": N_("loyalty tier"),
    "since_year": N_("the year they became customers"),
}


@cache
def _env(language: str) -> jinja2.Environment:
    return jinja_environment(
        jinja2.PackageLoader("generator.pages", "templates"),
        language,
        keep_trailing_newline=True,
    )


def render_site(
    loaded: LoadedCampaign, today: date, customers: CustomerSummary | None = None
) -> list[GeneratedPage]:
    """Every generated page in every language of the campaign, each language in nav order.

    A page's path is the same in every language (``offers.md``); the site engine decides where
    each language's version goes.
    """
    campaign = loaded.campaign
    wall = (WALL_PAGE,) if campaign.wall is not None and customers is not None else ()
    events = (EVENTS_PAGE,) if campaign.events else ()
    pages = []
    for language in campaign.business.site_languages:
        context = {**page_context(loaded, today, language), "customers": customers}
        env = _env(language)
        for path, template, title in (*PAGES[:-1], *events, PAGES[-1], *wall):
            page_title = gettext_in(language, title)
            module = env.get_template(template).make_module({**context, "page_title": page_title})
            description = " ".join(str(getattr(module, "description", "")).split())
            image = share_path(path, language)
            markdown = _front_matter(page_title, description, image) + str(module)
            pages.append(GeneratedPage(path, page_title, description, markdown, language))
    return pages


def _front_matter(title: str, description: str, image: str) -> str:
    # JSON strings are valid YAML scalars, so any text is safely quoted
    return (
        f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n"
        f"share_image: {json.dumps(image)}\n---\n\n"
    )


def card_styles(loaded: LoadedCampaign) -> dict[str, CardStyle]:
    """Per language, what every share card of the site shows besides its page's title."""
    styles = {}
    for language in loaded.campaign.business.site_languages:
        campaign = localized(loaded.campaign, language)
        dates = formatting.date_range(campaign.dates.start, campaign.dates.end, language)
        footer = f"{campaign.business.name} · {dates}"
        brand = campaign.brand
        styles[language] = CardStyle(str(campaign.name), footer, brand.primary, brand.accent)
    return styles


def share_cards(
    styles: dict[str, CardStyle], pages: list[GeneratedPage], cache_dir: Path | None = None
) -> dict[str, bytes]:
    """The share image of every generated page, by its path in the site."""
    return {
        share_path(page.path, page.language): share_image(
            page.title, styles[page.language], cache_dir
        )
        for page in pages
    }


def page_context(loaded: LoadedCampaign, today: date, language: str) -> dict[str, Any]:
    """What the templates see: the campaign and returns policy in ``language``, and formatters."""
    campaign = localized(loaded.campaign, language)
    returns = localized(loaded.returns, language)
    currency = campaign.business.currency
    default = campaign.business.default_language
    tiers = {
        rule.name: rule.label or rule.name
        for rule in (campaign.customers.tiers if campaign.customers else [])
    }
    return {
        "c": campaign,
        "returns": returns,
        "status": status_on(campaign.dates, today),
        "today": today,
        "Phase": Phase,
        "locale": language,
        "default_language": default,
        "money": lambda amount: formatting.money(amount, currency, language),
        "number": lambda value: formatting.number(value, language),
        "day": lambda value: formatting.day(value, language),
        "date_range": formatting.date_range(campaign.dates.start, campaign.dates.end, language),
        "hours": formatting.opening_hours(campaign.business.opening_hours, language),
        "phone_link": Markup('<a href="%s">%s</a>')
        % (tel_uri(campaign.business.phone, campaign.business.country), campaign.business.phone),
        "days": lambda n: Markup("<span data-days>%d</span>") % n,
        "counts_list": lambda counts: _counts(counts, tiers, language),
        "wall_fields": lambda names: format_list(
            [gettext_in(language, WALL_FIELD_NAMES[name]) for name in names], locale=language
        ),
        "faq": faq_entries(campaign, returns, language, tiers),
        "faq_jsonld": faq_jsonld,
        "refund_methods": REFUND_METHODS,
        "tiers": tiers,
        "tier_list": lambda names: format_list([tiers.get(n, n) for n in names], locale=language),
        "original": lambda text: text.translations.get(default, str(text)),
        "is_personal_code": lambda o: isinstance(o, PersonalCode),
        "is_free_shipping": lambda o: isinstance(o, FreeShipping),
        "is_gift": lambda o: isinstance(o, GiftWithNextOrder),
        "offers": _anchored(campaign.offers),
        **_events(campaign, today, language),
    }


def _events(campaign: Campaign, today: date, language: str) -> dict[str, Any]:
    """The events page's context: upcoming and past on ``today``, and their calendar links."""
    finished = [e for e in campaign.events if local(e.finish, campaign).date() < today]
    return {
        "upcoming": sorted(
            (e for e in campaign.events if e not in finished), key=lambda e: e.start
        ),
        "past": sorted(finished, key=lambda e: e.start, reverse=True),
        "when": lambda e: formatting.event_time(
            local(e.start, campaign), local(e.finish, campaign), language
        ),
        "ics": lambda name: calendar_path(name, language, campaign.business.default_language),
        "google": lambda e: google_link(e, campaign),
    }


def announcements(loaded: LoadedCampaign, today: date) -> dict[str, str]:
    """One line of HTML per language for the theme's announcement bar, by the campaign's phase."""
    return {
        language: _env(language)
        .get_template("announce.html.j2")
        .render(page_context(loaded, today, language))
        for language in loaded.campaign.business.site_languages
    }


def _counts(counts: list[tuple[str, int]], tiers: dict[str, str], language: str) -> Markup:
    """``**21** gold, **10** silver and **8** friend customers``, in ``language``."""
    parts = [
        ngettext_in(
            language,
            "**%(num)d** %(tier)s customer",
            "**%(num)d** %(tier)s customers",
            count,
            tier=escape(tiers.get(name, name)),
        )
        for name, count in counts
    ]
    return Markup(format_list(parts, locale=language))


def _anchored(offers: list[AnyOffer]) -> list[tuple[AnyOffer, str]]:
    """Each offer with a stable anchor: its kind, numbered when a kind repeats."""
    seen: dict[str, int] = {}
    result = []
    for offer in offers:
        base = offer.kind.replace("_", "-")
        seen[base] = seen.get(base, 0) + 1
        result.append((offer, base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return result
