"""Load a campaign and its returns policy, reporting every problem of both files at once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from generator.model.campaign import Campaign
from generator.model.errors import InputError, Loc, Problem
from generator.model.fields import SITE_LANGUAGES
from generator.model.month import campaign_on
from generator.model.returns import ReturnsPolicy
from generator.model.source import YamlDocument, load_yaml
from generator.model.validation import validate


@dataclass(frozen=True)
class LoadedCampaign:
    """A validated campaign, its returns policy, and the files they came from."""

    campaign: Campaign
    returns: ReturnsPolicy
    source: YamlDocument
    returns_source: YamlDocument

    def where(self, loc: Loc) -> str:
        """``file:line`` of a campaign field, for errors found after loading."""
        return self.source.where(loc)

    def problem(self, loc: Loc, message: str, hint: str | None = None) -> Problem:
        return self.source.problem(loc, message, hint)

    def on(self, today: date) -> LoadedCampaign:
        """The campaign as it runs on ``today``: its dates moved when they follow the build day."""
        return replace(self, campaign=campaign_on(self.campaign, today))

    @property
    def files(self) -> tuple[Path, Path]:
        """The input files; a change to any of them calls for a rebuild."""
        return self.source.path, self.returns_source.path


def load_campaign(path: Path) -> LoadedCampaign:
    """Read and validate ``path`` and the returns policy it names.

    Raises InputError listing every problem of both files.
    """
    source = load_yaml(path)
    problems: list[Problem] = []
    campaign: Campaign | None = None
    context = languages_of(source.data)
    try:
        campaign = validate(Campaign, source, context)
    except InputError as exc:
        problems.extend(exc.problems)

    returns_name = source.data.get("returns_policy")
    returns: ReturnsPolicy | None = None
    returns_source: YamlDocument | None = None
    if isinstance(returns_name, str) and returns_name.strip():
        returns_path = (path.parent / returns_name.strip()).resolve()
        if not returns_path.is_file():
            problems.append(
                source.problem(
                    ("returns_policy",),
                    f"file '{returns_name}' not found",
                    f"the path is relative to {source.display}",
                )
            )
        else:
            try:
                returns_source = load_yaml(returns_path)
                returns = validate(ReturnsPolicy, returns_source, context)
            except InputError as exc:
                problems.extend(exc.problems)

    if problems or campaign is None or returns is None or returns_source is None:
        raise InputError(problems)
    return LoadedCampaign(campaign, returns, source, returns_source)


def languages_of(data: Any) -> dict[str, Any]:
    """The default language and the languages the campaign file names, before validation.

    Texts are checked against them; the fields themselves are validated with the rest.
    """
    business = data.get("business") if isinstance(data, dict) else None
    business = business if isinstance(business, dict) else {}
    default = business.get("default_language", "en")
    default = default if default in SITE_LANGUAGES else "en"
    listed = business.get("languages")
    listed = listed if isinstance(listed, list) else []
    languages = [default, *(x for x in listed if x in SITE_LANGUAGES and x != default)]
    return {"default_language": default, "languages": tuple(dict.fromkeys(languages))}
