"""Load, validate and render a campaign into what a site engine needs (a ``SiteBundle``)."""

from __future__ import annotations

from pathlib import Path

from generator.customers.ledger import summarize
from generator.customers.private import GuardedList
from generator.customers.reader import CustomerReader, customer_reader
from generator.i18n import gettext_in
from generator.model.campaign import Campaign, PersonalCode
from generator.model.errors import field_path
from generator.model.loader import LoadedCampaign, load_campaign
from generator.model.translated import localized, untranslated
from generator.pages.build_day import build_date
from generator.pages.bundle import ShareMeta, SiteBundle, SocialLink
from generator.pages.calendar import calendar_files
from generator.pages.not_found import not_found_texts
from generator.pages.share import og_locale, share_path
from generator.pages.site import announcements, card_styles, render_site, share_cards
from generator.publish.receiver_url import with_receiver_override


def render_bundle(
    campaign_file: Path, today_override: str | None = None, cache_dir: Path | None = None
) -> SiteBundle:
    """Load, validate and render; raises InputError (file:line problems) or BuildDateError.

    ``cache_dir`` keeps the share images between renders.
    """
    loaded, receiver_where = with_receiver_override(load_campaign(campaign_file))
    today = build_date(loaded.campaign.business.time_zone, today_override)
    loaded = loaded.on(today)
    campaign = loaded.campaign
    languages = list(campaign.business.site_languages)
    inputs = [str(path) for path in loaded.files]
    customers, report, guard = None, [], None
    if (reader := customer_reader(loaded)) is not None:
        customers, _ = summarize(reader, today, campaign.wall)
        report = [customers.report(), *(str(problem) for problem in customers.problems)]
        inputs.append(str(reader.csv.path))
        guard = guarded_list(reader, campaign)
    pages = render_site(loaded, today, customers)
    styles = card_styles(loaded)
    return SiteBundle(
        campaign_id=campaign.id,
        pages=pages,
        brand=(campaign.brand.primary, campaign.brand.accent),
        announce=announcements(loaded, today),
        languages=languages,
        logo=campaign.brand.logo,
        logo_where=loaded.where(("brand", "logo")),
        time_zone=campaign.business.time_zone,
        today=today,
        inputs=inputs,
        customer_report=report,
        guard=guard,
        files={
            path: text
            for language in languages
            for path, text in calendar_files(localized(campaign, language), language, today).items()
        },
        images=share_cards(styles, pages, cache_dir),
        cards=styles,
        share={language: share_meta(languages, language) for language in languages},
        social={language: social_links(campaign, language) for language in languages},
        untranslated=missing_translations(loaded),
        not_found={language: not_found_texts(languages, language) for language in languages},
        receiver_url=campaign.receiver.base,
        receiver_where=receiver_where,
        business_name=campaign.business.name,
        business_name_where=f"{loaded.where(('business', 'name'))}: business.name",
    )


def guarded_list(reader: CustomerReader, campaign: Campaign) -> GuardedList:
    """What the privacy guard looks for: this customer list, and the codes of this campaign."""
    return GuardedList(
        file=str(reader.csv.path),
        format=reader.settings.format,
        columns=dict(reader.settings.columns),
        allow_words=tuple(campaign.privacy.allow_words),
        campaign_id=campaign.id,
        code_length=next(
            (o.code_length for o in campaign.offers if isinstance(o, PersonalCode)), None
        ),
    )


def share_meta(languages: list[str], language: str) -> ShareMeta:
    """The landing page's share image and the Open Graph locales of ``language``'s pages."""
    return ShareMeta(
        share_image=share_path("index.md", language),
        locale=og_locale(language),
        alternate_locales=tuple(og_locale(other) for other in languages if other != language),
    )


def social_links(campaign: Campaign, language: str) -> tuple[SocialLink, ...]:
    """The campaign's public channels, named in ``language``."""
    return tuple(
        SocialLink(channel.icon, channel.link, gettext_in(language, channel.name))
        for channel in campaign.channels
    )


def missing_translations(loaded: LoadedCampaign) -> list[str]:
    """One line per text of the campaign and returns policy that a site language lacks."""
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
