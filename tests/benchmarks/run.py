"""make bench: what readers and editors pay, how it grows, and what the project's hooks add.

For N = 25, 100, 400 article pairs (and as many partnerships) of a generated publication
(tests/benchmarks/corpus.py), the median of several runs of: `mkdocs build --strict` (wall, CPU,
peak memory); the same pages built by MkDocs + Material + mkdocs-static-i18n alone; the parity
check; the link check. On the real site: the strict build, the time from saving a Markdown or a data
edit to the rebuilt page being served by `mkdocs serve`, and for readers the bytes transferred
(gzip) and Lighthouse's mobile scores. Writes tests/benchmarks/results/latest.json and latest.md
and prints every figure against its target. Nothing here is asserted by the tests.

Each concern has its module: measure (a process's figures, strict builds, medians), corpus_figures,
editor_latency, reader_cost, and report (the tables, the verdicts, the files).

Run as `PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/run.py` (by `make bench`).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

from corpus_figures import corpus_figures
from editor_latency import editor_latency
from measure import ROOT, RUNS, build, median_of
from reader_cost import reader_cost
from report import report, write_results

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "25,100,400").split(",")]


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
    write_results(results, table)
    print()
    print(table)
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
