"""The MkDocs adapter: loads the campaign, adds the generated pages and the brand to the theme."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import nest_paths

from generator.mkdocs_plugin.config import AppreciateConfig
from generator.model.errors import InputError
from generator.model.loader import LoadedCampaign, load_campaign
from generator.model.source import display_path
from generator.pages.brand import brand_css
from generator.pages.site import GeneratedPage, announcement, render_site
from generator.pages.status import TODAY_VARIABLE, build_date

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
# Markdown extensions the generated pages are written for
MATERIAL_FAVICON = "assets/images/favicon.png"
EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables", "toc")


class CampaignInputError(PluginError):
    """A problem in the campaign files or the plugin's options that the user can fix."""


class AppreciatePlugin(BasePlugin[AppreciateConfig]):
    def __init__(self) -> None:
        self.loaded: LoadedCampaign | None = None
        self.pages: list[GeneratedPage] = []
        self.nav_from_files = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path or ".").parent
        try:
            self.loaded = load_campaign(root / self.config.campaign)
            today = self._today(self.loaded)
            self.pages = render_site(self.loaded, today)
        except InputError as exc:
            raise CampaignInputError(str(exc)) from None
        campaign = self.loaded.campaign

        if config.theme.name != "material":
            raise PluginError("the appreciate plugin needs 'theme: name: material' in mkdocs.yml")
        # our templates come after the project's overrides/, before Material's own
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.theme["palette"] = _custom_palette(config.theme.get("palette"))
        if campaign.brand.logo and not config.theme.get("logo"):
            if not (Path(config.docs_dir) / campaign.brand.logo).is_file():
                problem = self.loaded.problem(
                    ("brand", "logo"),
                    f"file '{campaign.brand.logo}' not found",
                    f"the path is relative to the docs folder {display_path(Path(config.docs_dir))}",
                )
                raise CampaignInputError(str(problem))
            config.theme["logo"] = campaign.brand.logo
            if config.theme.get("favicon") in (None, MATERIAL_FAVICON):
                config.theme["favicon"] = campaign.brand.logo
        for extension in EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra["appreciate"] = {
            "brand_css": brand_css(campaign.brand),
            "announce": announcement(self.loaded, today),
            "campaign": campaign.id,
        }
        self.nav_from_files = config.nav is None
        return config

    def _today(self, loaded: LoadedCampaign) -> date:
        try:
            return build_date(loaded.campaign.business.time_zone, self.config.today)
        except ValueError:
            fixed = self.config.today or os.environ.get(TODAY_VARIABLE)
            source = "plugins.appreciate.today" if self.config.today else f"${TODAY_VARIABLE}"
            raise CampaignInputError(
                f"{source}: '{fixed}' is not a date (hint: write it as YYYY-MM-DD)"
            ) from None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        generated = []
        for page in self.pages:
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

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.loaded is not None:
            for folder in {path.parent for path in self.loaded.files}:
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
