"""What a site engine needs from a campaign, rendered once and cached between builds.

This module is imported on every build, so it stays light: loading and rendering (pydantic,
Babel, phonenumbers...) are imported only when the cache cannot answer.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import generator
from generator.errors import AppreciateError
from generator.pages.generated import GeneratedPage
from generator.publish.receiver_url import receiver_override
from generator.staging import write_replacing

if TYPE_CHECKING:
    from generator.model.loader import LoadedCampaign

TODAY_VARIABLE = "APPRECIATE_TODAY"
# code whose change changes the rendered pages
_RENDERING_CODE = tuple(
    Path(generator.__file__).parent / name
    for name in ("pages", "model", "customers", "publish", "locale", "i18n.py")
)


@dataclass(frozen=True)
class SiteBundle:
    """A validated campaign rendered for one day."""

    campaign_id: str
    pages: list[GeneratedPage]
    brand_css: str
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
    guard: dict[str, Any] | None = None
    """Where the privacy guard finds the customer list (file, format, columns), the allowed
    words, and what its codes are made of (campaign id, code length; none without the offer)."""
    files: dict[str, str] = field(default_factory=dict)
    """Other generated files by their path in the site: the calendar (.ics) files."""
    images: dict[str, str] = field(default_factory=dict)
    """The pages' share images (PNG, base64, so the cache stays JSON) by path in the site."""
    share: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per language: the landing page's share image, the Open Graph locale and its alternates."""
    cards: dict[str, list[str]] = field(default_factory=dict)
    """Per language, the share cards' style (a ``CardStyle``), for the marketer's own pages."""
    social: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    """Per language, the public channels as Material's ``extra.social`` (icon, link, name)."""
    not_found: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per language, what the 404 page says (``pages/not_found.py``)."""
    untranslated: list[str] = field(default_factory=list)
    """``file:line: field: no 'es' translation ...``, one line per text and missing language."""
    receiver_url: str = ""
    receiver_where: str = ""
    """``file:line: receiver.url``, or ``$APPRECIATE_RECEIVER_URL`` when that set it."""
    business_name: str = ""
    business_name_where: str = ""
    """``file:line: business.name``, for the site's name."""


class BuildDateError(AppreciateError, ValueError):
    """The day to build for is not a date."""


def build_date(time_zone: str, override: str | None = None) -> date:
    """The day of the build in the business's time zone, or ``override`` / $APPRECIATE_TODAY."""
    fixed = override or os.environ.get(TODAY_VARIABLE)
    if not fixed:
        return datetime.now(ZoneInfo(time_zone)).date()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        source = "plugins.appreciate.today" if override else f"${TODAY_VARIABLE}"
        raise BuildDateError(
            f"{source}: '{fixed}' is not a date (hint: write it as YYYY-MM-DD)"
        ) from None


def render_bundle(
    campaign_file: Path, today_override: str | None = None, cache_dir: Path | None = None
) -> SiteBundle:
    """Load, validate and render; raises InputError (file:line problems) or BuildDateError.

    ``cache_dir`` keeps the share images between renders.
    """
    from generator.customers.ledger import summarize
    from generator.customers.reader import customer_reader
    from generator.i18n import gettext_in
    from generator.model.campaign import PersonalCode
    from generator.model.loader import load_campaign
    from generator.model.translated import localized
    from generator.pages.brand import brand_css
    from generator.pages.calendar import calendar_files
    from generator.pages.not_found import not_found_texts
    from generator.pages.share import og_locale, share_path
    from generator.pages.site import announcements, card_styles, render_site, share_cards
    from generator.publish.receiver_url import with_receiver_override

    loaded, receiver_where = with_receiver_override(load_campaign(campaign_file))
    today = build_date(loaded.campaign.business.time_zone, today_override)
    loaded = loaded.on(today)
    campaign = loaded.campaign
    inputs = [str(path) for path in loaded.files]
    customers, report, guard = None, [], None
    if (reader := customer_reader(loaded)) is not None:
        customers, _ = summarize(reader, today, campaign.wall)
        report = [customers.report(), *(str(problem) for problem in customers.problems)]
        inputs.append(str(reader.csv.path))
        guard = {
            "file": str(reader.csv.path),
            "format": reader.settings.format,
            "columns": dict(reader.settings.columns),
            "allow_words": list(campaign.privacy.allow_words),
            "campaign_id": campaign.id,
            "code_length": next(
                (o.code_length for o in campaign.offers if isinstance(o, PersonalCode)), None
            ),
        }
    pages = render_site(loaded, today, customers)
    styles = card_styles(loaded)
    return SiteBundle(
        campaign_id=campaign.id,
        pages=pages,
        brand_css=brand_css(campaign.brand),
        announce=announcements(loaded, today),
        languages=list(campaign.business.site_languages),
        logo=campaign.brand.logo,
        logo_where=loaded.where(("brand", "logo")),
        time_zone=campaign.business.time_zone,
        today=today,
        inputs=inputs,
        customer_report=report,
        guard=guard,
        files={
            path: text
            for language in campaign.business.site_languages
            for path, text in calendar_files(localized(campaign, language), language, today).items()
        },
        images={
            path: base64.b64encode(png).decode("ascii")
            for path, png in share_cards(styles, pages, cache_dir).items()
        },
        cards={language: list(style) for language, style in styles.items()},
        share={
            language: {
                "share_image": share_path("index.md", language),
                "locale": og_locale(language),
                "alternate_locales": [
                    og_locale(other)
                    for other in campaign.business.site_languages
                    if other != language
                ],
            }
            for language in campaign.business.site_languages
        },
        social={
            language: [
                {
                    "icon": channel.icon,
                    "link": channel.link,
                    "name": gettext_in(language, channel.name),
                }
                for channel in campaign.channels
            ]
            for language in campaign.business.site_languages
        },
        untranslated=missing_translations(loaded),
        not_found={
            language: not_found_texts(list(campaign.business.site_languages), language)
            for language in campaign.business.site_languages
        },
        receiver_url=campaign.receiver.base,
        receiver_where=receiver_where,
        business_name=campaign.business.name,
        business_name_where=f"{loaded.where(('business', 'name'))}: business.name",
    )


def missing_translations(loaded: LoadedCampaign) -> list[str]:
    """One line per text of the campaign and returns policy that a site language lacks."""
    from generator.model.errors import field_path
    from generator.model.translated import untranslated

    business = loaded.campaign.business
    others = business.site_languages[1:]
    lines = []
    for model, source in (
        (loaded.campaign, loaded.source),
        (loaded.returns, loaded.returns_source),
    ):
        for loc, language in untranslated(model, others):
            lines.append(
                f"{source.where(loc)}: {field_path(loc)}: no '{language}' translation "
                f"(the {business.default_language} text is shown)"
            )
    return lines


def cached_bundle(
    campaign_file: Path, cache_dir: Path, today_override: str | None = None
) -> SiteBundle:
    """The bundle from ``cache_dir`` when the inputs, the code and the day are unchanged."""
    entry = (
        cache_dir / f"{hashlib.sha1(str(campaign_file.resolve()).encode()).hexdigest()[:16]}.json"
    )
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        bundle = _from_json(stored["bundle"])
        fresh = stored["digest"] == _digest(bundle.inputs) and bundle.today == build_date(
            bundle.time_zone, today_override
        )
    except (OSError, ValueError, KeyError, TypeError):
        fresh = False
    if fresh:
        return bundle
    bundle = render_bundle(campaign_file, today_override, cache_dir)
    record = {"digest": _digest(bundle.inputs), "bundle": _to_json(bundle)}
    write_replacing(entry, json.dumps(record))
    return bundle


def _digest(inputs: list[str]) -> str:
    """Hash of the input files (their bytes; size and time for big ones) and the code's stamps."""
    digest = hashlib.sha256(generator.__version__.encode())
    digest.update(receiver_override().encode() + b"\0")  # the forms' address for this run
    for name in inputs:
        stat = Path(name).stat()
        content = (
            Path(name).read_bytes() if stat.st_size < 1 << 20 else f"{stat.st_mtime_ns}".encode()
        )
        digest.update(f"{name}:{stat.st_size}:".encode() + content + b"\0")
    for folder in _RENDERING_CODE:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.suffix in (".py", ".j2", ".po"):
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\0".encode())
    return digest.hexdigest()


def _to_json(bundle: SiteBundle) -> dict[str, object]:
    data = asdict(bundle)
    data["today"] = bundle.today.isoformat()
    return data


def _from_json(data: dict[str, object]) -> SiteBundle:
    pages = [GeneratedPage(**page) for page in data.pop("pages")]  # type: ignore[attr-defined]
    today = date.fromisoformat(str(data.pop("today")))
    return SiteBundle(pages=pages, today=today, **data)  # type: ignore[arg-type]
