"""Images measured in real headless Chromium (Debian's), at a phone's and a laptop's width."""

from __future__ import annotations

from generator.audit.browser import browser_findings
from generator.audit.limits import ImageLimits
from tests.audit.conftest import StaticSite, page
from tests.browser import need_chromium

if (skip := need_chromium()) is not None:
    pytestmark = skip

STYLE = "<style>.square { width: 120px; height: 120px } .cover { object-fit: cover }</style>"


def test_css_stretching_and_oversized_rendering_are_found(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img class="square" src="wide.png" alt="stretched by CSS">\n'
                '<img class="square cover" src="wide.png" alt="cropped, not stretched">\n'
                '<img src="huge.png" style="width: 100%; max-width: 200px" alt="too big">\n'
                '<img src="fine.png" alt="shown at its size">',
                head=STYLE,
            ),
            "wide.png": (240, 120),
            "huge.png": (1600, 800),
            "fine.png": (100, 50),
        }
    )
    found = browser_findings(site, ["index.html"], ImageLimits())
    assert sorted((f.tag, f.target, f.message.split(":")[0]) for f in found) == [
        ("oversized-image", "huge.png", "at 360×800"),  # 1600 > 2 × 200 px × device pixel ratio 2
        ("stretched-image", "wide.png", "at 360×800"),
    ]


def test_a_site_without_problems_gives_nothing(static_site: StaticSite) -> None:
    site = static_site({"index.html": page('<img src="fine.png" alt="ok">'), "fine.png": (100, 50)})
    assert browser_findings(site, ["index.html"], ImageLimits()) == []
