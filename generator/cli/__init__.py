"""The ``appreciate`` command: one group, its commands in a module per subject."""

from __future__ import annotations

from generator.cli import customers, publish, receiver, site, staff
from generator.cli.main import main

__all__ = ["customers", "main", "publish", "receiver", "site", "staff"]
