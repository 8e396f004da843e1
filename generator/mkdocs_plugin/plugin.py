"""The MkDocs adapter: adds the campaign's pages to the site and its brand to Material."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from generator.mkdocs_plugin.config import AppreciateConfig
from generator.mkdocs_plugin.error_pages import ERROR_PAGE, keep_in_language_folder
from generator.mkdocs_plugin.preflight import PUBLISHING_COMMANDS, preflight
from generator.mkdocs_plugin.site_name import name_problem
from generator.model.source import display_path
from generator.pages.bundle import SiteBundle, cached_bundle, render_bundle
from generator.pages.head import absolute_alternates
from generator.pages.redirects import write_language_redirects
from generator.pages.search import INDEX, language_search_base, split_search_index

if TYPE_CHECKING:  # the live-reload server pulls in http.server; builds do not need it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("appreciate")

THEME_DIR = Path(__file__).parent / "theme"
MATERIAL_FAVICON = "assets/images/favicon.png"
# Markdown extensions the generated pages are written for
EXTENSIONS = ("attr_list", "md_in_html", "admonition", "pymdownx.details", "tables", "toc")


class CampaignInputError(PluginError):
    """A problem in the campaign files or the plugin's options that the user can fix."""


class PrivacyLeak(CampaignInputError):
    """The built site shows a customer's private data."""


class AppreciatePlugin(BasePlugin[AppreciateConfig]):
    publishing = True
    """Whether this run puts the site on the web (the preflight stops it) or previews it (warns);
    set by on_startup's command, or by ``appreciate build --preview``."""

    def __init__(self) -> None:
        self.bundle: SiteBundle | None = None
        self.nav_from_files: bool | None = None
        self.language = ""
        self.generated: dict[str, str] = {}
        self.audit_rules: tuple[IgnoreRule, ...] = ()
        self.root = Path()  # the project's folder: mkdocs.yml, and private/ beside it
        self.cache_dir: Path | None = None  # the render cache, when the options keep one
        self.default_pages: set[str] = set()  # addresses of the default language's pages
        self.social_ours: bool | None = None  # whether extra.social is the campaign's channels
        self.theme_files: frozenset[str] = frozenset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.publishing = command in PUBLISHING_COMMANDS

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[Any, Any]:
        # with on_startup, MkDocs keeps this plugin for a whole serve session: each new
        # configuration starts afresh, keeping only the command
        publishing = self.publishing
        self.__init__()  # type: ignore[misc]
        self.publishing = publishing
        return super().load_config(options, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if config.theme.name != "material":
            raise CampaignInputError(
                "mkdocs.yml: theme.name: the appreciate plugin needs 'material'"
            )
        root = Path(config.config_file_path or ".").parent
        campaign_file = root / self.config.campaign
        cache_dir = root / self.config.cache_dir
        try:
            if self.config.cache:
                self.bundle = cached_bundle(campaign_file, cache_dir, self.config.today)
            else:
                self.bundle = render_bundle(campaign_file, self.config.today)
        except AppreciateError as exc:
            raise CampaignInputError(exc.message) from None
        bundle = self.bundle
        if problem := name_problem(config, bundle.business_name, bundle.business_name_where):
            raise CampaignInputError(problem)
        self.root = root
        self.cache_dir = cache_dir if self.config.cache else None
        i18n = _i18n(config)
        self.language = _check_languages(bundle, i18n)
        if i18n is not None:
            # each language gets its own search index (on_post_build); i18n's deduplication of
            # the merged one would drop untranslated pages from their language's results
            i18n.config.reconfigure_search = False
        if self.language == bundle.languages[0]:  # the first (or only) language's build
            preflight(config, bundle, publishing=self.publishing)
            self.default_pages = set()
            for line in bundle.customer_report:
                log.info(f"customers: {line}")
            for line in bundle.untranslated:
                log.warning(f"{line}")

        # our templates come after the project's overrides/, before Material's own
        # (i18n builds each language again with the same config: add them once)
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.theme["palette"] = _custom_palette(config.theme.get("palette"))
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
        config.extra["appreciate"] = {
            "brand_css": bundle.brand_css,
            "announce": bundle.announce.get(self.language, ""),
            **bundle.share.get(self.language, {}),
            "campaign": bundle.campaign_id,
            "not_found": bundle.not_found.get(self.language),
        }
        # a shop's pages don't advertise the engine ("Made with Material for MkDocs") unless asked
        config.extra.setdefault("generator", False)
        if self.social_ours is None:  # the project's own extra.social, if any, wins
            self.social_ours = "social" not in config.extra
        if self.social_ours and bundle.social.get(self.language):  # the footer links them
            config.extra["social"] = bundle.social[self.language]
        if self.nav_from_files is None:  # later languages' builds see the nav the first one set
            self.nav_from_files = config.nav is None
        self.audit_rules = self._audit_rules()
        return config

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Another language's 404 page goes to its folder (es/404.html), not over the root's."""
        if template_name != ERROR_PAGE or self.bundle is None:
            return output_content
        if self.language == self.bundle.languages[0]:
            return output_content
        return keep_in_language_folder(output_content, Path(config.site_dir), self.language)

    def _audit_rules(self) -> tuple[IgnoreRule, ...]:
        try:
            return tuple(IgnoreRule.parse(rule) for rule in self.config.audit_ignore)
        except ValueError as exc:
            raise CampaignInputError(
                f"mkdocs.yml: plugins.appreciate.audit_ignore: {exc}"
            ) from None

    def _add_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.bundle is None:
            return files
        # files copied from installed themes (not the project's overrides/) hold no campaign data
        packaged = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        self.theme_files = frozenset(
            f.dest_uri
            for f in files
            if f.abs_src_path and any(f.abs_src_path.startswith(d) for d in packaged)
        )
        i18n = _i18n(config)
        default = self.bundle.languages[0]
        first_build = self.language == default  # on_config set the language being built
        self.generated = {}
        for page in self.bundle.pages:
            if files.get_file_from_path(page.path) is not None:
                if first_build:
                    log.info(f"{config.docs_dir}/{page.path} is used instead of the generated page")
                continue
            file = File.generated(config, page.path, content=page.markdown)
            if i18n is not None:
                # i18n only takes pages from the docs folder, and copies them without content:
                # give it the path the page would have there, and the content back in _restore
                file.abs_src_path = str(Path(config.docs_dir, page.path))
            files.append(file)
            self.generated[page.path] = page.markdown
        images = {path: base64.b64decode(png) for path, png in self.bundle.images.items()}
        copied: dict[str, str | bytes] = {**self.bundle.files, **images}
        for path, content in copied.items():  # calendars and share images, as they are
            if files.get_file_from_path(path) is None:
                file = File.generated(config, path, content=content)
                if i18n is not None:
                    # i18n needs a source path; one outside the docs folder keeps the file as it
                    # is, at the same address in every language's build
                    file.abs_src_path = str(Path(config.config_file_path or ".").parent / path)
                files.append(file)
        if self.nav_from_files:
            # generated pages first, in campaign order; the marketer's pages after them
            ours = [page.path for page in self.bundle.pages if page.language == default]
            suffixes = tuple(f".{language}.md" for language in self.bundle.languages[1:])
            others = [
                f.src_uri
                for f in files.documentation_pages()
                if f.src_uri not in ours
                and not f.src_uri.endswith(suffixes)
                and f.inclusion.is_in_nav()
            ]
            config.nav = [*ours, *nest_paths(sorted(others, key=_index_first))]
        return files

    @event_priority(-110)  # after i18n (-100) has picked each page's language version
    def _restore_content(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        for file in files:
            markdown = self.generated.get(file.src_uri)
            if markdown is not None and file._content is None:
                file.content_string = markdown
        return files

    on_files = CombinedEvent(_add_pages, _restore_content)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """A share card of its own for a marketer's page (the campaign's pages have theirs)."""
        if self.bundle is None or page.file.src_uri in self.generated:
            return context
        style = self.bundle.cards.get(self.language)
        if style is None or page.meta.get("share_image"):
            return context
        from generator.pages.share import CardStyle, share_image, share_path

        title = str(page.meta.get("title") or page.title or config.site_name)
        path = share_path(page.file.src_uri, self.language)
        card = share_image(title, CardStyle(*style), self.cache_dir)
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(card)
        page.meta["share_image"] = path
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.bundle is None or _i18n(config) is None or not page.canonical_url:
            return output
        output = absolute_alternates(output, page.canonical_url, self.bundle.languages[0])
        if self.language == self.bundle.languages[0]:
            self.default_pages.add(page.url)  # each gets a redirect from en/ (on_post_build)
        else:  # search this language's own index
            output = language_search_base(output, page.url, self.language)
        return output

    @event_priority(-110)  # after every other plugin, i18n's builds of the other languages too
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.bundle is None:
            return
        i18n = _i18n(config)
        if i18n is not None and i18n.building:  # one language of several: check the whole later
            return
        site_dir = Path(config.site_dir)
        if i18n is not None:
            if (site_dir / INDEX).is_file():
                split_search_index(site_dir, self.bundle.languages, _lunr_languages(config))
            default = self.bundle.languages[0]
            write_language_redirects(site_dir, default, self.default_pages, config.site_url)
        if self.bundle.guard is not None:
            self._guard(self.bundle.guard, site_dir)
        if self.config.audit:
            self._audit(config)

    def _guard(self, settings: dict[str, Any], site_dir: Path) -> None:
        """Refuse the site if it shows anything private of the customer list."""
        from generator.customers.guard import guard_site

        try:
            cache = self.cache_dir / "guard.json" if self.cache_dir else None
            leaks = guard_site(settings, site_dir, self.root, self.theme_files, cache)
        except AppreciateError as exc:
            raise CampaignInputError(exc.message) from None
        if leaks:
            raise PrivacyLeak(
                "\n".join(f"{leak} from the customer list" for leak in leaks)
                + "\nthe site is refused (hint: remove the customer's details from the page's "
                "Markdown in content/, or from the campaign)"
            )

    def _audit(self, config: MkDocsConfig) -> None:
        from generator.audit.limits import ImageLimits
        from generator.audit.report import summary
        from generator.audit.site import AuditOptions, audit_site

        limits = ImageLimits(
            self.config.audit_stretch_tolerance,
            self.config.audit_max_upscale,
            self.config.audit_max_image_kb * 1000,
        )
        options = AuditOptions(config.site_url, limits, self.audit_rules)
        report = audit_site(Path(config.site_dir), options)
        for f in report.findings:
            log.warning(f"{f.page}:{f.line or '-'}: {f.tag}: {f.target}: {f.message}")
        log.info(f"audit: {summary(report)}")

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        from generator.mkdocs_plugin.serve import show_build_errors

        if self.bundle is not None:
            for folder in {Path(path).parent for path in self.bundle.inputs}:
                server.watch(str(folder))
        show_build_errors(server)  # a mistake shows in the browser, not a hanging page
        return server


def _i18n(config: MkDocsConfig) -> Any:
    """The mkdocs-static-i18n plugin, when the site uses it."""
    return config.plugins.get("i18n")


def _lunr_languages(config: MkDocsConfig) -> set[str]:
    """The languages lunr.js has a pipeline for, as the theme ships them (lunr.es.min.js)."""
    found: set[str] = set()
    for folder in config.theme.dirs:
        scripts = Path(folder, "assets", "javascripts", "lunr", "min")
        found.update(path.name.split(".")[1] for path in scripts.glob("lunr.*.min.js"))
    return found


def _check_languages(bundle: SiteBundle, i18n: Any) -> str:
    """The language being built; fails when mkdocs.yml's languages are not the campaign's."""
    default, *others = bundle.languages
    if i18n is None:
        if others:
            raise CampaignInputError(
                f"mkdocs.yml: plugins: the campaign's languages are {', '.join(bundle.languages)} "
                "but the i18n plugin is not set up (hint: add mkdocs-static-i18n with these "
                "languages, see docs/languages.md)"
            )
        return default
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    if i18n.default_language != default or sorted(built) != sorted(bundle.languages):
        raise CampaignInputError(
            f"mkdocs.yml: plugins.i18n.languages: builds {', '.join(built)} with default "
            f"{i18n.default_language}, but the campaign's languages are "
            f"{', '.join(bundle.languages)} with default {default} (hint: make them the same)"
        )
    if i18n.config.docs_structure != "suffix":
        raise CampaignInputError(
            "mkdocs.yml: plugins.i18n.docs_structure: the appreciate plugin needs 'suffix' "
            "(hint: name translated pages like our-story.es.md)"
        )
    return str(i18n.current_language or default)


def _custom_palette(palette: Any) -> Any:
    """Material's palette with primary and accent set to ``custom``, so the brand CSS applies."""
    if isinstance(palette, list):
        return [_custom_palette(scheme) for scheme in palette]
    scheme = dict(palette or {})
    scheme["primary"] = "custom"
    scheme["accent"] = "custom"
    return scheme


def _index_first(src_uri: str) -> tuple[str, bool, str]:
    folder, _, name = src_uri.rpartition("/")
    return folder, Path(name).stem not in ("index", "README"), name
