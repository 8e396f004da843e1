"""Image files as a browser takes them: by their bytes, whole or not, whatever their name."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from generator.audit.images import declared_size, keeps_ratio, read_image


def encoded(fmt: str, size: tuple[int, int] = (40, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, "#6b3e26").save(out, fmt)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP", "BMP", "ICO"])
def test_whole_images_are_read_with_their_size(tmp_path: Path, fmt: str) -> None:
    size = (32, 32) if fmt == "ICO" else (40, 30)  # icons come in fixed sizes
    found = read_image(write(tmp_path, f"a.{fmt.lower()}", encoded(fmt, size)))
    assert found is not None
    assert (found.width, found.height, found.problem) == (*size, None)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
def test_a_truncated_image_is_unreadable(tmp_path: Path, fmt: str) -> None:
    data = encoded(fmt, (200, 150))
    found = read_image(write(tmp_path, f"cut.{fmt.lower()}", data[: len(data) // 2]))
    assert found is not None
    assert found.problem == f"truncated: the {fmt} file ends early"


def test_an_empty_file_and_a_page_named_png_are_unreadable(tmp_path: Path) -> None:
    empty = read_image(write(tmp_path, "empty.png", b""))
    page = read_image(write(tmp_path, "page.png", b"<!doctype html><title>404</title>"))
    text = read_image(write(tmp_path, "text.jpg", b"Not Found"))
    assert empty is not None and empty.problem == "empty file"
    assert page is not None and page.problem == "not an image: no <svg>"
    assert text is not None and text.problem == "not an image: it begins with 'Not Found'"


def test_the_name_does_not_decide_the_format(tmp_path: Path) -> None:
    found = read_image(write(tmp_path, "really-a-png.jpg", encoded("PNG")))  # browsers sniff
    assert found is not None and found.problem is None


def test_svg_is_parsed(tmp_path: Path) -> None:
    good = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4"/>'
    assert read_image(write(tmp_path, "good.svg", good)).problem is None  # type: ignore[union-attr]
    broken = read_image(write(tmp_path, "broken.svg", b'<svg xmlns="x"><g></svg>'))
    assert broken is not None and (broken.problem or "").startswith("not an SVG image: mismatched")
    html = read_image(write(tmp_path, "page.svg", b"<html><body/></html>"))
    assert html is not None and html.problem == "not an image: <html>, not <svg>"


def test_a_missing_or_dangling_file_is_none(tmp_path: Path) -> None:
    (tmp_path / "dangling.png").symlink_to(tmp_path / "nowhere.png")
    assert read_image(tmp_path / "missing.png") is None
    assert read_image(tmp_path / "dangling.png") is None


def test_declared_size_and_object_fit_from_attributes_and_style() -> None:
    assert declared_size("300", "200px", None) == (300.0, 200.0)
    assert declared_size("300", "200", "height: 150px; color: red") == (300.0, 150.0)
    assert declared_size("50%", None, None) == (0.0, 0.0)
    assert keeps_ratio("width: 10px; object-fit: cover")
    assert keeps_ratio("OBJECT-FIT:contain")
    assert not keeps_ratio("object-fit: fill")
    assert not keeps_ratio("object-fit: cover; object-fit: fill")  # the last one wins
    assert not keeps_ratio(None)


def test_an_image_mended_since_it_was_read_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.png", b"")
    assert read_image(path).problem == "empty file"  # type: ignore[union-attr]
    path.write_bytes(encoded("PNG"))  # as `mkdocs serve` audits again after an edit
    assert read_image(path).problem is None  # type: ignore[union-attr]


def test_a_jpeg_with_a_long_trailer_after_its_end_is_whole(tmp_path: Path) -> None:
    # some phones append kilobytes of their own data after the end-of-image marker
    found = read_image(write(tmp_path, "phone.jpg", encoded("JPEG") + b"SEFH" * 2000))
    assert found is not None and found.problem is None
