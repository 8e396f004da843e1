"""A large Material for MkDocs site, like a real one, for the audit benchmark.

Each page has sections with headings, about 10 links to anchors on other pages and one image;
the navigation, which lists every page, is repeated on every page. 1,000 pages make ~240 MB of
HTML and ~1 M links. The built site is kept in ``benchmarks/.cache/`` and reused.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from PIL import Image

CACHE = Path(__file__).parent / ".cache"
SECTIONS = 6


def build_material_site(pages: int = 1000) -> Path:
    """The built site of ``pages`` pages (built once, then reused)."""
    project = CACHE / f"material-{pages}"
    site = project / "site"
    if (site / "index.html").is_file():
        return site
    rng = random.Random(pages)
    content = project / "content"
    (content / "img").mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        Image.new("RGB", (320, 240), colour).save(content / "img" / f"photo-{number:04}.png")
        lines = [f"# Page {number}", "", "Lorem ipsum dolor sit amet, consectetur adipiscing."]
        lines += ["", f'![Photo {number}](img/photo-{number:04}.png){{ width="320" height="240" }}']
        for section in range(SECTIONS):
            lines += ["", f"## Section {section}", ""]
            links = []
            for _ in range(2 if section < 5 else 0):
                target = rng.randrange(pages)
                links.append(
                    f"[page {target}, section {rng.randrange(SECTIONS)}]"
                    f"(page-{target:04}.md#section-{rng.randrange(SECTIONS)})"
                )
            lines.append("Sed do eiusmod tempor incididunt ut labore. " + " ".join(links))
        name = "index.md" if number == 0 else f"page-{number:04}.md"
        text = "\n".join(lines).replace("(page-0000.md", "(index.md")
        (content / name).write_text(text + "\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Benchmark\nsite_url: https://bench.example/\ndocs_dir: content\n"
        "theme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project, env=env, check=True
    )
    return site


if __name__ == "__main__":
    built = build_material_site(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    size = sum(p.stat().st_size for p in built.rglob("*.html"))
    print(f"{built}: {size / 1e6:.0f} MB of HTML")
