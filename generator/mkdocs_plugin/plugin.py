"""The MkDocs adapter: adds the campaign's pages to the site and its brand to Material."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths
from mkdocs.utils.templates import TemplateContext

from generator.audit.findings import IgnoreRule
from generator.errors import AppreciateError
from generator.mkdocs_plugin.checks import audit_built_site, refuse_leaks
from generator.mkdocs_plugin.config import AppreciateConfig
from generator.mkdocs_plugin.error_pages import ERROR_PAGE, keep_in_language_folder
from generator.mkdocs_plugin.hreflang import absolute_alternates
from generator.mkdocs_plugin.languages import (
    docs_path,
    i18n_plugin,
    language_being_built,
    lunr_languages,
    neutral_path,
    translated_page,
)
from generator.mkdocs_plugin.palette import brand_css, custom_palette
from generator.mkdocs_plugin.preflight import PUBLISHING_COMMANDS, preflight
from generator.mkdocs_plugin.redirects import language_redirects
from generator.mkdocs_plugin.search import INDEX, language_base, split_search_index
from generator.mkdocs_plugin.site_name import name_problem
from generator.mkdocs_plugin.state import BuildState
from generator.model.source import display_path
from generator.pages.bundle import SiteBundle
from generator.pages.cache import cached_bundle

if TYPE_CHECKING:  # the live-reload server pulls in http.server; builds do not need it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("appreciate")

THEME_DIR = Path(__file__).parent / "theme"
MATERIAL_FAVICON = "assets/images/favicon.png"
# Markdown extensions the generated pages are written for
EXTENSIONS = ("attr_list", "md_in_html", "admonition", "pymdownx.details", "tables", "toc")


class CampaignInputError(PluginError):
    """A problem in the campaign files or the plugin's options that the user can fix."""


@contextmanager
def user_errors() -> Iterator[None]:
    """A problem the user can fix (``AppreciateError``) as MkDocs' ``PluginError``: the one
    line MkDocs prints before it stops, no traceback."""
    try:
        yield
    except AppreciateError as exc:
        raise CampaignInputError(exc.message) from None


class AppreciatePlugin(BasePlugin[AppreciateConfig]):
    publishing = True
    """Whether this run puts the site on the web (the preflight stops it) or previews it (warns);
    set by on_startup's command, or by ``appreciate build --preview``."""

    def __init__(self) -> None:
        self.state: BuildState | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.publishing = command in PUBLISHING_COMMANDS

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[Any, Any]:
        # with on_startup, MkDocs keeps this plugin for a whole serve session: each new
        # configuration starts afresh, keeping only the command
        self.state = None
        return super().load_config(options, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        with user_errors():
            return self._configure(config)

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.state is None:  # the first (or only) language's build of this configuration
            self.state = self._start(config)
        state = self.state
        i18n = i18n_plugin(config)
        state.language = language_being_built(state.bundle.languages, i18n)
        if i18n is not None:
            # each language gets its own search index (on_post_build); i18n's deduplication of
            # the merged one would drop untranslated pages from their language's results
            i18n.config.reconfigure_search = False
        if state.building_default:
            preflight(config, state.bundle, publishing=self.publishing)
            for line in state.bundle.customer_report:
                log.info(f"customers: {line}")
            for line in state.bundle.untranslated:
                log.warning(f"{line}")
        self._theme(config, state.bundle)
        self._extra(config, state)
        return config

    def _start(self, config: MkDocsConfig) -> BuildState:
        """Render (or read back) the campaign; check what does not change between languages."""
        if config.theme.name != "material":
            raise CampaignInputError(
                "mkdocs.yml: theme.name: the appreciate plugin needs 'material'"
            )
        root = Path(config.config_file_path or ".").parent
        campaign_file = root / self.config.campaign
        cache_dir = root / self.config.cache_dir if self.config.cache else None
        if cache_dir is not None:
            bundle = cached_bundle(campaign_file, cache_dir, self.config.today)
        else:
            from generator.pages.render import render_bundle

            bundle = render_bundle(campaign_file, self.config.today)
        if problem := name_problem(config, bundle.business_name, bundle.business_name_where):
            raise CampaignInputError(problem)
        return BuildState(
            bundle=bundle,
            root=root,
            cache_dir=cache_dir,
            audit_rules=self._audit_rules(),
            nav_from_files=config.nav is None,
            social_ours="social" not in config.extra,
        )

    def _theme(self, config: MkDocsConfig, bundle: SiteBundle) -> None:
        """Our templates, the brand's palette and logo, the Markdown extensions the pages use."""
        # our templates come after the project's overrides/, before Material's own
        # (i18n builds each language again with the same config: add them once)
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.theme["palette"] = custom_palette(config.theme.get("palette"))
        if bundle.logo and not config.theme.get("logo"):
            if not (Path(config.docs_dir) / bundle.logo).is_file():
                raise CampaignInputError(
                    f"{bundle.logo_where}: brand.logo: file '{bundle.logo}' not found "
                    f"(hint: the path is relative to the docs folder "
                    f"{display_path(Path(config.docs_dir))})"
                )
            config.theme["logo"] = bundle.logo
            if config.theme.get("favicon") in (None, MATERIAL_FAVICON):
                config.theme["favicon"] = bundle.logo
        for extension in EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)

    def _extra(self, config: MkDocsConfig, state: BuildState) -> None:
        """What our templates read from ``extra``, in the language being built."""
        bundle, language = state.bundle, state.language
        config.extra["appreciate"] = {
            "brand_css": brand_css(*bundle.brand),
            "announce": bundle.announce.get(language, ""),
            **(asdict(bundle.share[language]) if language in bundle.share else {}),
            "campaign": bundle.campaign_id,
            "not_found": bundle.not_found.get(language),
        }
        # a shop's pages don't advertise the engine ("Made with Material for MkDocs") unless asked
        config.extra.setdefault("generator", False)
        if config.site_url and len(bundle.languages) > 1:
            # Material keeps preferences (light or dark...) per base_url, which is each language's
            # folder for its search (on_page_context): one scope, the site's, for every language
            config.extra.setdefault("scope", urlsplit(config.site_url).path or "/")
        if state.social_ours and bundle.social.get(language):  # the footer links them
            config.extra["social"] = [asdict(link) for link in bundle.social[language]]

    def _audit_rules(self) -> tuple[IgnoreRule, ...]:
        try:
            return tuple(IgnoreRule.parse(rule) for rule in self.config.audit_ignore)
        except ValueError as exc:
            raise CampaignInputError(
                f"mkdocs.yml: plugins.appreciate.audit_ignore: {exc}"
            ) from None

    def _add_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.state is None:
            return files
        state, bundle = self.state, self.state.bundle
        # files copied from installed themes (not the project's overrides/) hold no campaign data
        packaged = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        state.theme_files = frozenset(
            f.dest_uri
            for f in files
            if f.abs_src_path and any(f.abs_src_path.startswith(d) for d in packaged)
        )
        i18n = i18n_plugin(config)
        state.generated = {}
        for page in bundle.pages:
            path = docs_path(page.path, page.language, state.default_language)
            if files.get_file_from_path(path) is not None:
                if state.building_default:
                    log.info(f"{config.docs_dir}/{path} is used instead of the generated page")
                continue
            file = File.generated(config, path, content=page.markdown)
            if i18n is not None:
                # i18n only takes pages from the docs folder, and copies them without content:
                # give it the path the page would have there, and the content back in _restore
                file.abs_src_path = str(Path(config.docs_dir, path))
            files.append(file)
            state.generated[path] = page.markdown
        copied: dict[str, str | bytes] = {**bundle.files, **bundle.images}
        for path, content in copied.items():  # calendars and share images, as they are
            if files.get_file_from_path(path) is None:
                file = File.generated(config, path, content=content)
                if i18n is not None:
                    # i18n needs a source path; one outside the docs folder keeps the file as it
                    # is, at the same address in every language's build
                    file.abs_src_path = str(state.root / path)
                files.append(file)
        if state.nav_from_files:
            config.nav = self._nav(files, bundle)
        return files

    def _nav(self, files: Files, bundle: SiteBundle) -> list[Any]:
        """The generated pages first, in campaign order; the marketer's pages after them."""
        default = bundle.languages[0]
        ours = [page.path for page in bundle.pages if page.language == default]
        others = [
            f.src_uri
            for f in files.documentation_pages()
            if f.src_uri not in ours
            and not translated_page(f.src_uri, bundle.languages)
            and f.inclusion.is_in_nav()
        ]
        return [*ours, *nest_paths(sorted(others, key=_index_first))]

    @event_priority(-110)  # after i18n (-100) has picked each page's language version
    def _restore_content(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.state is None:
            return files
        for file in files:
            markdown = self.state.generated.get(file.src_uri)
            if markdown is not None and file._content is None:
                file.content_string = markdown
        if self.state.building_default and i18n_plugin(config) is not None and config.site_url:
            # the default language has no folder of its own: en/... redirects to its pages
            taken = {file.dest_uri for file in files}
            pages = [file.url.removeprefix("./") for file in files.documentation_pages()]
            stubs = language_redirects(self.state.language, pages, config.site_url, taken)
            for path, html in stubs.items():
                files.append(File.generated(config, path, content=html))
        return files

    on_files = CombinedEvent(_add_pages, _restore_content)

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        """A share card of its own for each marketer's page (the campaign's pages have theirs).

        The pages are read by now, their titles known; the cards are copied with the other files.
        """
        if self.state is None:
            return env
        style = self.state.bundle.cards.get(self.state.language)
        if style is None:
            return env
        from generator.pages.share import share_image, share_path

        for file in files.documentation_pages():
            page = file.page
            if page is None or file.src_uri in self.state.generated or page.meta.get("share_image"):
                continue
            title = str(page.meta.get("title") or page.title or config.site_name)
            path = share_path(neutral_path(file.src_uri, self.state.language), self.state.language)
            card = share_image(title, style, self.state.cache_dir)
            files.append(File.generated(config, path, content=card))
            page.meta["share_image"] = path
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        state = self.state
        if state is None or i18n_plugin(config) is None or not page.canonical_url:
            return output
        return absolute_alternates(output, page.canonical_url, state.default_language)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Another language's pages search that language's own index (Material's ``base``)."""
        state = self.state
        if state is not None and not state.building_default and i18n_plugin(config) is not None:
            context["base_url"] = language_base(page.url, state.language)
        return context

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Another language's 404 page goes to its folder (es/404.html), not over the root's."""
        if template_name != ERROR_PAGE or self.state is None or self.state.building_default:
            return output_content
        return keep_in_language_folder(output_content, Path(config.site_dir), self.state.language)

    @event_priority(-110)  # after every other plugin, i18n's builds of the other languages too
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.state is None:
            return
        i18n = i18n_plugin(config)
        if i18n is not None and i18n.building:  # one language of several: check the whole later
            return
        site_dir = Path(config.site_dir)
        if i18n is not None and (site_dir / INDEX).is_file():
            split_search_index(site_dir, self.state.bundle.languages, lunr_languages(config))
        with user_errors():
            refuse_leaks(self.state, site_dir)
        if self.config.audit:
            audit_built_site(config, self.config, self.state.audit_rules)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        from generator.mkdocs_plugin.serve import show_build_errors

        if self.state is not None:
            for folder in {Path(path).parent for path in self.state.bundle.inputs}:
                server.watch(str(folder))
        show_build_errors(server)  # a mistake shows in the browser, not a hanging page
        return server


def _index_first(src_uri: str) -> tuple[str, bool, str]:
    folder, _, name = src_uri.rpartition("/")
    return folder, Path(name).stem not in ("index", "README"), name
