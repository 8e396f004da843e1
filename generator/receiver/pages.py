"""The receiver's own pages (thank-you, errors, report), in the campaign's brand."""

from __future__ import annotations

from typing import Any

import jinja2
from starlette.requests import Request

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.receiver", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, request: Request | None, **context: Any) -> str:
    brand = (
        getattr(request.app.state, "brand", None)
        if request is not None
        else context.pop("brand", None)
    )
    return _env.get_template(template).render(brand=brand, **context)


def render_offline(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)
