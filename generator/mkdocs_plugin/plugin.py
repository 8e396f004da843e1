"""The MkDocs adapter: adds the campaign's pages to the site and its brand to Material."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import nest_paths

from generator.audit.findings import IgnoreRule
from generator.customers.csvfile import CustomerListError
from generator.mkdocs_plugin.config import AppreciateConfig
from generator.model.errors import InputError
from generator.model.source import display_path
from generator.pages.bundle import BuildDateError, SiteBundle, cached_bundle, render_bundle

if TYPE_CHECKING:  # the live-reload server pulls in http.server; builds do not need it
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("appreciate")

THEME_DIR = Path(__file__).parent / "theme"
CODES_FILE = Path("private/out/shop-import.csv")
MATERIAL_FAVICON = "assets/images/favicon.png"
# Markdown extensions the generated pages are written for
EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables", "toc")


class CampaignInputError(PluginError):
    """A problem in the campaign files or the plugin's options that the user can fix."""


class PrivacyLeak(CampaignInputError):
    """The built site shows a customer's private data."""


class AppreciatePlugin(BasePlugin[AppreciateConfig]):
    def __init__(self) -> None:
        self.bundle: SiteBundle | None = None
        self.nav_from_files = False
        self.audit_rules: tuple[IgnoreRule, ...] = ()
        self.codes_file = Path()
        self.theme_files: frozenset[str] = frozenset()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if config.theme.name != "material":
            raise CampaignInputError(
                "mkdocs.yml: theme.name: the appreciate plugin needs 'material'"
            )
        root = Path(config.config_file_path or ".").parent
        campaign_file = root / self.config.campaign
        try:
            if self.config.cache:
                cache_dir = root / self.config.cache_dir
                self.bundle = cached_bundle(campaign_file, cache_dir, self.config.today)
            else:
                self.bundle = render_bundle(campaign_file, self.config.today)
        except (InputError, BuildDateError, CustomerListError) as exc:
            raise CampaignInputError(str(exc)) from None
        bundle = self.bundle
        self.codes_file = root / CODES_FILE
        for line in bundle.customer_report:
            log.info(f"customers: {line}")

        # our templates come after the project's overrides/, before Material's own
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
            "announce": bundle.announce,
            "campaign": bundle.campaign_id,
        }
        self.nav_from_files = config.nav is None
        self.audit_rules = self._audit_rules()
        return config

    def _audit_rules(self) -> tuple[IgnoreRule, ...]:
        try:
            return tuple(IgnoreRule.parse(rule) for rule in self.config.audit_ignore)
        except ValueError as exc:
            raise CampaignInputError(
                f"mkdocs.yml: plugins.appreciate.audit_ignore: {exc}"
            ) from None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.bundle is None:
            return files
        # files copied from installed themes (not the project's overrides/) hold no campaign data
        packaged = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        self.theme_files = frozenset(
            f.dest_uri
            for f in files
            if f.abs_src_path and any(f.abs_src_path.startswith(d) for d in packaged)
        )
        generated = []
        for page in self.bundle.pages:
            if files.get_file_from_path(page.path) is not None:
                log.info(f"{config.docs_dir}/{page.path} is used instead of the generated page")
            else:
                files.append(File.generated(config, page.path, content=page.markdown))
            generated.append(page.path)
        if self.nav_from_files:
            # generated pages first, in campaign order; the marketer's pages after them
            others = [
                f.src_uri
                for f in files.documentation_pages()
                if f.src_uri not in generated and f.inclusion.is_in_nav()
            ]
            config.nav = [*generated, *nest_paths(sorted(others, key=_index_first))]
        return files

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.bundle is None:
            return
        if self.bundle.guard is not None:
            self._guard(self.bundle.guard, Path(config.site_dir))
        if self.config.audit:
            self._audit(config)

    def _guard(self, settings: dict[str, Any], site_dir: Path) -> None:
        """Refuse the site if it shows anything private of the customer list."""
        from generator.customers.guard import guard_site

        try:
            leaks = guard_site(settings, site_dir, self.codes_file, self.theme_files)
        except CustomerListError as exc:
            raise CampaignInputError(str(exc)) from None
        if leaks:
            raise PrivacyLeak(
                "\n".join(f"{leak} from the customer list" for leak in leaks)
                + "\nthe site is refused (hint: remove the customer's details from the page's "
                "Markdown in content/, or from the campaign)"
            )

    def _audit(self, config: MkDocsConfig) -> None:
        from generator.audit.images import ImageLimits
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
        if self.bundle is not None:
            for folder in {Path(path).parent for path in self.bundle.inputs}:
                server.watch(str(folder))
        return server


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
