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
# launcher forks the build instead and reports the build's own figures: CPU and the largest single
# process's peak from wait4 (both include every process the build started and waited for), and the
# peak of the whole process tree's memory at once, the sum of its processes' proportional set sizes
# (shared pages divided among the processes sharing them) sampled every 0.1 s.
LAUNCHER = """
import json, os, sys, time
report, command = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execvp(command[0], command)

def tree(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(name)
    found, todo = [], [str(root)]
    while todo:
        found.append(todo.pop())
        todo += children.get(int(found[-1]), [])
    return found

def pss_kib(process):
    try:
        with open(f"/proc/{process}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

tree_peak = 0
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    tree_peak = max(tree_peak, sum(pss_kib(process) for process in tree(pid)))
    time.sleep(0.1)
with open(report, "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss, tree_peak], out)
"""


def run_measured(command: list[str], *, cwd: Path, env: dict) -> dict:
    """Wall and CPU seconds and peak memory (MiB) of one child process and the processes it starts.

    `peak_mib` is the larger of the largest single process's peak resident size and the sampled peak
    of the whole tree's memory at once.
    """
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, report.name, *command], cwd=cwd, env=env, capture_output=True
        )
        wall = time.perf_counter() - start
        status, cpu, peak_kib, tree_kib = json.loads(Path(report.name).read_text(encoding="utf-8"))
    if status != 0 or result.returncode != 0:
        raise BuildFailed(
            f"{' '.join(command)} failed in {cwd}:\n{(result.stdout + result.stderr).decode(errors='replace')[-3000:]}"
        )
    return {"wall_s": wall, "cpu_s": cpu, "peak_mib": max(peak_kib, tree_kib) / 1024}


class BuildFailed(Exception):
    """A measured command ended with an error; the message ends with its last output."""


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


def build_in_process(project: Path, site: Path) -> None:
    """One strict build of `project` into `site` in this process, as `mkdocs build --strict` makes it (for the
    scripts that watch a build from inside: profile_build.py, timeline_build.py)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


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
