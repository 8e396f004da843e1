"""Render the campaign's pages as Markdown from Jinja2 templates; no MkDocs here."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jinja2

from generator.customers.ledger import CustomerSummary
from generator.model.campaign import AnyOffer, FreeShipping, GiftWithNextOrder, PersonalCode
from generator.model.fields import tel_uri
from generator.model.loader import LoadedCampaign
from generator.pages import formatting
from generator.pages.bundle import GeneratedPage
from generator.pages.faq import REFUND_METHODS, faq_entries, faq_jsonld
from generator.pages.status import Phase, status_on

# (path, template, title); the order is the navigation's
PAGES = (
    ("index.md", "landing.md.j2", "Home"),
    ("offers.md", "offers.md.j2", "Offers"),
    ("survey.md", "survey.md.j2", "Survey"),
    ("contact.md", "contact.md.j2", "Complaints & contact"),
    ("returns.md", "returns.md.j2", "Returns"),
    ("faq.md", "faq.md.j2", "FAQ"),
)
WALL_PAGE = ("thank-you.md", "wall.md.j2", "Thank-you wall")

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.pages", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_site(
    loaded: LoadedCampaign, today: date, customers: CustomerSummary | None = None
) -> list[GeneratedPage]:
    """Every generated page, in navigation order; the wall when the campaign has one."""
    context = {**page_context(loaded, today), "customers": customers}
    pages = []
    wall = (WALL_PAGE,) if loaded.campaign.wall is not None and customers is not None else ()
    for path, template, title in (*PAGES, *wall):
        module = _env.get_template(template).make_module({**context, "page_title": title})
        description = " ".join(str(getattr(module, "description", "")).split())
        markdown = _front_matter(title, description) + str(module)
        pages.append(GeneratedPage(path, title, description, markdown))
    return pages


def _front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars, so any text is safely quoted
    return f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n\n"


def page_context(loaded: LoadedCampaign, today: date) -> dict[str, Any]:
    campaign = loaded.campaign
    locale = campaign.business.default_language
    currency = campaign.business.currency
    return {
        "c": campaign,
        "returns": loaded.returns,
        "status": status_on(campaign.dates, today),
        "today": today,
        "Phase": Phase,
        "locale": locale,
        "money": lambda amount: formatting.money(amount, currency, locale),
        "day": lambda value: formatting.day(value, locale),
        "date_range": formatting.date_range(campaign.dates.start, campaign.dates.end, locale),
        "hours": formatting.opening_hours(campaign.business.opening_hours, locale),
        "tel": tel_uri(campaign.business.phone, campaign.business.country),
        "faq": faq_entries(loaded, locale),
        "faq_jsonld": faq_jsonld,
        "refund_methods": REFUND_METHODS,
        "is_personal_code": lambda o: isinstance(o, PersonalCode),
        "is_free_shipping": lambda o: isinstance(o, FreeShipping),
        "is_gift": lambda o: isinstance(o, GiftWithNextOrder),
        "offers": _anchored(campaign.offers),
    }


def announcement(loaded: LoadedCampaign, today: date) -> str:
    """One line of HTML for the theme's announcement bar, by the campaign's phase."""
    return _env.get_template("announce.html.j2").render(page_context(loaded, today))


def _anchored(offers: list[AnyOffer]) -> list[tuple[AnyOffer, str]]:
    """Each offer with a stable anchor: its kind, numbered when a kind repeats."""
    seen: dict[str, int] = {}
    result = []
    for offer in offers:
        base = offer.kind.replace("_", "-")
        seen[base] = seen.get(base, 0) + 1
        result.append((offer, base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return result
