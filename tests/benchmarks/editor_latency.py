"""The editor's wait: seconds from saving an edit to `mkdocs serve` serving the rebuilt page."""

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
from project import copy_project


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
    raise SystemExit(f"{url} did not update within {seconds} s")


@contextmanager
def mkdocs_serve(project: Path, port: int) -> Iterator[None]:
    """`mkdocs serve` of `project` (as make serve runs it) on `port`, stopped on leaving."""
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        server.terminate()
        server.wait(timeout=20)


def served_after(edit: Callable[[], object], url: str, token: str) -> float:
    """Seconds from making `edit` to `url` serving a page with `token` in it."""
    start = time.perf_counter()
    edit()
    return wait_for(url, lambda page: token in page) - start


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
    """Seconds from saving an edit to `mkdocs serve` (as make serve runs it) serving the rebuilt page."""
    project = copy_project(workspace / "editor")
    port = 8000 + os.getpid() % 1000
    base = f"http://127.0.0.1:{port}/"
    markdown, figures = project / "docs" / "de" / "impressum.md", project / "data" / "figures.yml"
    markdown_samples, data_samples = [], []
    with mkdocs_serve(project, port):
        wait_for(base + "impressum.html", lambda page: "<html" in page)
        time.sleep(1)
        for run in range(RUNS):
            token = f"Bearbeitung{run}x{time.monotonic_ns()}"
            markdown_samples.append(served_after(markdown_edit(markdown, token), base + "impressum.html", token))
            time.sleep(1)
            data_samples.append(served_after(data_edit(figures, token), base + "index.html", token))
            time.sleep(1)
    return {"markdown_edit_s": statistics.median(markdown_samples), "data_edit_s": statistics.median(data_samples)}
