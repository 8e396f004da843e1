"""What the plugin keeps while MkDocs builds one configuration: once, or once per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.audit.findings import IgnoreRule
from generator.pages.bundle import SiteBundle


@dataclass
class BuildState:
    """The campaign rendered for this configuration, and what each language's build adds.

    mkdocs-static-i18n builds every language with the same configuration and plugin: what
    is fixed for the site is set once (``on_config`` of the first build), ``language``,
    ``generated`` and ``theme_files`` again for each language.
    """

    bundle: SiteBundle
    root: Path
    """The project's folder: mkdocs.yml, and private/ beside it."""
    cache_dir: Path | None
    """The render cache, when the options keep one."""
    audit_rules: tuple[IgnoreRule, ...]
    nav_from_files: bool
    """Whether mkdocs.yml has no ``nav``: the plugin writes one, generated pages first."""
    social_ours: bool
    """Whether ``extra.social`` is the campaign's channels (the project's own wins)."""
    language: str = ""
    """The language being built."""
    generated: dict[str, str] = field(default_factory=dict)
    """The generated pages' Markdown, by their path in this language's build."""
    theme_files: frozenset[str] = frozenset()
    """Files copied from installed themes: they hold no campaign data."""

    @property
    def default_language(self) -> str:
        return self.bundle.languages[0]

    @property
    def building_default(self) -> bool:
        """Whether this build is the default (first, or only) language's."""
        return self.language == self.default_language
