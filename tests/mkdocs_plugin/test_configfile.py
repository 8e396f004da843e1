"""Reading mkdocs.yml outside a build: its config and the campaign the plugin names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.mkdocs_plugin.configfile import read_config
from tests.conftest import SiteFactory, replace_line


@pytest.fixture(autouse=True)
def no_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Material's end-of-life banner stays out of the test's output (and os.environ unchanged)."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_the_campaign_is_beside_mkdocs_yml_whatever_the_working_folder(
    site_factory: SiteFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = site_factory()
    monkeypatch.chdir(tmp_path)
    config, campaign = read_config(root / "mkdocs.yml")
    assert config.site_name == "Test Shop"
    assert config.site_url == "https://shop.example/"
    assert campaign == root / "campaigns" / "campaign.yaml"
    assert campaign.is_file()


def test_a_site_without_the_plugin_names_no_campaign(site_factory: SiteFactory) -> None:
    root = site_factory()
    replace_line(root / "mkdocs.yml", "  - appreciate:", "  - search")
    replace_line(root / "mkdocs.yml", "      campaign: campaigns/campaign.yaml", "")
    config, campaign = read_config(root / "mkdocs.yml")
    assert campaign is None
    assert list(config.plugins) == ["material/search"]


def test_a_missing_file_is_a_value_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"missing\.yml: ") as caught:
        read_config(tmp_path / "missing.yml")
    assert str(caught.value).startswith(str(tmp_path / "missing.yml"))


def test_an_invalid_config_is_a_value_error_naming_it(
    site_factory: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    root = site_factory()
    replace_line(root / "mkdocs.yml", "docs_dir: content", "docs_dir: nowhere")
    with pytest.raises(ValueError) as caught:
        read_config(root / "mkdocs.yml")
    assert str(caught.value) == f"{root / 'mkdocs.yml'}: Aborted with a configuration error!"
    # what is wrong reaches the person through MkDocs' log, printed before the error
    assert "Config value 'docs_dir'" in caplog.text and "nowhere" in caplog.text


def test_broken_yaml_is_a_value_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mkdocs\.yml: "):
        read_config(tmp_path / "mkdocs.yml")
