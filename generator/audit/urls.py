"""Where a URL written in a page points inside the site."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class SiteRoot:
    """The site's files and the URL it is served at (``site_url``: its host and base path)."""

    files: frozenset[str]
    base_path: str = "/"
    origin: str = ""
    """``scheme://host`` of ``site_url``; absolute URLs there are internal."""

    @classmethod
    def from_site_url(cls, files: frozenset[str], site_url: str | None) -> SiteRoot:
        if not site_url:
            return cls(files)
        parts = urlsplit(site_url)
        base = parts.path if parts.path.endswith("/") else parts.path + "/"
        return cls(files, base, f"{parts.scheme}://{parts.netloc}".lower())


@dataclass(frozen=True)
class Target:
    """A URL as the audit sees it."""

    kind: str
    """``internal``, ``external``, ``mailto``, ``tel`` or ``skip``."""
    path: str = ""
    """For internal URLs: the site file it names, ``""`` when it leaves the site."""
    fragment: str = ""
    exists: bool = True


def resolve(url: str, page_dir: str, root: SiteRoot) -> Target:
    """Classify ``url`` written in a page in ``page_dir`` (``""`` at the root, else ``a/b/``)."""
    if url[:1].isspace() or url[-1:].isspace():
        url = url.strip()
    scheme_match = _SCHEME.match(url) if ":" in url else None
    if scheme_match:
        scheme = scheme_match[1].lower()
        if scheme in ("http", "https"):
            lowered = url.lower()
            if root.origin and lowered.startswith(root.origin + root.base_path):
                url = url[len(root.origin) :]
            elif root.origin and lowered + "/" == root.origin + root.base_path:
                url = root.base_path
            else:
                return EXTERNAL
        elif scheme in ("mailto", "tel"):
            return Target(scheme)
        else:
            return SKIP
    elif url.startswith("//"):
        return EXTERNAL

    path, _, fragment = url.partition("#")
    if "?" in path:
        path = path.partition("?")[0]
    if "%" in fragment:
        fragment = unquote(fragment)
    if not path:  # "#x" or "": this very page
        return Target("internal", "", fragment)
    if "%" in path:
        path = unquote(path)
    if path[0] == "/":
        if not path.startswith(root.base_path) and path + "/" != root.base_path:
            return Target("internal", "", fragment, exists=False)
        joined = _join("", path[len(root.base_path) :])
    else:
        joined = _join(page_dir, path)
    if joined is None:  # climbs above the site's root
        return Target("internal", "", fragment, exists=False)
    if joined == "" or joined[-1] == "/":
        file = joined + "index.html"
        return Target("internal", file, fragment, file in root.files)
    if joined in root.files:
        return Target("internal", joined, fragment)
    index = joined + "/index.html"
    if index in root.files:  # a folder without the slash: servers redirect to it
        return Target("internal", index, fragment)
    return Target("internal", joined, fragment, exists=False)


EXTERNAL = Target("external")
SKIP = Target("skip")


def _join(folder: str, path: str) -> str | None:
    """``folder`` + ``path`` without dot segments; a trailing slash is kept. ``None`` above root."""
    while path.startswith("../"):
        if not folder:
            return None
        folder = folder[: folder.rstrip("/").rfind("/") + 1]
        path = path[3:]
    joined = folder + path
    if "./" not in joined and not joined.endswith((".", "..")) and "//" not in joined:
        return joined
    keep_slash = joined.endswith(("/", "/.", "/..")) or joined in (".", "..")
    normal = posixpath.normpath(joined)
    if normal == ".." or normal.startswith("../") or normal.startswith("/"):
        return None
    if normal == ".":
        return ""
    return normal + "/" if keep_slash else normal
