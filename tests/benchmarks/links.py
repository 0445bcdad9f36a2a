"""Benchmark: the link check (lychee offline plus the project's own checks) on the real site and on a
generated publication of 400 article pairs and 400 partnerships. Run by `make bench`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "hooks"))

import built_site  # noqa: E402
import corpus  # noqa: E402

ARTICLES = PARTNERSHIPS = 400
RUNS = 3


def build(project: Path, site: Path, site_url: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
        env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def time_check(site: Path, project: Path) -> tuple[float, int, int]:
    timings, findings = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        findings = built_site.check_site(site, languages=["de", "en"]) if project == corpus.ROOT else _check_other(site, project)
        timings.append(time.perf_counter() - start)
    pages = sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in (site / "assets").rglob("*.html"))
    return statistics.median(timings), pages, len(findings)


def _check_other(site: Path, project: Path) -> list:
    result = subprocess.run([sys.executable, str(project / "hooks" / "built_site.py"), str(site)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        site_url = "http://127.0.0.1:8000/publication/"
        build(corpus.ROOT, root / "real-site", site_url)
        median, pages, found = time_check(root / "real-site", corpus.ROOT)
        print(f"link check, real site ({pages} pages): median {median:.2f} s of {RUNS} runs, {found} findings")
        project = corpus.generate(root / "corpus", ARTICLES, PARTNERSHIPS)
        seconds = build(project, root / "corpus-site", site_url)
        median, pages, found = time_check(root / "corpus-site", project)
        print(f"link check, generated site ({ARTICLES} article pairs, {PARTNERSHIPS} partnerships, {pages} pages; built in {seconds:.1f} s): median {median:.2f} s of {RUNS} runs, {found} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
