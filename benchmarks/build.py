"""The plugin's cost: `mkdocs build` of the demo against a plain `mkdocs build` of the same pages.

The baseline is the demo with the plugin's rendered pages written out as ordinary Markdown files
and the plugin's theme templates copied into its overrides, so both builds produce the same site;
the difference is what the plugin does (loading, validating, rendering). Both are timed as whole
``mkdocs build`` processes, alternating, in the same run.

    .venv/bin/python benchmarks/build.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

import yaml

from generator.mkdocs_plugin.languages import docs_path
from generator.mkdocs_plugin.palette import brand_css
from generator.mkdocs_plugin.plugin import THEME_DIR
from generator.pages.render import render_bundle

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 25)
CAMPAIGN = "campaigns/appreciation-2026.yaml"
WRITTEN = (".html", ".ics", ".png", ".json")


def with_plugin(work: Path) -> Path:
    project = work / "with-plugin"
    for name in ("content", "campaigns", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def baseline(work: Path) -> Path:
    """The same site, built by MkDocs and Material alone."""
    project = work / "plain"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(THEME_DIR, project / "overrides")
    shutil.copytree(REPO / "overrides", project / "overrides", dirs_exist_ok=True)
    bundle = render_bundle(REPO / CAMPAIGN, TODAY.isoformat())
    for page in bundle.pages:
        path = docs_path(page.path, page.language, bundle.languages[0])
        (project / "content" / path).write_text(page.markdown, encoding="utf-8")
    # the calendars and share images, as static files
    for path, text in bundle.files.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    for path, png in bundle.images.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_bytes(png)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # the same languages, built by mkdocs-static-i18n alone; each language's announcement bar
    # comes from the language's own `extra`
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for language in i18n["languages"]:
        language["extra"] = {
            "appreciate": {
                "brand_css": brand_css(*bundle.brand),
                "announce": bundle.announce[language["locale"]],
                "campaign": bundle.campaign_id,
                **asdict(bundle.share[language["locale"]]),
            }
        }
    config["plugins"] = ["search", {"i18n": i18n}]
    config["site_name"] = bundle.business_name  # the plugin names the site after the shop
    config["theme"]["logo"] = bundle.logo
    config["theme"]["favicon"] = bundle.logo
    config["theme"]["palette"] = {"primary": "custom", "accent": "custom"}
    default = bundle.languages[0]
    config["nav"] = [p.path for p in bundle.pages if p.language == default] + ["our-story.md"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def copy_what_the_plugin_adds(plugin: Path, plain: Path) -> None:
    """The files the plugin writes itself, as static files of the baseline: the cards of the
    marketer's pages, the en/ redirects, the per-language search indexes and 404 pages."""
    site = plugin / "site"
    added = [
        *site.glob("assets/share/*/our-story.png"),
        *site.glob("en/**/index.html"),
        *site.glob("*/search/search_index.json"),
        *site.glob("*/404.html"),
    ]
    for path in added:
        target = plain / "content" / path.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def build_seconds(project: Path, *, cold: bool = False) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "APPRECIATE_TODAY": TODAY.isoformat()}
    if cold:  # as after an edit of the campaign: the plugin renders its pages again (the share
        # cards whose words did not change are kept, as after a real edit)
        for entry in (project / ".cache" / "appreciate").glob("*.json"):
            if entry.name != "guard.json":  # the customer list did not change
                entry.unlink()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project, env=env, check=True
    )
    return time.perf_counter() - start


def same_pages(a: Path, b: Path) -> bool:
    def pages(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.suffix in WRITTEN}

    return pages(a / "site") == pages(b / "site")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plugin, plain = with_plugin(Path(tmp)), baseline(Path(tmp))
        build_seconds(plugin)
        copy_what_the_plugin_adds(plugin, plain)
        build_seconds(plain)  # both warm the file cache
        if not same_pages(plugin, plain):
            sys.exit("the baseline does not build the same pages; the comparison would be unfair")
        timings: dict[str, list[float]] = {"plain": [], "warm": [], "cold": []}
        for _ in range(args.runs):
            timings["plain"].append(build_seconds(plain))
            timings["warm"].append(build_seconds(plugin))
            timings["cold"].append(build_seconds(plugin, cold=True))
    plain_s, warm_s, cold_s = (statistics.median(timings[k]) for k in ("plain", "warm", "cold"))
    print(f"runs: {args.runs} of each, interleaved; median wall time of a `mkdocs build` process")
    print(f"baseline, plain mkdocs build of the rendered pages: {plain_s:.3f} s")
    print(
        f"appreciate plugin, inputs unchanged (cache warm):   {warm_s:.3f} s"
        f"  ratio {warm_s / plain_s:.2f}x (goal <= 1.10x)"
    )
    print(
        f"appreciate plugin, after a campaign edit (cold):    {cold_s:.3f} s"
        f"  ratio {cold_s / plain_s:.2f}x"
    )


if __name__ == "__main__":
    main()
