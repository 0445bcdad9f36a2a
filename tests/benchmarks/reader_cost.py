"""The readers' cost on a phone: bytes transferred (gzip) and requests of every page, pictures apart; the
picture an index card loads; Lighthouse's scores and layout shift; and the size of the partnership map's
SVG, which its page carries inline."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from measure import ROOT, SUB_PATH, build
from microsite.measurements import file_to_record, record_lighthouse, sources_fingerprint
from site_model import review_pages

CHROMIUM = Path("/usr/bin/chromium")
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
PHONE = {"width": 390, "height": 844}
MAP_SVG = re.compile(r'<svg class="partnership-map__svg".*?</svg>', re.DOTALL)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: the site under SUB_PATH, text gzip-compressed, as a CDN or Pages would serve it."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUB_PATH):
            self.send_error(404)
            return
        relative = path[len(SUB_PATH) :] or "index.html"
        file = Path(self.directory) / relative
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        if file.suffix in self.COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass


@contextmanager
def static_host(site: Path, port: int) -> Iterator[None]:
    """`site` served by GzipHandler on `port` from a background thread, stopped on leaving."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every page of the built site a reader can open, site-relative: not the theme's assets, not the
    redirect pages at old addresses (a meta refresh sends the reader on at once)."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if path.startswith("assets/") or 'http-equiv="refresh"' in file.read_text(encoding="utf-8"):
            continue
        pages.append(path)
    return pages


def map_size(site: Path) -> dict:
    """The largest partnership map's SVG in the built site: bytes as written, and served with gzip."""
    svgs = [match.group(0) for page in site.rglob("*.html") for match in MAP_SVG.finditer(page.read_text("utf-8"))]
    if not svgs:
        return {}
    svg = max(svgs, key=len).encode("utf-8")
    return {"bytes": len(svg), "bytes_gzip": len(gzip.compress(svg, compresslevel=6))}


def transferred(browser, site_url: str, page_paths: list[str]) -> dict:
    """What each page loads in Chromium on a phone's viewport, as the gzip host sends it: the bytes of its
    pictures apart from everything else (HTML, CSS, scripts, fonts, the search index), and the
    requests."""
    pages = {}
    for page_path in page_paths:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        responses: list = []
        page.on("response", lambda response, responses=responses: responses.append(response))
        page.goto(site_url + page_path, wait_until="networkidle")
        sizes = {"bytes_gzip": 0, "picture_bytes": 0}
        for response in responses:
            key = "picture_bytes" if response.headers.get("content-type", "").startswith("image/") else "bytes_gzip"
            sizes[key] += int(response.headers.get("content-length", "0"))
        pages[page_path] = {**sizes, "requests": len(responses)}
        context.close()
    return pages


def card_pictures(browser, site_url: str, index_paths: list[str]) -> dict:
    """The largest file the browser picks for an index card's picture on a 390 px phone, at device pixel
    ratios 1 and 3, over the given index pages (every card, the lazy ones scrolled into view); {} where no
    card has a picture."""
    largest: dict = {}
    for ratio in (1, 3):
        for index_path in index_paths:
            context = browser.new_context(viewport=PHONE, device_scale_factor=ratio)
            page = context.new_page()
            responses: list = []
            page.on("response", lambda response, responses=responses: responses.append(response))
            page.goto(site_url + index_path, wait_until="networkidle")
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            page.wait_for_load_state("networkidle")
            sizes = {response.url: len(response.body()) for response in responses if response.ok}
            chosen = page.evaluate(
                "[...document.querySelectorAll('img.article-card__image')].map((image) => image.currentSrc)"
            )
            for url in chosen:
                if url in sizes and sizes[url] > largest.get(ratio, {}).get("bytes", -1):
                    largest[ratio] = {"bytes": sizes[url], "file": url.removeprefix(site_url), "page": index_path}
            context.close()
    return largest


def lighthouse_scores(url: str) -> dict:
    """Lighthouse's mobile scores (0–100) of `url` and its cumulative layout shift, or its error.

    Lighthouse's performance score varies from run to run: the median of three.
    """
    figures: dict = {}
    runs = []
    layout_shifts = []
    for _ in range(3):
        report = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if report.returncode != 0:
            figures["lighthouse_error"] = report.stderr.strip()[-300:]
            break
        lighthouse = json.loads(report.stdout)
        runs.append({name: round(category["score"] * 100) for name, category in lighthouse["categories"].items()})
        layout_shifts.append(lighthouse["audits"]["cumulative-layout-shift"]["numericValue"])
    if runs:
        figures["lighthouse"] = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
        # A shift in any run is a shift a reader may see: the largest, not the median.
        figures["layout_shift"] = max(layout_shifts)
    return figures


def reader_cost(workspace: Path) -> dict:
    """Every page's bytes and requests, the index cards' pictures, then Lighthouse's scores of the review
    pages (home, article index, newest article, first partnership page; site_model.review_pages), as a
    static host serves them."""
    site = workspace / "reader-site"
    port = 8700 + os.getpid() % 200
    site_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    sources = sources_fingerprint(ROOT)
    build(ROOT, site, extra_env={"SITE_URL": site_url})
    results: dict = {"pages": {}, "all_pages": {}, "map": map_size(site)}
    review = review_pages(ROOT)
    with static_host(site, port):
        if not CHROMIUM.exists():
            results["skipped"] = f"Chromium not found at {CHROMIUM}: reader figures skipped"
            return results
        # Playwright is needed only where Chromium is there for it to drive.
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_FLAGS.split())
            results["all_pages"] = transferred(browser, site_url, site_pages(site))
            indexes = [path for name, path in review.items() if name.endswith("-index")]
            results["card_pictures"] = {
                str(ratio): figures for ratio, figures in card_pictures(browser, site_url, indexes).items()
            }
            browser.close()
        results["pages"] = {path: dict(results["all_pages"][path]) for path in review.values()}
        if not LIGHTHOUSE.exists() or shutil.which("node") is None:
            results["lighthouse_skipped"] = (
                "Lighthouse or Node.js not found: run make bench (npm ci in tests/benchmarks) with Node.js installed"
            )
            return results
        for page_path in review.values():
            results["pages"][page_path].update(lighthouse_scores(site_url + page_path))
    record_accessibility_scores(results["pages"], sources)
    return results


def record_accessibility_scores(pages: dict, sources: str) -> None:
    """Lighthouse's accessibility scores, for the accessibility statement (hooks/microsite/measurements.py);
    only once every page has one: the statement names a run of all of them or none."""
    scores = {
        page: round(figures["lighthouse"]["accessibility"])
        for page, figures in pages.items()
        if "lighthouse" in figures
    }
    measurements = file_to_record(ROOT)
    if measurements is not None and pages and len(scores) == len(pages):
        version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
        record_lighthouse(measurements, version=version, sources=sources, scores=scores)
