"""The editor's wait: seconds from saving an edit to `mkdocs serve` (as make serve runs it) serving the rebuilt page.

On the real site, an edit of a page and of a data file; on a generated publication, an edit of one article.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from measure import ENV, RUNS
from project import copy_project, free_port


def wait_for(url: str, predicate: Callable[[str], bool], seconds: float = 60) -> float:
    """The moment (perf_counter) `url` first serves a page that satisfies `predicate`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if predicate(response.read().decode("utf-8")):
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not update within {seconds:.0f} s")


@contextmanager
def mkdocs_serve(project: Path, port: int, log: Path | None = None) -> Iterator[None]:
    """`mkdocs serve` of `project` (as make serve runs it) on `port`, its output in `log`; stopped on leaving."""
    with open(log or os.devnull, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield
        finally:
            server.terminate()
            server.wait(timeout=20)


def served_after(edit: Callable[[], object], url: str, token: str, seconds: float = 60) -> float:
    """Seconds from making `edit` to `url` serving a page with `token` in it."""
    start = time.perf_counter()
    edit()
    return wait_for(url, lambda page: token in page, seconds) - start


def markdown_edit(markdown: Path, token: str) -> Callable[[], object]:
    """Saving `markdown` with `token` as a new last paragraph."""
    return lambda: markdown.write_text(markdown.read_text(encoding="utf-8") + f"\n{token}\n", encoding="utf-8")


def data_edit(figures: Path, token: str) -> Callable[[], object]:
    """Saving `figures` with `token` added to its first German label (read before the clock starts)."""
    text = figures.read_text(encoding="utf-8")
    label = re.search(r"^(\s+de: )(.+)$", text, flags=re.MULTILINE)
    edited = text[: label.end()] + f" {token}" + text[label.end() :]
    return lambda: figures.write_text(edited, encoding="utf-8")


def editor_latency(workspace: Path) -> dict:
    """On the real site: seconds from saving a page's or a data file's edit to the rebuilt page being served."""
    project = copy_project(workspace / "editor")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    markdown, figures = project / "docs" / "de" / "impressum.md", project / "data" / "figures.yml"
    markdown_samples, data_samples = [], []
    log = workspace / "editor-serve.log"
    with mkdocs_serve(project, port, log=log):
        wait_for(base + "impressum.html", lambda page: "<html" in page)
        for run in range(RUNS):
            token = f"Bearbeitung{run}x{time.monotonic_ns()}"
            wait_quiet(log)
            markdown_samples.append(served_after(markdown_edit(markdown, token), base + "impressum.html", token))
            wait_quiet(log)
            data_samples.append(served_after(data_edit(figures, token), base + "index.html", token))
    return {"markdown_edit_s": statistics.median(markdown_samples), "data_edit_s": statistics.median(data_samples)}


def wait_quiet(log: Path, seconds: float = 900) -> None:
    """Until `mkdocs serve` has finished every build it started and printed nothing for two seconds."""
    deadline, last, quiet_since = time.monotonic() + seconds, "", time.monotonic()
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if text != last:
            last, quiet_since = text, time.monotonic()
        started = text.count("Building documentation...")
        finished = text.count("Documentation built in") + text.count("An error happened during the rebuild")
        if started == finished and time.monotonic() - quiet_since >= 2:
            return
        time.sleep(0.1)
    raise TimeoutError(f"mkdocs serve did not settle within {seconds:.0f} s (see {log})")


def article_edit_latency(project: Path, article: str, page: str, runs: int = RUNS) -> dict:
    """Seconds from saving an edit of `article` (its path below docs/) to its rebuilt `page` being served.

    `mkdocs serve` answers no request while it rebuilds, so the page is served once the whole site is
    rebuilt. Each edit is saved once the server is idle; its figures say how many builds it started.
    Also the seconds `mkdocs serve` took to serve the page first (its first full build).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    markdown = project / "docs" / article
    log = project.parent / f"{project.name}-serve.log"
    original = markdown.read_text(encoding="utf-8")
    samples, rebuilds = [], []
    start = time.perf_counter()
    try:
        with mkdocs_serve(project, port, log=log):
            first = wait_for(url, lambda text: "<html" in text, seconds=900) - start
            for run in range(runs):
                wait_quiet(log)
                builds = log.read_text(encoding="utf-8", errors="replace").count("Building documentation...")
                token = f"Bearbeitung{run}x{time.monotonic_ns()}"
                samples.append(served_after(markdown_edit(markdown, token), url, token, seconds=900))
                wait_quiet(log)
                rebuilds.append(
                    log.read_text(encoding="utf-8", errors="replace").count("Building documentation...") - builds
                )
    finally:
        markdown.write_text(original, encoding="utf-8")
    return {
        "edit_s": statistics.median(samples),
        "edit_samples_s": samples,
        "rebuilds": rebuilds,
        "first_build_s": first,
    }
