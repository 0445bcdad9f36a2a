"""The readers' cost on a phone: bytes transferred (gzip) and requests per page, and Lighthouse's scores;
and the size of the partnership map's SVG, which its page carries inline."""

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

import yaml
from measure import ROOT, SUB_PATH, build
from microsite.measurements import record_lighthouse, sources_fingerprint

CHROMIUM = Path("/usr/bin/chromium")
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
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


def article_folder() -> str:
    """Where the articles are built: the collection's folder (data/articles.yml), or the top."""
    collection = ROOT / "data" / "articles.yml"
    if not collection.exists():
        return "."
    return yaml.safe_load(collection.read_text(encoding="utf-8"))["page_folder"]


def reader_pages(site: Path) -> list[str]:
    """Home, the largest article and a partnership page, in both languages."""
    partnership = sorted((site / "partnerschaften").glob("*.html"))
    partnership = next(path for path in partnership if path.name != "index.html").relative_to(site).as_posix()
    article = (
        max(
            (
                path
                for path in (site / article_folder()).glob("*.html")
                if path.name not in ("index.html", "404.html") and not path.stem.isdigit()
            ),
            key=lambda path: path.stat().st_size,
        )
        .relative_to(site)
        .as_posix()
    )
    german = ["index.html", article, partnership]
    return german + [f"en/{path}" for path in german]


def article_pages(reader: dict) -> list[str]:
    """The article pages among the measured ones (the second of each language)."""
    paths = list(reader["pages"])
    return [paths[1], paths[4]] if len(paths) == 6 else []


def map_size(site: Path) -> dict:
    """The largest partnership map's SVG in the built site: bytes as written, and served with gzip."""
    svgs = [match.group(0) for page in site.rglob("*.html") for match in MAP_SVG.finditer(page.read_text("utf-8"))]
    if not svgs:
        return {}
    svg = max(svgs, key=len).encode("utf-8")
    return {"bytes": len(svg), "bytes_gzip": len(gzip.compress(svg, compresslevel=6))}


def transferred(site_url: str, page_paths: list[str]) -> dict:
    """Bytes (gzip) and requests of each page loaded in Chromium on a phone's viewport."""
    # Playwright is needed only where Chromium is there for it to drive.
    from playwright.sync_api import sync_playwright

    pages = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_FLAGS.split())
        for page_path in page_paths:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            sizes: list[int] = []
            page.on(
                "response",
                lambda response, sizes=sizes: sizes.append(int(response.headers.get("content-length", "0"))),
            )
            page.goto(site_url + page_path, wait_until="networkidle")
            pages[page_path] = {"bytes_gzip": sum(sizes), "requests": len(sizes)}
            context.close()
        browser.close()
    return pages


def lighthouse_scores(url: str) -> dict:
    """Lighthouse's mobile scores (0–100) of `url`, or its error.

    Lighthouse's performance score varies from run to run: the median of three.
    """
    figures: dict = {}
    runs = []
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
        categories = json.loads(report.stdout)["categories"]
        runs.append({name: round(category["score"] * 100) for name, category in categories.items()})
    if runs:
        figures["lighthouse"] = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    return figures


def reader_cost(workspace: Path) -> dict:
    """Bytes and requests, then Lighthouse's scores, of reader_pages as a static host serves them."""
    site = workspace / "reader-site"
    port = 8700 + os.getpid() % 200
    site_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    sources = sources_fingerprint(ROOT)
    build(ROOT, site, extra_env={"SITE_URL": site_url})
    results: dict = {"pages": {}, "map": map_size(site)}
    with static_host(site, port):
        if not CHROMIUM.exists():
            results["skipped"] = f"Chromium not found at {CHROMIUM}: reader figures skipped"
            return results
        results["pages"] = transferred(site_url, reader_pages(site))
        if not LIGHTHOUSE.exists() or shutil.which("node") is None:
            results["lighthouse_skipped"] = (
                "Lighthouse or Node.js not found: run make bench (npm ci in tests/benchmarks) with Node.js installed"
            )
            return results
        for page_path in reader_pages(site):
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
    if pages and len(scores) == len(pages):
        version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
        record_lighthouse(ROOT, version=version, sources=sources, scores=scores)
