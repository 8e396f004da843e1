"""Appreciate: a Customer Appreciation Month website from campaign YAML, on MkDocs + Material."""

from __future__ import annotations

__version__ = "0.1.0"
