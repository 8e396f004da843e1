"""The rendered campaign kept between builds, rendered again when an input, the code or the day
changes.

A cache hit is every build of a ``mkdocs serve`` session after an edit to the marketer's pages:
it stays light, importing what loading and rendering need (Babel, phonenumbers...) only when the
cache cannot answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import msgspec

import generator
from generator.pages.build_day import build_date
from generator.pages.bundle import SiteBundle
from generator.publish.receiver_url import receiver_override
from generator.staging import write_replacing

# code whose change changes the rendered pages
_RENDERING_CODE = tuple(
    Path(generator.__file__).parent / name
    for name in ("pages", "model", "customers", "publish", "locale", "i18n.py")
)


@dataclass(frozen=True)
class CacheEntry:
    """A bundle and the digest of what it was rendered from."""

    digest: str
    bundle: SiteBundle


# msgspec, not pydantic: a warm build would pay ~0.2 s for importing pydantic alone (~20 ms)
@cache
def _decoder() -> msgspec.json.Decoder[CacheEntry]:
    return msgspec.json.Decoder(CacheEntry)


def cached_bundle(
    campaign_file: Path, cache_dir: Path, today_override: str | None = None
) -> SiteBundle:
    """The bundle from ``cache_dir`` when the inputs, the code and the day are unchanged."""
    name = hashlib.sha1(str(campaign_file.resolve()).encode()).hexdigest()[:16]
    path = cache_dir / f"{name}.json"
    try:
        entry = _decoder().decode(path.read_bytes())
        bundle = entry.bundle
        if entry.digest == _digest(bundle.inputs) and bundle.today == build_date(
            bundle.time_zone, today_override
        ):
            return bundle
    except (OSError, msgspec.MsgspecError):  # none yet, unreadable, or another version's
        pass
    from generator.pages.render import render_bundle

    bundle = render_bundle(campaign_file, today_override, cache_dir)
    entry = CacheEntry(_digest(bundle.inputs), bundle)
    write_replacing(path, msgspec.json.encode(entry))
    return bundle


def _digest(inputs: list[str]) -> str:
    """Hash of the input files (their bytes; size and time for big ones) and the code's stamps."""
    digest = hashlib.sha256(generator.__version__.encode())
    digest.update(receiver_override().encode() + b"\0")  # the forms' address for this run
    for name in inputs:
        stat = Path(name).stat()
        content = (
            Path(name).read_bytes() if stat.st_size < 1 << 20 else f"{stat.st_mtime_ns}".encode()
        )
        digest.update(f"{name}:{stat.st_size}:".encode() + content + b"\0")
    for folder in _RENDERING_CODE:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.suffix in (".py", ".j2", ".po"):
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\0".encode())
    return digest.hexdigest()
