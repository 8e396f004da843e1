"""The publishing checks on their own: which addresses pass, and what each failure says."""

from __future__ import annotations

import pytest

from generator.publish.checks import SiteFacts, offline_checks, receiver_problem
from generator.publish.links import form_links_in, form_target


def facts(
    site_url: str | None = "https://shop.example/", receiver: str = "https://a.example"
) -> SiteFacts:
    return SiteFacts(site_url, "mkdocs.yml: site_url", receiver, "c.yaml:9: receiver.url")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1:8000", "loopback"),
        ("http://[::1]:8000", "loopback"),
        ("http://localhost:8000", "localhost"),
        ("http://shop.localhost", "localhost"),
        ("http://192.168.1.20:8000", "private"),
        ("http://10.0.0.5", "private"),
        ("http://169.254.1.1", "private"),
        ("http://0.0.0.0:8000", "private"),
        ("https://answers.yourshop.invalid", "placeholder"),
    ],
)
def test_receivers_customers_cannot_reach(url: str, words: str) -> None:
    problem = receiver_problem(url)
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    "url", ["https://answers.shop.example", "https://93.184.215.14", "https://answers.kopikita.com"]
)
def test_public_receivers_pass(url: str) -> None:
    assert receiver_problem(url) is None


def test_a_ready_site_passes_every_check() -> None:
    checks = offline_checks(facts())
    assert [c.name for c in checks] == [
        "site_url",
        "receiver.url",
        "receiver https",
        "links to forms",
    ]
    assert all(c.passed for c in checks)


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        (None, "mkdocs.yml: site_url: missing: share cards, hreflang links and the sitemap need"),
        ("/shop/", "mkdocs.yml: site_url: '/shop/' is not a full web address"),
        ("shop.example", "mkdocs.yml: site_url: 'shop.example' is not a full web address"),
        ("https://yourshop.invalid/", "mkdocs.yml: site_url: 'https://yourshop.invalid/' is still"),
    ],
)
def test_site_url_problems_name_the_key(site_url: str | None, message: str) -> None:
    check = offline_checks(facts(site_url=site_url))[0]
    assert not check.passed
    assert str(check).startswith(message)
    assert "(hint: " in str(check)


def test_plain_http_receiver_on_an_https_site() -> None:
    failed = [
        c for c in offline_checks(facts(receiver="http://answers.shop.example")) if not c.passed
    ]
    assert [str(c) for c in failed] == [
        "c.yaml:9: receiver.url: 'http://answers.shop.example' is plain http while the site is "
        "https: browsers block such forms or warn that answers are sent unprotected "
        "(hint: serve the receiver over https)"
    ]


def test_each_link_to_a_form_is_a_line_when_the_receiver_is_not_set_up() -> None:
    links = form_links_in(
        "# About\n\nTell us in [the survey](survey.md).\n\n"
        'Or <a href="../contact/#complaint-form">complain</a>.\n[Offers](offers.md)\n',
        "content/about.md",
    )
    site = SiteFacts(
        "https://shop.example/",
        "mkdocs.yml: site_url",
        "http://127.0.0.1:8000",
        "c.yaml:9: receiver.url",
        "content",
        tuple(links),
    )
    failed = [str(c) for c in offline_checks(site) if not c.passed and c.name == "links to forms"]
    assert failed == [
        "content/about.md:3: links to the survey form (survey.md), whose receiver is not set up "
        "for the web (hint: the forms post to the address at c.yaml:9)",
        "content/about.md:5: links to the complaint form (../contact/#complaint-form), whose "
        "receiver is not set up for the web (hint: the forms post to the address at c.yaml:9)",
    ]


@pytest.mark.parametrize(
    ("target", "form"),
    [
        ("survey.md", "the survey form"),
        ("survey.es.md", "the survey form"),
        ("../survey/", "the survey form"),
        ("/es/survey/index.html", "the survey form"),
        ("contact.md#complaint-form", "the complaint form"),
        ("offers.md", None),
        ("https://other.example/survey/", None),
        ("#survey", None),
    ],
)
def test_which_links_lead_to_a_form(target: str, form: str | None) -> None:
    assert form_target(target) == form
