"""``appreciate preflight``: every check listed; ``--online`` asks a real receiver on loopback."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SiteFactory, appreciate, replace_line
from tests.receiver.conftest import SITE, start_receiver, stop


def test_a_ready_site_lists_every_check_passed(site_factory: SiteFactory) -> None:
    result = appreciate("preflight", cwd=site_factory())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✔ site_url: the site is published at https://shop.example/",
        "✔ receiver.url: the forms post to https://answers.shop.example",
        "✔ receiver https: the receiver uses https",
        "✔ links to forms: 0 links from your pages to the forms",
        "ready to publish",
    ]


def test_problems_are_crossed_with_where_and_a_hint(site_factory: SiteFactory) -> None:
    root = site_factory()
    replace_line(
        root / "mkdocs.yml", "site_url: https://shop.example/", "site_url: https://shop.invalid/"
    )
    result = appreciate("preflight", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "✘ mkdocs.yml: site_url: 'https://shop.invalid/' is still the starter's placeholder "
        "(hint: put the address the site is published at, e.g. https://yourshop.com/)"
    )
    assert lines[-1] == "not ready to publish: 1 of 4 checks failed"


def test_a_campaign_that_cannot_be_read_is_exit_2(site_factory: SiteFactory) -> None:
    root = site_factory({"campaigns/campaign.yaml": "id: [unclosed\n"})
    result = appreciate("preflight", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: campaigns/campaign.yaml:")
    assert "Traceback" not in result.stderr


def test_online_asks_a_real_receiver(site_factory: SiteFactory, tmp_path: Path) -> None:
    root = site_factory()
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text().replace("https://shop.example/", f"{SITE}/")
    )
    receiver = start_receiver(f"sqlite:///{tmp_path / 'answers.sqlite3'}")
    try:
        result = appreciate("preflight", "--online", cwd=root, APPRECIATE_RECEIVER_URL=receiver.url)
        other = appreciate(
            "preflight",
            "--online",
            cwd=site_factory(
                {
                    "mkdocs.yml": (root / "mkdocs.yml")
                    .read_text()
                    .replace(SITE, "https://other.example")
                },
                name="other",
            ),
            APPRECIATE_RECEIVER_URL=receiver.url,
        )
    finally:
        stop(receiver)
    lines = result.stdout.splitlines()
    assert f"✔ receiver answers: {receiver.url}/health answered 200" in lines
    assert (
        f"✔ receiver takes the site's forms: CORS preflight from {SITE} to {receiver.url}/survey allowed"
        in lines
    )
    refused = [line for line in other.stdout.splitlines() if "CORS" in line]
    assert refused == [
        f"✘ $APPRECIATE_RECEIVER_URL: CORS preflight from https://other.example to "
        f"{receiver.url}/survey refused: 400 'Disallowed CORS origin', "
        "Access-Control-Allow-Origin None (hint: start the receiver with "
        "APPRECIATE_SITE_ORIGIN=https://other.example)"
    ]


def test_online_says_when_nothing_answers(site_factory: SiteFactory) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    result = appreciate("preflight", "--online", cwd=site_factory(), APPRECIATE_RECEIVER_URL=url)
    assert result.returncode == 1
    health = next(line for line in result.stdout.splitlines() if "/health" in line)
    assert health.startswith(f"✘ $APPRECIATE_RECEIVER_URL: cannot reach {url}/health: ")
    assert "Connection refused" in health
