"""The receiver's own pages (thank-you, errors, report), in the campaign's brand."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from starlette.requests import Request

from generator.i18n import jinja_environment


@cache
def _env(language: str) -> jinja2.Environment:
    return jinja_environment(
        jinja2.PackageLoader("generator.receiver", "templates"),
        language,
    )


def render(template: str, request: Request | None, language: str = "en", **context: Any) -> str:
    """A page in ``language`` (the admin's and the offline report stay in English)."""
    brand = (
        getattr(request.app.state, "brand", None)
        if request is not None
        else context.pop("brand", None)
    )
    return _env(language).get_template(template).render(brand=brand, **context)


def render_offline(template: str, **context: Any) -> str:
    return _env("en").get_template(template).render(**context)
