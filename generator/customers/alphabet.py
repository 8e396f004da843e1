"""The symbols of codes and tickets: nothing a customer can misread or mistype (no 0/O, 1/I/L)."""

from __future__ import annotations

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
