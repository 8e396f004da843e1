"""The publishing preflight inside a MkDocs build: stop a build for the web, warn a preview.

``mkdocs build`` and ``mkdocs gh-deploy`` (and ``appreciate build``) publish: a site whose forms
cannot reach their receiver, or without its address, stops before anything is written.
``mkdocs serve`` (and ``appreciate build --preview``) only warns: local receivers are normal
while previewing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from generator.model.source import display_path
from generator.pages.bundle import SiteBundle
from generator.publish.checks import Check, SiteFacts, offline_checks
from generator.publish.links import form_links_under

log = get_plugin_logger("appreciate")

# the commands MkDocs passes to on_startup that put the site on the web
PUBLISHING_COMMANDS = frozenset({"build", "gh-deploy"})


class NotReadyToPublish(PluginError):
    """The site would not work once published; one line per problem."""


class FactsUnavailable(Exception):
    """The configuration or the campaign cannot be read; the message says where and why."""


def config_name(config: MkDocsConfig) -> str:
    """The configuration file as a person reads it (``mkdocs.yml``)."""
    return display_path(Path(config.config_file_path or "mkdocs.yml"))


def site_facts(config: MkDocsConfig, bundle: SiteBundle) -> SiteFacts:
    """The facts the checks look at, from MkDocs' configuration and the campaign."""
    docs_dir = Path(config.docs_dir)
    pages = display_path(docs_dir)
    return SiteFacts(
        site_url=config.site_url,
        site_url_where=f"{config_name(config)}: site_url",
        receiver_url=bundle.receiver_url,
        receiver_where=bundle.receiver_where,
        pages_where=pages,
        form_links=form_links_under(docs_dir, pages),
    )


def facts_of(config_file: Path) -> SiteFacts:
    """The facts of the site ``config_file`` configures, without building it.

    Raises FactsUnavailable when mkdocs.yml or the campaign cannot be read.
    """
    from generator.mkdocs_plugin.configfile import read_config
    from generator.model.errors import InputError
    from generator.model.loader import load_campaign
    from generator.publish.receiver_url import with_receiver_override

    try:
        config, campaign = read_config(config_file)
    except ValueError as exc:
        raise FactsUnavailable(str(exc)) from None
    if campaign is None:
        raise FactsUnavailable(f"{config_file}: plugins: no appreciate plugin")
    try:
        loaded, receiver_where = with_receiver_override(load_campaign(campaign))
    except InputError as exc:
        raise FactsUnavailable(str(exc)) from None
    docs_dir = Path(config.docs_dir)
    pages = display_path(docs_dir)
    return SiteFacts(
        site_url=config.site_url,
        site_url_where=f"{config_name(config)}: site_url",
        receiver_url=loaded.campaign.receiver.base,
        receiver_where=receiver_where,
        pages_where=pages,
        form_links=form_links_under(docs_dir, pages),
    )


def preflight(config: MkDocsConfig, bundle: SiteBundle, *, publishing: bool) -> list[Check]:
    """Run the checks; raise NotReadyToPublish when publishing, else warn. Returns the checks."""
    checks = offline_checks(site_facts(config, bundle))
    failed = [check for check in checks if not check.passed]
    if failed and publishing:
        raise NotReadyToPublish(
            "\n".join(str(check) for check in failed)
            + "\nnot ready to publish (hint: fix the lines above; `mkdocs serve` or "
            "`appreciate build --preview` builds anyway for a look)"
        )
    for check in failed:
        log.warning(f"{check}")
    return checks
