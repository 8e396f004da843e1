"""What the plugin knows of mkdocs-static-i18n and of lunr's languages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.errors import AppreciateError


class LanguageSetupError(AppreciateError):
    """mkdocs.yml's languages do not match the campaign's."""


def i18n_plugin(config: MkDocsConfig) -> Any:
    """The mkdocs-static-i18n plugin, when the site uses it."""
    return config.plugins.get("i18n")


def docs_path(path: str, language: str, default: str) -> str:
    """Where i18n looks for a page of ``language``: ``offers.md``, or ``offers.es.md``."""
    if language == default:
        return path
    stem, _, suffix = path.rpartition(".")
    return f"{stem}.{language}.{suffix}"


def neutral_path(src_uri: str, language: str) -> str:
    """A page's path whatever its language: ``story.es.md`` in ``es`` → ``story.md``."""
    stem, dot, suffix = src_uri.rpartition(".")
    return f"{stem.removesuffix(f'.{language}')}{dot}{suffix}" if dot else src_uri


def translated_page(src_uri: str, languages: Sequence[str]) -> bool:
    """Whether a page of the docs folder is another language's version (``story.es.md``)."""
    return src_uri.endswith(tuple(f".{language}.md" for language in languages[1:]))


def language_being_built(languages: Sequence[str], i18n: Any) -> str:
    """The language of this build; fails when mkdocs.yml's languages are not the campaign's."""
    default, *others = languages
    if i18n is None:
        if others:
            raise LanguageSetupError(
                f"mkdocs.yml: plugins: the campaign's languages are {', '.join(languages)} "
                "but the i18n plugin is not set up (hint: add mkdocs-static-i18n with these "
                "languages, see docs/languages.md)"
            )
        return default
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    if i18n.default_language != default or sorted(built) != sorted(languages):
        raise LanguageSetupError(
            f"mkdocs.yml: plugins.i18n.languages: builds {', '.join(built)} with default "
            f"{i18n.default_language}, but the campaign's languages are "
            f"{', '.join(languages)} with default {default} (hint: make them the same)"
        )
    if i18n.config.docs_structure != "suffix":
        raise LanguageSetupError(
            "mkdocs.yml: plugins.i18n.docs_structure: the appreciate plugin needs 'suffix' "
            "(hint: name translated pages like our-story.es.md)"
        )
    return str(i18n.current_language or default)


def lunr_languages(config: MkDocsConfig) -> set[str]:
    """The languages lunr.js has a pipeline for, as the theme ships them (lunr.es.min.js)."""
    found: set[str] = set()
    for folder in config.theme.dirs:
        scripts = Path(folder, "assets", "javascripts", "lunr", "min")
        found.update(path.name.split(".")[1] for path in scripts.glob("lunr.*.min.js"))
    return found
