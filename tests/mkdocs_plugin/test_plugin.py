"""Real ``mkdocs build`` runs of the tiny shop."""

from __future__ import annotations

import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tests.conftest import SiteFactory, mkdocs


def build(root: Path, *args: str) -> str:
    result = mkdocs("build", "--strict", *args, cwd=root)
    assert result.returncode == 0, result.stderr
    return result.stderr


def page(root: Path, path: str) -> HTMLParser:
    return HTMLParser((root / "site" / path).read_text(encoding="utf-8"))


def test_generated_pages_are_built_first_in_the_nav(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    for path in (
        "index.html",
        "offers/index.html",
        "survey/index.html",
        "contact/index.html",
        "returns/index.html",
        "faq/index.html",
        "story/index.html",
    ):
        assert (root / "site" / path).is_file(), path
    nav = [
        a.text(strip=True)
        for a in page(root, "index.html").css("nav.md-nav--primary > ul > li > a")
    ]
    assert nav == [
        "Home",
        "Offers",
        "Survey",
        "Complaints & contact",
        "Returns",
        "FAQ",
        "Our story",
    ]


def test_survey_is_a_plain_form_that_works_without_javascript(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    form = page(root, "survey/index.html").css_first("form#survey-form")
    assert form is not None
    assert form.attributes["method"] == "post"
    assert form.attributes["action"] == "https://answers.shop.example/survey"
    names = {node.attributes["name"] for node in form.css("input, textarea")}
    assert {"recommend", "favourite", "why", "website", "campaign", "lang"} <= names
    assert form.css_first("button[type=submit]") is not None
    # every visible field has a label (people on phones tap labels)
    for field in form.css("input[type=text], input[type=email], textarea"):
        assert form.css_first(f'label[for="{field.attributes["id"]}"]') is not None


def test_faq_carries_faqpage_jsonld(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    html = page(root, "faq/index.html")
    script = html.css_first('script[type="application/ld+json"]')
    assert script is not None
    data = json.loads(script.text())
    questions = [entry["name"] for entry in data["mainEntity"]]
    # each question is a collapsible block (details), its summary the question
    headings = [s.text(strip=True) for s in html.css("article details.question > summary")]
    assert questions == headings
    assert "How long do I have to return something?" in questions


def test_brand_colours_and_logo_reach_the_theme(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    html = page(root, "offers/index.html")
    styles = " ".join(node.text() for node in html.css("style"))
    assert "--md-primary-fg-color: #1f5f8b;" in styles
    assert "--md-accent-fg-color: #f2a541;" in styles
    assert html.css_first("body").attributes["data-md-color-primary"] == "custom"
    logo = html.css_first("a.md-logo img")
    assert logo is not None and logo.attributes["src"] == "../assets/logo.svg"
    assert html.css_first('link[rel="icon"]').attributes["href"] == "../assets/logo.svg"
    assert (root / "site" / "assets" / "appreciate" / "appreciate.css").is_file()
    announce = html.css_first(".appreciate-announce [data-phase]:not([hidden])")
    assert announce is not None and "6 days left" in announce.text()


def test_the_projects_overrides_extend_appreciates_template(site_factory: SiteFactory) -> None:
    root = site_factory(
        {
            "overrides/main.html": '{% extends "appreciate/main.html" %}\n'
            '{% block extrahead %}{{ super() }}<meta name="shop-override" content="yes">'
            "{% endblock %}\n",
        }
    )
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace(
            "  font: false", "  font: false\n  custom_dir: overrides"
        )
    )
    build(root)
    html = page(root, "index.html")
    assert html.css_first('meta[name="shop-override"]') is not None
    assert "--md-primary-fg-color: #1f5f8b;" in " ".join(n.text() for n in html.css("style"))


def test_a_marketers_page_wins_over_the_generated_one(site_factory: SiteFactory) -> None:
    root = site_factory({"content/offers.md": "# Our own offers\n\nWritten by hand.\n"})
    log = build(root)
    html = page(root, "offers/index.html")
    assert html.css_first("article h1").text(strip=True).rstrip("¶") == "Our own offers"
    assert "content/offers.md is used instead of the generated page" in log
    # the other generated pages are still there
    assert page(root, "returns/index.html").css_first("article table") is not None


def test_an_explicit_nav_is_respected(site_factory: SiteFactory) -> None:
    root = site_factory()
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8") + "nav:\n  - index.md\n  - faq.md\n  - story.md\n"
    )
    result = mkdocs("build", cwd=root)
    assert result.returncode == 0, result.stderr
    nav = [
        a.text(strip=True)
        for a in page(root, "index.html").css("nav.md-nav--primary > ul > li > a")
    ]
    assert nav == ["Home", "FAQ", "Our story"]
    assert (root / "site" / "offers" / "index.html").is_file()  # built, just not in the nav


def test_build_day_sets_the_landing_status(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    shown = page(root, "index.html").css_first(".appreciate-status [data-phase]:not([hidden])")
    assert shown.attributes["data-phase"] == "running" and "On now" in shown.text()
    result = mkdocs("build", cwd=root, APPRECIATE_TODAY="2026-12-05")
    assert result.returncode == 0
    shown = page(root, "index.html").css_first(".appreciate-status [data-phase]:not([hidden])")
    assert shown.attributes["data-phase"] == "ended"
    # the survey says it has closed, instead of offering a form the receiver refuses
    survey = page(root, "survey/index.html")
    closed = survey.css_first(".appreciate-survey [data-phase]:not([hidden])")
    assert closed.attributes["data-phase"] == "ended"
    assert "This survey has closed." in closed.text()
    assert "hidden" in survey.css_first("#survey-form").parent.attributes


def test_plain_mkdocs_build_reports_bad_input_and_fails(site_factory: SiteFactory) -> None:
    root = site_factory()
    campaign = root / "campaigns" / "campaign.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("percent: 15", "percent: 0"))
    result = mkdocs("build", cwd=root)
    assert result.returncode == 1
    assert (
        "campaigns/campaign.yaml:27: offers[0].percent: must be between 1 and 100" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_disabled_plugin_adds_nothing(site_factory: SiteFactory) -> None:
    root = site_factory()
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "      enabled: false\n")
    result = mkdocs("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "offers").exists()
    assert (root / "site" / "story" / "index.html").is_file()


def test_a_marketers_page_gets_its_own_card_unless_it_names_one(site_factory: SiteFactory) -> None:
    root = site_factory(
        {
            "content/offers.md": "# Our own offers\n\nWritten by hand.\n",
            "content/press.md": "---\nshare_image: assets/logo.svg\n---\n# Press\n",
        }
    )
    build(root)

    def image(path: str) -> str:
        return page(root, path).css_first('meta[property="og:image"]').attributes["content"] or ""

    # a page written over a generated one: a card with its own title, not the generated one's
    assert image("offers/index.html") == "https://shop.example/assets/share/en/offers.png"
    alt = page(root, "offers/index.html").css_first('meta[property="og:image:alt"]')
    assert alt.attributes["content"] == "Our own offers"
    assert image("story/index.html") == "https://shop.example/assets/share/en/story.png"
    assert (root / "site" / "assets" / "share" / "en" / "story.png").is_file()
    assert image("press/index.html") == "https://shop.example/assets/logo.svg"
    assert not (root / "site" / "assets" / "share" / "en" / "press.png").exists()


def test_the_footer_does_not_advertise_the_engine_unless_asked(site_factory: SiteFactory) -> None:
    root = site_factory()
    build(root)
    assert "Made with" not in (root / "site" / "index.html").read_text(encoding="utf-8")
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "extra:\n  generator: true\n")
    build(root)
    assert "Made with" in (root / "site" / "index.html").read_text(encoding="utf-8")
