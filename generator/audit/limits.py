"""The audit's thresholds, declared once: the CLI's options and the plugin's read these.

Imported when the command line is built, so it imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImageLimits:
    stretch_tolerance: float = 0.02
    """Allowed relative difference between the declared and the intrinsic width:height ratio."""
    max_upscale: float = 2.0
    """Intrinsic pixels may be at most this many times the declared size in each dimension."""
    max_bytes: int = 300_000
    """The byte budget of one image."""

    @property
    def max_image_kb(self) -> int:
        return self.max_bytes // 1000


IMAGE_LIMITS = ImageLimits()

EXTERNAL_CACHE = ".cache/appreciate/external.json"
EXTERNAL_CACHE_HOURS = 24.0
"""How long an external URL's answer is reused."""
EXTERNAL_TIMEOUT = 10.0
"""Seconds to wait for one external URL."""
EXTERNAL_PER_HOST = 4
"""Requests at once to one host."""
EXTERNAL_RETRIES = 3
"""Retries of a 429 or 5xx answer."""
EXTERNAL_BACKOFF = 0.5
"""First wait before a retry, in seconds; doubled each time unless the server says."""
EXTERNAL_MAX_WAIT = 30.0
"""The longest wait before a retry, whatever ``Retry-After`` asks."""
