"""Public channels: each handle or address is checked for its kind, at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.channels import Channel
from tests.conftest import SiteFactory, appreciate, replace_line
from tests.model.test_translated import load, problems

GOOD = [
    ({"kind": "x", "handle": "@kopikita"}, "https://x.com/kopikita"),
    ({"kind": "x", "url": "https://twitter.com/kopikita"}, "https://twitter.com/kopikita"),
    (
        {"kind": "instagram", "handle": "kopi.kita_roasters"},
        "https://www.instagram.com/kopi.kita_roasters/",
    ),
    (
        {"kind": "facebook", "handle": "kopikita.roasters"},
        "https://www.facebook.com/kopikita.roasters",
    ),
    (
        {"kind": "yelp", "url": "https://www.yelp.com/biz/kopi-kita-roasters-jakarta"},
        "https://www.yelp.com/biz/kopi-kita-roasters-jakarta",
    ),
    (
        {
            "kind": "tripadvisor",
            "url": "https://www.tripadvisor.co.id/Restaurant_Review-g294229-d1234567-Reviews-Kopi_Kita.html",
        },
        "https://www.tripadvisor.co.id/Restaurant_Review-g294229-d1234567-Reviews-Kopi_Kita.html",
    ),
    (
        {"kind": "google_reviews", "url": "https://g.page/r/CQk0pIk1tA1bEAE/review"},
        "https://g.page/r/CQk0pIk1tA1bEAE/review",
    ),
]


@pytest.mark.parametrize(("fields", "link"), GOOD, ids=[g[0]["kind"] for g in GOOD])
def test_a_valid_channel_links_to_its_profile(fields: dict[str, str], link: str) -> None:
    channel = Channel.model_validate({**fields, "response_hours": 24})
    assert channel.link == link


BAD = {
    "x handle too long": (
        "{kind: x, handle: '@kopikita_roasters_jakarta', response_hours: 4}",
        "channels[0].handle: '@kopikita_roasters_jakarta' is not a handle on X (Twitter)",
    ),
    "instagram with a space": (
        "{kind: instagram, handle: kopi kita, response_hours: 4}",
        "channels[0].handle: 'kopi kita' is not a handle on Instagram",
    ),
    "yelp search, not a business": (
        "{kind: yelp, url: 'https://www.yelp.com/search?find_desc=kopi', response_hours: 4}",
        "channels[0].url: 'https://www.yelp.com/search?find_desc=kopi' is not an address on Yelp",
    ),
    "yelp has no handles": (
        "{kind: yelp, handle: kopikita, response_hours: 4}",
        "channels[0].handle: a handle does not work for Yelp",
    ),
    "facebook on another site": (
        "{kind: facebook, url: 'https://example.com/kopikita', response_hours: 4}",
        "channels[0].url: 'https://example.com/kopikita' is not an address on Facebook",
    ),
    "plain http": (
        "{kind: instagram, url: 'http://www.instagram.com/kopikita/', response_hours: 4}",
        "channels[0].url: 'http://www.instagram.com/kopikita/' is not an address on Instagram",
    ),
    "no response time": (
        "{kind: instagram, handle: kopikita}",
        "channels[0].response_hours: say how fast you answer there",
    ),
    "both": (
        "{kind: x, handle: kopikita, url: 'https://x.com/kopikita', response_hours: 4}",
        "channels[0].handle: give exactly one of 'handle' or 'url'",
    ),
}


@pytest.mark.parametrize(("line", "message"), BAD.values(), ids=list(BAD))
def test_a_malformed_channel_is_one_line_at_its_line(
    tmp_path: Path, line: str, message: str
) -> None:
    found = problems(tmp_path, ("faq:\n", f"channels:\n  - {line}\nfaq:\n"))
    assert len(found) == 1
    assert found[0].startswith(f":61: {message} (hint: ")


def test_answers_false_needs_no_response_time(tmp_path: Path) -> None:
    loaded = load(
        tmp_path, ("faq:\n", "channels:\n  - {kind: x, handle: kopikita, answers: false}\nfaq:\n")
    )
    assert loaded.campaign.channels[0].response_hours is None


def test_appreciate_build_stops_with_one_line_and_exit_2(site_factory: SiteFactory) -> None:
    root = site_factory()
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the old site", encoding="utf-8")
    line = replace_line(
        root / "campaigns" / "campaign.yaml",
        "faq:",
        "channels:\n  - {kind: instagram, handle: kopi kita, response_hours: 4}\nfaq:",
    )
    result = appreciate("build", cwd=root)
    assert result.returncode == 2
    message = (
        f"campaign.yaml:{line + 1}: channels[0].handle: 'kopi kita' is not a handle on "
        "Instagram (hint: handle: '@kopikita' or url: https://www.instagram.com/kopikita/)"
    )
    assert next(ln for ln in result.stderr.splitlines() if "channels[0]" in ln).endswith(message)
    assert "Traceback" not in result.stderr
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the old site"
