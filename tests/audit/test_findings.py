"""Ignore rules: ``TAG`` or ``TAG:GLOB``, checked against the known tags."""

from __future__ import annotations

import pytest

from generator.audit.findings import TAGS, Finding, IgnoreRule, not_ignored

FINDINGS = [
    Finding("missing-alt", "blog/post.html", "a.png", "no alt attribute"),
    Finding("missing-alt", "index.html", "b.png", "no alt attribute"),
    Finding("broken-link", "blog/post.html", "x/", "x/index.html not found"),
]


def kept(*rules: str) -> list[tuple[str, str]]:
    parsed = [IgnoreRule.parse(rule) for rule in rules]
    return [(f.tag, f.page) for f in not_ignored(FINDINGS, parsed)]


def test_rules_by_tag_by_glob_and_for_every_tag() -> None:
    assert kept("missing-alt") == [("broken-link", "blog/post.html")]
    assert kept("missing-alt:blog/*") == [
        ("missing-alt", "index.html"),
        ("broken-link", "blog/post.html"),
    ]
    assert kept("*:blog/*") == [("missing-alt", "index.html")]
    assert kept(" broken-link : blog/*.html ", "missing-alt:index.html") == [
        ("missing-alt", "blog/post.html")
    ]
    assert kept() == [(f.tag, f.page) for f in FINDINGS]


def test_an_unknown_tag_is_refused_with_the_list() -> None:
    with pytest.raises(ValueError, match="unknown tag 'borken-link'") as error:
        IgnoreRule.parse("borken-link:blog/*")
    assert all(tag in str(error.value) for tag in TAGS)


def test_every_tag_is_described() -> None:
    assert all(tag.islower() and " " not in tag and TAGS[tag] for tag in TAGS)
