"""Where the shop's private files live: git-ignored, never part of the site.

Declared once, read by ``appreciate codes``, the privacy guard and the site build; relative
paths are taken from the project's folder (the one holding mkdocs.yml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PRIVATE_DIR = Path("private")
KEY_FILE = PRIVATE_DIR / "code.key"
"""The secret the personal codes are derived from, unless $APPRECIATE_CODE_KEY is set."""
KEY_VARIABLE = "APPRECIATE_CODE_KEY"
CODES_DIR = PRIVATE_DIR / "out"
"""Where ``appreciate codes`` writes the mail-merge and shop-import files by default."""
ISSUED_DIR = PRIVATE_DIR / "issued"
"""A record of every code issued, kept here whatever ``--out`` was: the guard reads it."""


def issued_record(root: Path, campaign_id: str) -> Path:
    """The record of the codes issued for ``campaign_id``: one SHA-256 of a code per line."""
    return root / ISSUED_DIR / f"{campaign_id}.sha256"


@dataclass(frozen=True)
class GuardedList:
    """What the privacy guard looks for in a built site: the customer list (its file, format and
    columns), the codes issued to it (made of the campaign's id and code length: none without a
    personal-code offer), and the words the shop allows on its pages."""

    file: str
    format: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    allow_words: tuple[str, ...] = ()
    campaign_id: str = ""
    code_length: int | None = None
