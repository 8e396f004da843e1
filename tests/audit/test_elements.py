"""Each element's check, by planted defects: images that load nothing or cannot be shown,
``srcset`` and ``data:`` URIs, ``<picture>`` and ``<video>`` sources, ``object-fit``."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

from generator.audit.site import AuditOptions, audit_site
from tests.audit.conftest import StaticSite, page

PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="


def png(size: tuple[int, int] = (60, 40)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, "#6b3e26").save(out, "PNG")
    return out.getvalue()


def found(site: Path, options: AuditOptions | None = None) -> list[tuple[str, str, str]]:
    return [(f.tag, f.target, f.message) for f in audit_site(site, options).findings]


def test_unreadable_images_wherever_an_image_is_loaded(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img src="empty.png" alt="x">\n'
                '<img src="ok.png" srcset="ok.png 1x, cut.png 2x" alt="x">\n'
                '<picture><source srcset="page.webp"><img src="ok.png" alt="x"></picture>',
                head='<link rel="icon" href="favicon.ico">'
                '<meta property="og:image" content="card.png">',
            ),
            "ok.png": png(),
            "empty.png": b"",
            "cut.png": png((300, 200))[:200],
            "page.webp": b"<!doctype html><title>Not found</title>",
            "favicon.ico": b"GIF89a",
            "card.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        }
    )
    assert {(tag, target) for tag, target, _ in found(site)} == {
        ("unreadable-image", "empty.png"),
        ("unreadable-image", "cut.png"),
        ("unreadable-image", "page.webp"),
        ("unreadable-image", "favicon.ico"),
        ("unreadable-image", "card.png"),
    }


def test_an_img_that_can_load_nothing(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img alt="no src">\n<img src="" alt="empty src">\n<img src="  " alt="blank">\n'
                '<picture><source media="(min-width: 40em)" srcset="ok.png"><img alt="x"></picture>\n'
                '<picture><source type="image/jxl" srcset="ok.png"><img alt="x"></picture>'
            ),
            "ok.png": png(),
        }
    )
    messages = [(tag, message) for tag, _, message in found(site)]
    assert messages == [
        ("broken-image", "no src and no srcset: the image loads nothing (hint: give it a src)"),
        (
            "broken-image",
            "an empty src and no srcset: the image loads nothing (hint: give it a src)",
        ),
        (
            "broken-image",
            "an empty src and no srcset: the image loads nothing (hint: give it a src)",
        ),
        ("broken-image", "no src and no srcset: the image loads nothing (hint: give it a src)"),
        ("broken-image", "no src and no srcset: the image loads nothing (hint: give it a src)"),
    ]


def test_an_img_that_loads_through_srcset_or_a_source_that_always_applies(
    static_site: StaticSite,
) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img srcset="ok.png 1x" alt="x">\n<img src="" srcset="ok.png 60w" alt="x">\n'
                '<picture><source srcset="ok.png"><img alt="x"></picture>\n'
                '<picture><source type="image/webp" srcset="ok.png 1x"><img src="" alt="x"></picture>'
            ),
            "ok.png": png(),
        }
    )
    assert found(site) == []


def test_data_uris_wherever_a_url_may_stand(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                f'<img src="{PIXEL}" alt="x">\n'
                f'<img src="{PIXEL}" srcset="{PIXEL} 1x, data:image/png;base64,AA,BB 2x" alt="x">\n'
                f'<picture><source srcset="{PIXEL}"><img src="{PIXEL}" alt="x"></picture>\n'
                f"<div style=\"background: url('{PIXEL}')\"></div>\n"
                "<style>p { background: url(data:image/svg+xml,%3Csvg%3E%3C/svg%3E) }</style>",
                head=f'<link rel="icon" href="{PIXEL}">',
            ),
            "site.css": f'body {{ background: url("{PIXEL}") }}',
        }
    )
    assert found(site) == []


def test_a_srcset_candidate_after_a_data_uri_is_still_checked(static_site: StaticSite) -> None:
    site = static_site(
        {"index.html": page(f'<img src="{PIXEL}" srcset="{PIXEL} 1x, gone.png 2x" alt="x">')}
    )
    assert found(site) == [("broken-image", "gone.png", "image not found")]


def test_video_sources_are_files_not_images(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<video><source src="clip,final.mp4" type="video/mp4"><source src="gone.webm"></video>'
            ),
            "clip,final.mp4": b"\x00\x00\x00\x18ftypmp42",
        }
    )
    assert found(site) == [("broken-image", "gone.webm", "file not found")]


def test_object_fit_in_an_inline_style_keeps_the_ratio(static_site: StaticSite) -> None:
    site = static_site(
        {
            "index.html": page(
                '<img src="wide.png" width="60" height="60" style="object-fit: cover" alt="x">\n'
                '<img src="wide.png" style="width: 60px; height: 60px; object-fit: contain" alt="x">\n'
                '<img src="wide.png" width="60" height="60" style="object-fit: fill" alt="x">'
            ),
            "wide.png": png((60, 40)),
        }
    )
    assert [(f.tag, f.line) for f in audit_site(site).findings] == [("stretched-image", 10)]
