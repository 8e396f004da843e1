"""URLs written in CSS: ``url()`` and ``@import``, in stylesheets, ``<style>`` and ``style=``.

Read by tinycss2's tokenizer, so quotes inside quoted URLs, comments, escapes and strings are
taken as CSS takes them. The tokenizer is pure Python (~1 s for Material's 137 KB stylesheet on
a loaded machine), so CSS is tokenized only when it names a URL that is not a ``data:`` URI or
a fragment: a ``url(`` or ``@import`` written anywhere else in its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2.ast import Node

# a URL tinycss2 would find starts at one of these: when none is there, there is nothing to check
_WORTH_READING = re.compile(r"""url\(\s*(?!['"]?\s*(?:data:|\#))|@import""", re.IGNORECASE)
# functions whose string arguments are URLs (a plain string elsewhere is just text)
_URL_FUNCTIONS = frozenset({"url", "image-set", "-webkit-image-set", "src"})


def css_urls(text: str) -> Iterator[tuple[str, int]]:
    """Each URL named in the CSS ``text`` with its line (1-based), in order; ``data:`` skipped."""
    if not _WORTH_READING.search(text):
        return
    nodes = tinycss2.parse_component_value_list(text, skip_comments=True)
    for url, line in _urls(nodes):
        if not url.lower().startswith("data:"):
            yield url, line


def _urls(nodes: Iterable[Node]) -> Iterator[tuple[str, int]]:
    importing = False
    for node in nodes:
        kind = node.type
        if kind == "url" or (importing and kind == "string"):
            yield node.value, node.source_line
        elif kind == "function":
            if node.lower_name in _URL_FUNCTIONS:
                yield from (
                    (arg.value, arg.source_line) for arg in node.arguments if arg.type == "string"
                )
            yield from _urls(node.arguments)
        elif kind in ("{} block", "[] block", "() block"):
            yield from _urls(node.content)
        if kind == "at-keyword":
            importing = node.lower_value == "import"
        elif kind not in ("whitespace", "comment"):
            importing = False
