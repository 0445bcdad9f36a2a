"""make screenshots: full-page PNGs of the pages that show the publication's design, for review in pull requests.

The project is built strictly into a temporary folder, served on 127.0.0.1 under a sub-path, and each page
of site_model.review_pages (home, article index, newest article, first partnership page, in every
language) is photographed in Debian's Chromium at each width (390 px, a phone; 1280 px, a desktop) as
`<language>-<kind>-<width>.png`. The folder is `screenshots/` at the top of the checkout by default,
git-ignored: pictures for a review, not part of the site (site/ is what gets published) nor of the history.
Only these files are written there; other files in the folder are left as they are.

Run as `PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/screenshots.py` (by
`make screenshots`); `--project` photographs another project, `--widths 390` one width.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS, open_all_quietly
from project import ROOT, SUB_PATH, build_site, free_port
from site_model import review_pages
from static_host import served_under_sub_path

# Heights of the first screen at each width: a phone's (390 × 844) and a laptop's (1280 × 900).
SCREEN_HEIGHTS = {390: 844, 1280: 900}
# Every picture loaded, lazy ones included (the page is scrolled through first), and no transition running.
SETTLED = """() => [...document.images].every((image) => image.complete)
  && document.getAnimations().every((animation) => animation.playState !== "running")"""

# The header shows the site's name again (Material swaps in the page's title once its heading scrolls away), and
# has finished fading it in.
AT_THE_TOP = """() => !document.querySelector(".md-header__title--active")
  && document.getAnimations().every((animation) => animation.playState !== "running")"""


def photograph(site_url: str, pages: dict[str, str], widths: list[int], folder: Path) -> list[Path]:
    """Each page at each width, its full length, as `<name>-<width>.png` in `folder`. The pages of a width are
    open side by side, each in a context of its own: their waits (the network, lazy pictures, the header's
    fade) overlap instead of adding up, and each page is photographed once it has settled."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width in widths:
            viewport = {"width": width, "height": SCREEN_HEIGHTS.get(width, 900)}
            # A context each, not a tab each in one: Chromium draws only the tab in front of its window, and a
            # tab behind it would wait to scroll, fade and be photographed until it came forward.
            tabs = {name: browser.new_context(viewport=viewport).new_page() for name in pages}
            open_all_quietly([(tabs[name], site_url + path) for name, path in pages.items()])
            for tab in tabs.values():
                tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            for tab in tabs.values():
                tab.wait_for_function(SETTLED)
            # Back at the top, the header fades the page's title out and the site's name back in.
            for tab in tabs.values():
                tab.evaluate("window.scrollTo(0, 0)")
            for name, tab in tabs.items():
                tab.wait_for_function(AT_THE_TOP)
                file = folder / f"{name}-{width}.png"
                tab.screenshot(path=str(file), full_page=True)
                written.append(file)
                tab.context.close()
        browser.close()
    return written


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to photograph (default: this one)")
    parser.add_argument("--output", type=Path, default=ROOT / "screenshots", help="where the PNGs go")
    parser.add_argument("--widths", default="390,1280", help="viewport widths in CSS pixels, comma-separated")
    options = parser.parse_args(arguments)
    try:
        widths = [int(width) for width in options.widths.split(",")]
    except ValueError:
        parser.error(f"--widths {options.widths}: give whole numbers of pixels, comma-separated, e.g. 390,1280")
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install -y chromium'", file=sys.stderr)
        return 2
    project = options.project.resolve()
    pages = review_pages(project)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        site = Path(folder) / "site"
        port = free_port()
        built = build_site(site, f"http://127.0.0.1:{port}{SUB_PATH}", config_file=project / "mkdocs.yml")
        if built.returncode != 0:
            print(built.stdout + built.stderr, file=sys.stderr)
            print(
                "The strict build failed (above): fix what it names, then run make screenshots again.", file=sys.stderr
            )
            return 1
        options.output.mkdir(parents=True, exist_ok=True)
        with served_under_sub_path(site, port) as site_url:
            written = photograph(site_url, pages, widths, options.output)
    for file in written:
        print(file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
