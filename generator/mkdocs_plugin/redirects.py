"""The default language's own folder (``en/``), as redirects to its pages at the site's root.

mkdocs-static-i18n builds the default language at the root only (a copy in ``en/`` would be
duplicate content to search engines). Customers and links still try ``/en/offers/``: each such
address gets a small page that sends the browser on at once, names the real page as canonical
and asks search engines not to index it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Container, Iterable
from functools import cache

import jinja2


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.mkdocs_plugin", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("redirect.html.j2")


def language_redirects(
    language: str, page_urls: Iterable[str], site_url: str | None, taken: Container[str] = ()
) -> dict[str, str]:
    """The redirect page of ``<language>/<page>`` for every page in ``page_urls`` (as MkDocs
    gives them: ``offers/``, ``""`` for the home page), by its file's path in the site.

    A path in ``taken`` (a page of the site's own in such a folder) gets no redirect.
    """
    stubs: dict[str, str] = {}
    for url in sorted(set(page_urls)):
        folder_url = not url or url.endswith("/")
        address = posixpath.join(language, url)
        path = posixpath.join(address, "index.html") if folder_url else address
        if path in taken:
            continue
        here = address.rstrip("/") if folder_url else posixpath.dirname(address)
        target = posixpath.relpath(url or ".", here) + ("/" if folder_url else "")
        canonical = f"{site_url.rstrip('/')}/{url}" if site_url else target
        stubs[path] = _template().render(language=language, target=target, canonical=canonical)
    return stubs
