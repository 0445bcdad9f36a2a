"""make bench: how the build grows with the publication, and what editors and readers wait for and pay.

The parts, each printed against its targets as it finishes (BENCH_PARTS chooses; all by default):

- scale: a generated publication of N article pairs (BENCH_SIZES, default 100,400,1000), built
  strictly by the project and, in turn, by MkDocs + Material + mkdocs-static-i18n alone (scale.py);
  its parity and link checks; at N = 400 and 1,000 the wait in `mkdocs serve` after saving an article.
  Every build of the project is cold (its caches removed before it).
- real: the real site's strict build, and the time from a save to `mkdocs serve` serving the rebuilt
  page, in every state an editor meets: a page, a data file, an article, and a draft made with the
  scaffold whose translation is not recorded yet (editor_latency.py); target: 1 s (issue 19).
- parity: the parity check on 1,000 generated page pairs (parity.py).
- readers: for readers, the bytes transferred (gzip) and Lighthouse's mobile scores; the size of the
  partnership map's SVG.

The targets (issue 23's, and issue 12's build target) come first in the report, each as "target …,
measured …: met / NOT MET", or "not measured" where this run's parts and sizes leave a figure out.

Writes tests/benchmarks/results/latest.json and latest.md after each part. Medians of BENCH_RUNS
(3) runs; above N = 400, of BENCH_RUNS_LARGE (3). BENCH_SOURCE=/path/to/checkout takes the
generated publication's configuration, hooks, theme and schemas from another checkout. Nothing here
is asserted by the tests.

Each concern has its module: measure (a process's figures, strict builds, medians), corpus (the
generated publication, and its stock twin), scale, editor_latency, parity, reader_cost, and report
(the tables, the verdicts, the files). profile_build.py profiles one build of each (not part of make
bench).

Run as `PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/run.py` (by `make bench`).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus
from editor_latency import editor_latency
from measure import ROOT, RUNS, build, median_of
from parity import summary as parity_summary
from reader_cost import reader_cost
from report import report, write_results
from scale import scale_figures

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "100,400,1000").split(",") if size.strip()]
PARTS = [part.strip() for part in os.environ.get("BENCH_PARTS", "scale,real,parity,readers").split(",")]
KNOWN_PARTS = ("scale", "real", "parity", "readers")


def checkout() -> str:
    """The commit measured, and whether the site's files differed from it."""
    git = ["git", "-C", str(ROOT)]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        changed = subprocess.run(
            [*git, "status", "--porcelain", "--", "hooks", "overrides", "data", "docs", "mkdocs.yml"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return commit.stdout.strip() + (" with uncommitted changes to the site's files" if changed.stdout.strip() else "")


def parity_figures() -> dict:
    """parity.py's figures, from a process of its own: the model's loading time is a new process's."""
    script = Path(__file__).resolve().parent / "parity.py"
    output = subprocess.run([sys.executable, str(script), "--json"], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def finish_part(results: dict, name: str, started: float) -> None:
    """Writes what is measured so far (a part may be finished more than once: scale, after each size)."""
    results["seconds"][name] = time.perf_counter() - started
    table, _ = report(results)
    write_results(results, table)
    print(f"{name}: done in {results['seconds'][name]:.0f} s", flush=True)


def main() -> int:
    unknown = [part for part in PARTS if part not in KNOWN_PARTS]
    if unknown:
        print(f"BENCH_PARTS: unknown part(s) {', '.join(unknown)}; choose from {', '.join(KNOWN_PARTS)}")
        return 2
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}",
        "checkout": checkout(),
        "source": str(corpus.SOURCE),
        "runs": RUNS,
        "sizes": [],
        "seconds": {},
        # Another job on this shared machine shows as wall time above CPU time, and here.
        "load_at_start": {},
    }
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        if "scale" in PARTS:
            started = time.perf_counter()
            results["load_at_start"]["scale"] = os.getloadavg()[0]
            for size in SIZES:
                print(f"N = {size:,} article pairs", flush=True)
                results["sizes"].append(scale_figures(size, workspace))
                finish_part(results, "scale", started)
        if "real" in PARTS:
            started = time.perf_counter()
            results["load_at_start"]["real"] = os.getloadavg()[0]
            real = median_of([build(ROOT, workspace / f"real-{run}") for run in range(RUNS)])
            results["real_site"] = {"build": real}
            results["editor"] = editor_latency(workspace)
            finish_part(results, "real", started)
        if "parity" in PARTS:
            started = time.perf_counter()
            results["load_at_start"]["parity"] = os.getloadavg()[0]
            results["parity"] = parity_figures()
            print("\n".join(parity_summary(results["parity"])), flush=True)
            finish_part(results, "parity", started)
        if "readers" in PARTS:
            started = time.perf_counter()
            results["load_at_start"]["readers"] = os.getloadavg()[0]
            results["reader"] = reader_cost(workspace)
            finish_part(results, "readers", started)
    table, verdicts = report(results)
    write_results(results, table)
    print()
    print(table)
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
