from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from generator.model.loader import load_campaign
from generator.pages.generated import GeneratedPage
from generator.pages.site import PAGES, render_site
from tests.conftest import FIXTURE


def pages_of(campaign_dir: Path, today: date = date(2026, 11, 25)) -> dict[str, GeneratedPage]:
    loaded = load_campaign(campaign_dir / "campaign.yaml")
    default = loaded.campaign.business.default_language
    return {page.path: page for page in render_site(loaded, today) if page.language == default}


def front_matter(page: GeneratedPage) -> dict[str, str]:
    _, meta, _ = page.markdown.split("---\n", 2)
    return yaml.safe_load(meta)  # type: ignore[no-any-return]


def test_every_page_in_nav_order_with_title_and_description() -> None:
    pages = pages_of(FIXTURE / "campaigns")
    assert list(pages) == [path for path, _, _ in PAGES]
    for page in pages.values():
        meta = front_matter(page)
        assert meta["title"] == page.title
        assert meta["description"] and "\n" not in meta["description"]


def visible_status(markdown: str) -> str:
    """The status variant shown without JavaScript (the others are ``hidden``)."""
    box = re.search(r"<div class=\"appreciate-status\".*?</div>", markdown, re.S)
    assert box is not None
    tree = LexborHTMLParser(box[0])
    for node in tree.css("[hidden]"):
        node.decompose()
    shown = tree.css("[data-phase]")
    assert len(shown) == 1, [node.html for node in shown]
    return shown[0].text()


def test_landing_page_says_what_is_on_now() -> None:
    landing = {
        day: pages_of(FIXTURE / "campaigns", day)["index.md"].markdown
        for day in (date(2026, 10, 30), date(2026, 11, 25), date(2026, 11, 30), date(2026, 12, 2))
    }
    assert "it starts in 2 days." in visible_status(landing[date(2026, 10, 30)])
    assert (
        visible_status(landing[date(2026, 11, 25)])
        == "On now, until November 30, 2026: 6 days left."
    )
    assert (
        visible_status(landing[date(2026, 11, 30)])
        == "On now, until November 30, 2026: 1 day left."
    )
    assert "This campaign has ended." in visible_status(landing[date(2026, 12, 2)])
    # every variant is in the page, so a script can show the visitor's today
    assert landing[date(2026, 11, 25)].count("data-phase=") == 3


def test_survey_form_posts_to_the_receiver_with_the_yaml_fields() -> None:
    survey = pages_of(FIXTURE / "campaigns")["survey.md"].markdown
    assert '<form class="appreciate-form" id="survey-form" method="post" ' in survey
    assert 'action="https://answers.shop.example/survey"' in survey
    assert sorted(set(re.findall(r'name="(\w+)"', survey))) == sorted(
        ["campaign", "lang", "recommend", "favourite", "why", "email", "consent", "website"]
    )
    assert len(re.findall(r'name="recommend" value="\d+"', survey)) == 11
    assert 'name="why" rows="5" maxlength="500"' in survey
    assert 'tabindex="-1"' in survey  # the honeypot is out of the keyboard's way
    assert "We use your answers only to improve our shop." in survey
    # raw HTML blocks must not contain blank lines, or Markdown would end them early
    form = survey[survey.index("<form") : survey.index("</form>")]
    assert "\n\n" not in form


def test_contact_page_states_the_response_time_and_click_to_call() -> None:
    contact = pages_of(FIXTURE / "campaigns")["contact.md"].markdown
    assert "We answer within 48 hours" in contact
    assert '<a href="tel:+34912345678">+34 912 345 678</a>' in contact
    assert 'href="mailto:hola@shop.example"' in contact
    assert "| Monday – Friday | 09:00 – 18:00 |" in contact
    assert 'action="https://answers.shop.example/complaints"' in contact


def test_returns_in_plain_words_with_a_summary_table() -> None:
    returns = pages_of(FIXTURE / "campaigns")["returns.md"].markdown
    assert "within **30 days** of receiving it" in returns
    assert "| Return shipping paid by | you |" in returns
    assert "1. Contact us.\n2. Send the item back." in returns


def test_campaign_text_is_escaped(tmp_path: Path) -> None:
    for name in ("campaign.yaml", "returns.yaml"):
        text = (FIXTURE / "campaigns" / name).read_text(encoding="utf-8")
        text = text.replace("label: Why?", 'label: "<script>alert(1)</script> Why?"')
        (tmp_path / name).write_text(text, encoding="utf-8")
    survey = pages_of(tmp_path)["survey.md"].markdown
    assert "<script>alert(1)" not in survey
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Why?" in survey
