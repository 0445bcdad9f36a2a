"""A cold strict build's timeline in both processes: when each process starts and ends which phase, and the
CPU each phase and each process spends.

    PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/timeline_build.py 400
    … timeline_build.py 400 --project /tmp/corpus-400   # an existing corpus (its .cache/ removed first)

The build runs in this process as `mkdocs build --strict` runs it (the further language forked, as
language_processes.py forks it), with the generator's steps wrapped: each wrapped call writes its start and
end (wall seconds since the build began, and its process's CPU seconds) to a file both processes append to.
A phase that runs many times (a page's conversion, say) is one row: its first start, its last end, and the
CPU of every call added up. Without the profiler, so the figures are a build's own (the wrapping costs
microseconds a call). A process's CPU counts from its start, as `mkdocs build`'s does (Python's start and
imports included; without `--project`, the corpus's generation too); a forked process's from the fork.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import corpus
from measure import SUB_PATH, build_in_process

# (module, attribute, label): the steps whose calls the timeline shows, wrapped where the caller looks them up.
STEPS = (
    ("microsite.assemble", "start_build", "assembly (on_config)"),
    ("mkdocs.commands.build", "_populate_page", "populating the pages (Markdown, markers)"),
    ("mkdocs.commands.build", "_build_page", "rendering the pages (templates, policy)"),
    ("microsite.language_processes", "_result", "waiting for the other language"),
    ("microsite.language_processes", "_take_in", "taking the other language in"),
    ("material.plugins.search.plugin", "SearchPlugin.on_post_build", "Material's search index"),
    ("microsite.site_output", "finish_sitemap", "finish_site: sitemap"),
    ("microsite.site_output", "write_language_indexes", "finish_site: search indexes"),
    ("microsite.site_output", "write_feeds", "finish_site: feeds"),
    ("microsite.site_output", "write_redirects", "finish_site: redirects"),
    ("microsite.site_output", "write_citations", "finish_site: citations"),
    ("microsite.site_output", "write_link_previews", "finish_site: link previews"),
    ("microsite.link_check", "warn_in_build", "checks of the built site"),
    ("microsite.link_check", "site_wide_checks", "checks: site-wide"),
    ("microsite.link_check", "page_checks", "checks: page by page"),
    ("microsite.link_check.site", "_content_elements", "checks: parsing the pages' content"),
    ("microsite.link_check", "warn_about_page_links", "links in the Markdown"),
    ("microsite.rendering", "show_problems_in_pages", "problems in pages"),
    ("microsite.language_processes", "scan_pages", "scanning its pages for the checks"),
    ("microsite.language_processes", "_draw_link_previews", "drawing link previews"),
    ("microsite.language_processes", "take_in_scanned_pages", "taking in the other's scans"),
    ("microsite.language_processes", "stop_further_languages", "waiting for the other's drawing"),
)


def wrap_steps(log: int, start: float) -> None:
    """Each step in STEPS logs its calls' times into the file `log` (opened for appending)."""

    def wrapped(function, label):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            wall, cpu = time.perf_counter() - start, time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                now, cpu_now = time.perf_counter() - start, time.process_time()
                os.write(
                    log, f"{os.getpid()}\t{label}\t{wall:.4f}\t{now:.4f}\t{cpu_now - cpu:.4f}\t{cpu_now:.4f}\n".encode()
                )

        return timed

    for module_name, attribute, label in STEPS:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        # A step an older checkout (`--project` with its own hooks/) does not have is left out.
        if hasattr(owner, name):
            setattr(owner, name, wrapped(getattr(owner, name), label))


def build(project: Path, site: Path, log_path: Path) -> None:
    """A cold strict build of `project` into `site` in this process (the further language in a fork)."""
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}"})
    os.environ.pop("BUILD_LANGUAGES_IN_TURN", None)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    os.chdir(project)
    sys.path.insert(0, str(project / "hooks"))
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC)
    start = time.perf_counter()
    wrap_steps(log, start)
    build_in_process(project, site)
    os.write(log, f"{os.getpid()}\tthe whole build\t0\t{time.perf_counter() - start:.4f}\t0\t0\n".encode())
    os.close(log)


def report(log_path: Path, first: int) -> None:
    """The timeline per process: each phase's first start, last end, calls and CPU; each process's CPU."""
    rows: dict[tuple[int, str], list[float]] = {}
    order: dict[int, list[str]] = defaultdict(list)
    last_cpu: dict[int, float] = defaultdict(float)
    for line in log_path.read_text().splitlines():
        pid, label, begin, end, cpu, cpu_now = line.split("\t")
        key = (int(pid), label)
        if key not in rows:
            rows[key] = [float(begin), float(end), 0.0, 0]
            order[int(pid)].append(label)
        row = rows[key]
        row[1] = max(row[1], float(end))
        row[2] += float(cpu)
        row[3] += 1
        last_cpu[int(pid)] = max(last_cpu[int(pid)], float(cpu_now))
    for pid in sorted(order, key=lambda process: process != first):
        role = "first process" if pid == first else "the further language's process"
        print(f"\n{role} ({pid}): CPU {last_cpu[pid]:.2f} s by its last step")
        print(f"{'phase':<45} {'from':>7} {'to':>7} {'CPU':>7} {'calls':>6}")
        for label in sorted(order[pid], key=lambda name: rows[(pid, name)][0]):
            begin, end, cpu, calls = rows[(pid, label)]
            shown_cpu = "" if label == "the whole build" else f"{cpu:7.2f}"
            print(f"{label:<45} {begin:7.2f} {end:7.2f} {shown_cpu:>7} {calls:>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="article pairs")
    parser.add_argument("--project", type=Path, help="an existing corpus to build instead of a new one")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        project = arguments.project or corpus.generate(workspace / "corpus", arguments.size)
        log_path = workspace / "timeline.tsv"
        build(project.resolve(), workspace / "site", log_path)
        print(f"A cold strict build at N = {arguments.size}, seconds of wall time since it began, CPU seconds:")
        report(log_path, os.getpid())
    return 0


if __name__ == "__main__":
    sys.exit(main())
