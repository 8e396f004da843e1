"""Links from the marketer's pages to the generated pages that hold a form."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish.checks import FormLink
from generator.publish.links import form_links_in, form_links_under, form_target


@pytest.mark.parametrize(
    ("target", "form"),
    [
        ("contact/index.md", "the complaint form"),
        ("./survey.html?from=mail", "the survey form"),
        ("../../survey/", "the survey form"),
        ("index.md", None),
        ("/", None),
        ("", None),
        ("mailto:hola@shop.example", None),
        ("//cdn.example/survey/", None),
        ("surveys.md", None),
    ],
)
def test_which_targets_hold_a_form(target: str, form: str | None) -> None:
    assert form_target(target) == form


def test_every_markdown_and_html_link_with_its_line() -> None:
    text = (
        "# Offers\n"
        "See [the survey](survey.md) or [the offers](offers.md), then [complain](<contact.md>).\n"
        "\n"
        '<a class="button" href=\'../survey/\'>Answer</a> [titled](contact.md "Contact us")\n'
    )
    assert form_links_in(text, "content/offers.md") == [
        FormLink("content/offers.md", 2, "survey.md", "the survey form"),
        FormLink("content/offers.md", 2, "contact.md", "the complaint form"),
        FormLink("content/offers.md", 4, "../survey/", "the survey form"),
        FormLink("content/offers.md", 4, "contact.md", "the complaint form"),
    ]
    assert form_links_in("No links here, just survey.md in prose.\n", "a.md") == []


def test_reference_style_links_are_found_at_their_definition() -> None:
    text = "Tell us [how we did][s].\n\n[s]: <../survey/>\n  [c]: contact.md#complaint-form\n"
    assert form_links_in(text, "content/a.md") == [
        FormLink("content/a.md", 3, "../survey/", "the survey form"),
        FormLink("content/a.md", 4, "contact.md#complaint-form", "the complaint form"),
    ]
    assert form_links_in("    [code]: survey.md\n", "a.md") == []  # indented 4: a code block


def test_pages_under_the_docs_folder_in_order_but_the_form_pages_themselves(
    tmp_path: Path,
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "story.md").write_text("[Tell us](survey.md)\n", encoding="utf-8")
    (tmp_path / "news" / "week.es.md").write_text("\n[Queja](../contact.md)\n", encoding="utf-8")
    (tmp_path / "survey.md").write_text("[Again](survey.md)\n", encoding="utf-8")
    (tmp_path / "contact.es.md").write_text("[Again](contact.md)\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("[Not Markdown](survey.md)\n", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"[Bad](survey.md) \xff\n")  # MkDocs reports it
    assert form_links_under(tmp_path, "content") == (
        FormLink("content/news/week.es.md", 2, "../contact.md", "the complaint form"),
        FormLink("content/story.md", 1, "survey.md", "the survey form"),
    )
    assert form_links_under(tmp_path / "missing", "content") == ()
