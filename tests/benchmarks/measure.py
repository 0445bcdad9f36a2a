"""Measuring a child process (wall and CPU seconds, peak memory), strict builds, and medians of runs."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SUB_PATH = "/publication/"
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
    """The figures of `mkdocs build --strict` of `project` into `site`, published under SUB_PATH."""
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
    """Each figure's median over the runs' samples."""
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def time_call(function: Callable[[], object], runs: int = RUNS) -> float:
    """The median wall seconds of calling `function`."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)
