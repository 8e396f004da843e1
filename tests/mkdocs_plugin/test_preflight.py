"""A site that would not work on the web stops `mkdocs build`, `gh-deploy` and `appreciate build`;
`mkdocs serve` and `appreciate build --preview` warn and build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import SiteFactory, appreciate, command_env, mkdocs, replace_line
from tests.mkdocs_plugin.test_serve import free_port, wait_for
from tests.test_gh_deploy import git

LOOPBACK = "http://127.0.0.1:8000"


def loopback_shop(site_factory: SiteFactory) -> tuple[Path, int]:
    """The tiny shop with its forms posting to loopback, a page linking to the survey, no site_url."""
    root = site_factory({"content/about.md": "# About\n\nPlease [answer our survey](survey.md).\n"})
    line = replace_line(
        root / "campaigns" / "campaign.yaml",
        "  url: https://answers.shop.example/",
        f"  url: {LOOPBACK}",
    )
    replace_line(root / "mkdocs.yml", "site_url: https://shop.example/", "")
    return root, line


def problem_lines(stderr: str) -> list[str]:
    """The lines of MkDocs' error message (its first line carries the ERROR prefix)."""
    lines = stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("ERROR"))
    block = [lines[first].split("-  ", 1)[1]]
    for line in lines[first + 1 :]:
        if not line.strip():
            break
        block.append(line)
    return block


def test_mkdocs_build_stops_with_one_line_per_problem_and_keeps_the_site(
    site_factory: SiteFactory,
) -> None:
    root, line = loopback_shop(site_factory)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the published site")

    result = mkdocs("build", cwd=root)

    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "mkdocs.yml: site_url: missing: share cards, hreflang links and the sitemap need the "
        "site's full address (hint: add the address the site is published at, e.g. "
        "site_url: https://yourshop.com/)",
        f"campaigns/campaign.yaml:{line}: receiver.url: '{LOOPBACK}' is a loopback address: only "
        "this computer can reach it, not customers' phones (hint: put the public https address "
        "of your receiver (appreciate receiver), e.g. https://answers.yourshop.com)",
        "content/about.md:3: links to the survey form (survey.md), whose receiver is not set up "
        f"for the web (hint: the forms post to the address at campaigns/campaign.yaml:{line})",
        "not ready to publish (hint: fix the lines above; `mkdocs serve` or "
        "`appreciate build --preview` builds anyway for a look)",
    ]
    assert "Traceback" not in result.stderr
    assert (root / "site" / "index.html").read_text() == "the published site"


def test_appreciate_build_stops_with_exit_2_and_preview_builds(site_factory: SiteFactory) -> None:
    root, _ = loopback_shop(site_factory)

    stopped = appreciate("build", cwd=root)
    assert stopped.returncode == 2, stopped.stderr
    assert "receiver.url: 'http://127.0.0.1:8000' is a loopback address" in stopped.stderr
    assert not (root / "site").exists()

    preview = appreciate("build", "--preview", cwd=root)
    assert preview.returncode == 0, preview.stderr
    warnings = [line for line in preview.stderr.splitlines() if line.startswith("WARNING")]
    assert any("is a loopback address" in line for line in warnings)
    assert any("content/about.md:3: links to the survey form" in line for line in warnings)
    survey = (root / "site" / "survey" / "index.html").read_text()
    assert f'action="{LOOPBACK}/survey"' in survey


def test_the_run_receiver_address_overrides_the_campaign(site_factory: SiteFactory) -> None:
    root = site_factory()
    local = appreciate(
        "build", "--preview", cwd=root, APPRECIATE_RECEIVER_URL="http://127.0.0.1:8001"
    )
    assert local.returncode == 0, local.stderr
    assert "$APPRECIATE_RECEIVER_URL: 'http://127.0.0.1:8001' is a loopback address" in local.stderr
    survey = (root / "site" / "survey" / "index.html").read_text()
    assert 'action="http://127.0.0.1:8001/survey"' in survey

    published = appreciate("build", cwd=root)  # the cached pages follow the variable away again
    assert published.returncode == 0, published.stderr
    survey = (root / "site" / "survey" / "index.html").read_text()
    assert 'action="https://answers.shop.example/survey"' in survey

    wrong = appreciate("build", cwd=root, APPRECIATE_RECEIVER_URL="not a url")
    assert wrong.returncode == 2
    assert (
        "$APPRECIATE_RECEIVER_URL: 'not a url' is not a web address (hint: write it like "
        "https://answers.yourshop.com, or unset it)" in wrong.stderr
    )


def test_gh_deploy_publishes_nothing_when_not_ready(
    site_factory: SiteFactory, tmp_path: Path
) -> None:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    root, _ = loopback_shop(site_factory)
    git("init", "--quiet", "--initial-branch=main", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)

    result = mkdocs("gh-deploy", "--force", cwd=root)

    assert result.returncode != 0
    assert "is a loopback address" in result.stderr
    assert git("branch", "--list", cwd=remote).strip() == ""


def test_serve_warns_and_serves(site_factory: SiteFactory) -> None:
    root, _ = loopback_shop(site_factory)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=command_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/survey/", f'action="{LOOPBACK}/survey"')
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "WARNING -  appreciate: campaigns/campaign.yaml" in stderr
    assert "is a loopback address" in stderr
    assert "Traceback" not in stderr
