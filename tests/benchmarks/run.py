"""make bench: what readers and editors pay, how it grows, and what the project's hooks add.

For N = 25, 100, 400 article pairs (and as many partnerships) of a generated publication
(tests/benchmarks/corpus.py), the median of several runs of: `mkdocs build --strict` (wall, CPU,
peak memory); the same pages built by MkDocs + Material + mkdocs-static-i18n alone; the parity
check; the link check. On the real site: the strict build, the time from saving a Markdown or a data
edit to the rebuilt page being served by `mkdocs serve`, and for readers the bytes transferred
(gzip) and Lighthouse's mobile scores. Writes tests/benchmarks/results/latest.json and latest.md
and prints every figure against its target. Nothing here is asserted by the tests.

Run as `PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/run.py` (by `make bench`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import corpus
from microsite.languages import Languages
from microsite.link_check import check_site
from microsite.parity import check_project

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "25,100,400").split(",")]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SUB_PATH = "/publication/"
CHROMIUM = Path("/usr/bin/chromium")
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# Linux counts the memory a process had when it was forked into its peak (ru_maxrss), so a build
# forked from this process (with Playwright loaded) would report this process's size. A small
# launcher forks the build instead and reports the build's own figures.
LAUNCHER = """
import json, os, sys
report, command = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execvp(command[0], command)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss], out)
"""


def run_measured(command: list[str], *, cwd: Path, env: dict) -> dict:
    """Wall and CPU seconds and peak memory (MiB) of one child process."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, report.name, *command], cwd=cwd, env=env, capture_output=True
        )
        wall = time.perf_counter() - start
        status, cpu, peak_kib = json.loads(Path(report.name).read_text(encoding="utf-8"))
    if status != 0 or result.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed in {cwd}:\n{(result.stdout + result.stderr).decode(errors='replace')[-3000:]}"
        )
    return {"wall_s": wall, "cpu_s": cpu, "peak_mib": peak_kib / 1024}


def build(project: Path, site: Path, *, extra_env: dict | None = None) -> dict:
    env = {**ENV, "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}", **(extra_env or {})}
    return run_measured(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
    )


def median_of(samples: list[dict]) -> dict:
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def without_hooks(project: Path, destination: Path) -> Path:
    """The same pages (written and generated, data already rendered), for MkDocs, Material and i18n alone.

    A build with the benchmark's dump hook added writes every page's final Markdown; those become the
    pages of a project whose configuration has no hooks.
    """
    dump = destination.parent / f"{destination.name}-dump"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    dumping = project / "mkdocs.dump.yml"
    dumping.write_text(config.replace("hooks:\n", f"hooks:\n  - {HERE / 'dump_markdown.py'}\n", 1), encoding="utf-8")
    env = {**ENV, "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}", "DUMP_MARKDOWN_TO": str(dump)}
    run_measured(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(dumping),
            "--site-dir",
            str(destination.parent / "dump-site"),
        ],
        cwd=project,
        env=env,
    )
    destination.mkdir()
    shutil.copytree(dump, destination / "docs")
    shutil.copytree(project / "overrides", destination / "overrides")
    plain = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.MULTILINE)
    plain = re.sub(r"^watch:\n(?:  - .*\n)+", "", plain, flags=re.MULTILINE)
    (destination / "mkdocs.yml").write_text(plain, encoding="utf-8")
    return destination


def time_call(function, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def corpus_figures(size: int, workspace: Path) -> dict:
    project = corpus.generate(workspace / f"corpus-{size}", size, size)
    with_hooks = median_of([build(project, workspace / f"site-{size}-{run}") for run in range(RUNS)])
    baseline_project = without_hooks(project, workspace / f"plain-{size}")
    baseline = median_of([build(baseline_project, workspace / f"plain-site-{size}-{run}") for run in range(RUNS)])
    site = workspace / f"site-{size}-0"
    pages = sum(1 for path in site.rglob("*.html") if "assets" not in path.parts)
    return {
        "articles": size,
        "partnerships": size,
        "pages": pages,
        "build": with_hooks,
        "baseline": baseline,
        "cpu_ratio": with_hooks["cpu_s"] / baseline["cpu_s"],
        "parity_s": time_call(lambda: check_project(project, Languages.of_project(project))),
        "links_s": time_call(lambda: check_site(site, site_url=f"http://127.0.0.1:8000{SUB_PATH}", project=project)),
    }


def wait_for(url: str, predicate, seconds: float = 60) -> float:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if predicate(response.read().decode("utf-8")):
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not update within {seconds} s")


def editor_latency(workspace: Path) -> dict:
    """Seconds from saving an edit to `mkdocs serve` (as make serve runs it) serving the rebuilt page."""
    project = workspace / "editor"
    project.mkdir()
    for part in ("mkdocs.yml", "docs", "data", "hooks", "overrides", "lychee.toml"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / part)
    port = 8000 + os.getpid() % 1000
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "impressum.html", lambda page: "<html" in page)
        time.sleep(1)
        page_samples, data_samples = [], []
        markdown = project / "docs" / "de" / "impressum.md"
        figures = project / "data" / "figures.yml"
        for run in range(RUNS):
            token = f"Bearbeitung{run}x{time.monotonic_ns()}"
            start = time.perf_counter()
            markdown.write_text(markdown.read_text(encoding="utf-8") + f"\n{token}\n", encoding="utf-8")
            page_samples.append(wait_for(base + "impressum.html", lambda page, token=token: token in page) - start)
            time.sleep(1)
            text = figures.read_text(encoding="utf-8")
            label = re.search(r"^(\s+de: )(.+)$", text, flags=re.MULTILINE)
            start = time.perf_counter()
            figures.write_text(text[: label.end()] + f" {token}" + text[label.end() :], encoding="utf-8")
            data_samples.append(wait_for(base + "index.html", lambda page, token=token: token in page) - start)
            time.sleep(1)
        return {"markdown_edit_s": statistics.median(page_samples), "data_edit_s": statistics.median(data_samples)}
    finally:
        server.terminate()
        server.wait(timeout=20)


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


def reader_pages(site: Path) -> list[str]:
    """Home, article and a partnership page, in both languages."""
    partnership = sorted((site / "partnerschaften").glob("*.html"))
    partnership = next(path for path in partnership if path.name != "index.html").relative_to(site).as_posix()
    article = (
        max(
            (path for path in site.glob("*.html") if path.name not in ("index.html", "404.html")),
            key=lambda path: path.stat().st_size,
        )
        .relative_to(site)
        .as_posix()
    )
    german = ["index.html", article, partnership]
    return german + [f"en/{path}" for path in german]


def reader_cost(workspace: Path) -> dict:
    site = workspace / "reader-site"
    port = 8700 + os.getpid() % 200
    site_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    build(ROOT, site, extra_env={"SITE_URL": site_url})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results: dict = {"pages": {}}
    try:
        if not CHROMIUM.exists():
            results["skipped"] = f"Chromium not found at {CHROMIUM}: reader figures skipped"
            return results
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_FLAGS.split())
            for page_path in reader_pages(site):
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                sizes: list[int] = []
                page.on(
                    "response",
                    lambda response, sizes=sizes: sizes.append(int(response.headers.get("content-length", "0"))),
                )
                page.goto(site_url + page_path, wait_until="networkidle")
                results["pages"][page_path] = {"bytes_gzip": sum(sizes), "requests": len(sizes)}
                context.close()
            browser.close()
        if not LIGHTHOUSE.exists() or shutil.which("node") is None:
            results["lighthouse_skipped"] = (
                "Lighthouse or Node.js not found: run make bench (npm ci in tests/benchmarks) with Node.js installed"
            )
            return results
        for page_path in reader_pages(site):
            # Lighthouse's performance score varies from run to run: the median of three.
            runs = []
            for _ in range(3):
                report = subprocess.run(
                    [
                        "node",
                        str(LIGHTHOUSE),
                        site_url + page_path,
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
                    results["pages"][page_path]["lighthouse_error"] = report.stderr.strip()[-300:]
                    break
                runs.append(
                    {
                        name: round(category["score"] * 100)
                        for name, category in json.loads(report.stdout)["categories"].items()
                    }
                )
            if runs:
                results["pages"][page_path]["lighthouse"] = {
                    name: statistics.median(run[name] for run in runs) for name in runs[0]
                }
    finally:
        server.shutdown()
        server.server_close()
    return results


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def report(results: dict) -> tuple[str, list[str]]:
    """The Markdown table, and one line per target with its verdict."""
    lines = [
        f"Machine: {results['machine']}. Median of {results['runs']} runs each.",
        "",
        "| pairs (+ partnerships) | pages | build wall | build CPU | peak memory | without hooks: CPU | hooks' share | parity | link check |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    verdicts = []
    for figures in results["sizes"]:
        build_, base = figures["build"], figures["baseline"]
        lines.append(
            f"| {figures['articles']} | {figures['pages']} | {build_['wall_s']:.1f} s | {build_['cpu_s']:.1f} s | {build_['peak_mib']:.0f} MiB | "
            f"{base['cpu_s']:.1f} s | {100 * (figures['cpu_ratio'] - 1):+.1f} % | {figures['parity_s']:.2f} s | {figures['links_s']:.2f} s |"
        )
        verdicts.append(
            f"hooks add {100 * (figures['cpu_ratio'] - 1):+.1f} % CPU at N = {figures['articles']} (target: at most +10 %): {verdict(figures['cpu_ratio'] <= 1.10)}"
        )
    by_size = {figures["articles"]: figures for figures in results["sizes"]}
    if 100 in by_size and 400 in by_size:
        growth = by_size[400]["build"]["cpu_s"] / by_size[100]["build"]["cpu_s"]
        verdicts.append(
            f"N = 400 costs {growth:.2f} × N = 100 in CPU (target: at most 4.4 ×): {verdict(growth <= 4.4)}"
        )
        verdicts.append(
            f"peak memory at N = 400: {by_size[400]['build']['peak_mib']:.0f} MiB (target: under 1024 MiB): {verdict(by_size[400]['build']['peak_mib'] < 1024)}"
        )
    real = results["real_site"]
    verdicts.append(
        f"real site, strict build: {real['build']['wall_s']:.2f} s (target: under 3 s): {verdict(real['build']['wall_s'] < 3)}"
    )
    editor = results["editor"]
    verdicts.append(
        f"saved Markdown edit served rebuilt: {editor['markdown_edit_s']:.2f} s (target: within 2 s): {verdict(editor['markdown_edit_s'] <= 2)}"
    )
    verdicts.append(f"saved data edit served rebuilt: {editor['data_edit_s']:.2f} s (no target; for comparison)")
    lines += [
        "",
        "| real site | figure |",
        "| --- | ---: |",
        f"| strict build (wall / CPU / memory) | {real['build']['wall_s']:.2f} s / {real['build']['cpu_s']:.2f} s / {real['build']['peak_mib']:.0f} MiB |",
        f"| Markdown edit → rebuilt page served | {editor['markdown_edit_s']:.2f} s |",
        f"| data edit → rebuilt page served | {editor['data_edit_s']:.2f} s |",
    ]
    reader = results["reader"]
    if reader.get("pages"):
        lines += [
            "",
            "| page (phone) | transferred (gzip) | requests | performance | accessibility | best practices | SEO |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for path, figures in reader["pages"].items():
            scores = figures.get("lighthouse", {})
            lines.append(
                f"| `{path}` | {figures['bytes_gzip'] / 1024:.1f} KiB | {figures['requests']} | "
                + " | ".join(
                    str(scores.get(name, "–")) for name in ("performance", "accessibility", "best-practices", "seo")
                )
                + " |"
            )
            if scores:
                ok = (
                    scores["accessibility"] == 100
                    and scores["best-practices"] == 100
                    and scores["seo"] == 100
                    and scores["performance"] >= 98
                )
                verdicts.append(
                    f"Lighthouse mobile {path}: {scores} (target: 100 / 100 / 100, performance ≥ 98): {verdict(ok)}"
                )
        article = reader_pages_from(reader)
        for path in article:
            kib = reader["pages"][path]["bytes_gzip"] / 1024
            verdicts.append(
                f"article page {path}: {kib:.1f} KiB with everything it loads (target: under 100 KB): {verdict(reader['pages'][path]['bytes_gzip'] < 100_000)}"
            )
    for key in ("skipped", "lighthouse_skipped"):
        if key in reader:
            verdicts.append(reader[key])
    return "\n".join(lines) + "\n", verdicts


def reader_pages_from(reader: dict) -> list[str]:
    """The article pages among the measured ones (the second of each language)."""
    paths = list(reader["pages"])
    return [paths[1], paths[4]] if len(paths) == 6 else []


def main() -> int:
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}",
        "runs": RUNS,
        "sizes": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        real = median_of([build(ROOT, workspace / f"real-{run}") for run in range(RUNS)])
        results["real_site"] = {"build": real}
        print(f"real site: strict build {real['wall_s']:.2f} s", flush=True)
        results["editor"] = editor_latency(workspace)
        print(f"editor: {results['editor']}", flush=True)
        results["reader"] = reader_cost(workspace)
        print("reader figures done", flush=True)
        for size in SIZES:
            results["sizes"].append(corpus_figures(size, workspace))
            print(f"N = {size}: {results['sizes'][-1]}", flush=True)
    table, verdicts = report(results)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
