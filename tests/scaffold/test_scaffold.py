"""``appreciate new``: a starter that explains itself, in one language or several."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.model.loader import load_campaign
from generator.scaffold import ScaffoldError, create_project
from tests.conftest import appreciate, replace_line

FIELD = re.compile(r"^(\s*)(- )?([a-z_]+):")


def uncommented_fields(path: Path) -> list[str]:
    """Fields of a YAML file whose line is not preceded by a comment (list items excepted)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    missing = []
    for number, line in enumerate(lines):
        match = FIELD.match(line)
        if not match or match.group(2):
            continue
        indent, key = match.group(1), match.group(3)
        above = lines[number - 1].strip() if number else ""
        # a text's languages (en:, es:) and the parts of a list item are explained by their field
        if key in ("en", "es", "id") or (above and not above.startswith("#") and len(indent) > 4):
            continue
        if not above.startswith("#"):
            missing.append(f"{path.name}:{number + 1}: {key}")
    return missing


def test_every_field_of_the_starter_has_a_comment(tmp_path: Path) -> None:
    create_project(tmp_path / "shop", date(2026, 12, 2))
    for name in ("campaign.yaml", "returns.yaml"):
        text = (tmp_path / "shop" / "campaigns" / name).read_text(encoding="utf-8")
        assert "docs/campaign.md" not in text
        assert uncommented_fields(tmp_path / "shop" / "campaigns" / name) == []


@pytest.mark.parametrize("languages", [("en",), ("es",), ("en", "es", "id"), ("id", "en")])
def test_the_starter_validates_in_its_languages(tmp_path: Path, languages: tuple[str, ...]) -> None:
    root = tmp_path / "shop"
    create_project(root, date(2026, 12, 2), name="Toko: Kopi", languages=languages)
    loaded = load_campaign(root / "campaigns" / "campaign.yaml")
    business = loaded.campaign.business
    assert business.name == "Toko: Kopi"
    assert business.site_languages[0] == languages[0]
    assert list(business.site_languages) == list(languages)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "site_name" not in config
    i18n = [p for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    if len(languages) == 1:
        assert i18n == []
    else:
        built = [lang["locale"] for lang in i18n[0]["i18n"]["languages"]]
        assert built == list(languages)
    # every text in each language: nothing falls back to another language
    if "es" in languages:
        assert loaded.campaign.survey.title.in_language("es") == "¿Por qué nos quieres?"


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="--languages"):
        create_project(tmp_path / "a", languages=("en", "fr"))
    with pytest.raises(ScaffoldError, match="--url"):
        create_project(tmp_path / "b", url="yourshop.com")


def test_new_with_name_url_and_languages_builds_with_the_shop_s_name(tmp_path: Path) -> None:
    result = appreciate(
        "new",
        "bakery",
        "--name",
        "Corner Bakery",
        "--url",
        "https://bakery.example/",
        "--languages",
        "en,es",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    root = tmp_path / "bakery"
    stopped = appreciate("build", cwd=root)
    assert stopped.returncode == 2  # the receiver is still the placeholder
    assert "receiver.url: 'https://answers.yourshop.invalid' is not configured" in stopped.stderr
    assert "site_url" not in stopped.stderr
    replace_line(
        root / "campaigns" / "campaign.yaml",
        "  url: https://answers.yourshop.invalid",
        "  url: https://answers.bakery.example",
    )
    built = appreciate("build", "--strict", cwd=root)
    assert built.returncode == 0, built.stderr
    landing = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert "Corner Bakery" in landing
    assert "Mes de Agradecimiento al Cliente" in landing
