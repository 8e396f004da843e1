"""Share cards: one 1200×630 image per page and language, in the brand's colours (Pillow).

Material's social plugin makes such cards too, but it needs the Cairo library and fetches its
fonts from Google Fonts while building; these are drawn with Pillow, which Appreciate already
uses for the image audit, with a font found on the machine (DejaVu, from Debian's
fonts-dejavu-core) or Pillow's own.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from generator.pages.colours import mix, text_on
from generator.staging import write_replacing

if TYPE_CHECKING:  # Pillow is imported only to draw a card the cache does not hold
    from PIL.ImageFont import FreeTypeFont, ImageFont

SIZE = (1200, 630)
DESIGN = 1
"""Bump when the drawing changes, so cached cards are drawn again."""
FOLDER = "assets/share"
_FONTS = Path("/usr/share/fonts/truetype/dejavu")


class CardStyle(NamedTuple):
    """What a language's cards share: the campaign's name above, business and dates below."""

    kicker: str
    footer: str
    primary: str
    accent: str


def share_path(page_path: str, language: str) -> str:
    """``offers.md`` in ``es`` → ``assets/share/es/offers.png`` (``blog/v1.2.md``:
    ``blog/v1.2.png``)."""
    return f"{FOLDER}/{language}/{page_path.removesuffix('.md')}.png"


@cache
def _font(size: int, bold: bool) -> FreeTypeFont | ImageFont:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    if (_FONTS / name).is_file():
        return ImageFont.truetype(str(_FONTS / name), size)
    return ImageFont.load_default(size)


def share_image(title: str, style: CardStyle, cache_dir: Path | None = None) -> bytes:
    """A PNG card: the page's title large, the campaign above it, the business and dates below.

    With ``cache_dir``, a card already drawn with the same texts and colours is read back:
    editing the campaign redraws only the cards whose words changed.
    """
    if cache_dir is None:
        return _draw(title, style)
    key = hashlib.sha256(json.dumps([title, *style, DESIGN]).encode()).hexdigest()[:24]
    cached = cache_dir / "share" / f"{key}.png"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    png = _draw(title, style)
    write_replacing(cached, png)
    return png


def _draw(title: str, style: CardStyle) -> bytes:
    from PIL import Image, ImageDraw

    background = style.primary
    ink = text_on(background)
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=style.accent)
    draw.rectangle((72, 96, 84, 150), fill=style.accent)
    draw.text((108, 96), style.kicker, font=_font(40, False), fill=mix(ink, background, 0.15))
    size = 84 if len(title) <= 40 else 64
    lines = textwrap.wrap(title, width=22 if size == 84 else 30)[:3]
    y = 200
    for line in lines:
        draw.text((72, y), line, font=_font(size, True), fill=ink)
        y += int(size * 1.2)
    draw.text((72, SIZE[1] - 110), style.footer, font=_font(36, False), fill=ink)
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def og_locale(language: str) -> str:
    """Open Graph's ``ll_TT`` form of a language: ``es`` → ``es_ES`` (CLDR's likely subtags)."""
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(language, language))
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else language
