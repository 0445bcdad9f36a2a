"""Where a build's time goes: cProfile of one strict build of the generated publication, project or stock;
or of the rebuilds `mkdocs serve` makes of the real site.

    PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/profile_build.py 400
    … profile_build.py 400 --stock          # the same pages, MkDocs + Material + mkdocs-static-i18n alone
    … profile_build.py 400 --top 40 --save /tmp/ours.prof
    … profile_build.py real --rebuilds 5    # a copy of the real site: one build, then 5 rebuilds profiled
    … profile_build.py 400 --rebuilds 3 --edit   # each rebuild after a save of an article's body text

With --rebuilds, the builds are made as `mkdocs serve` makes them, in one process and in the preview's
mode, and only the rebuilds after the first build are profiled: what a save costs once the server runs
(a new config each time, the hooks and whatever the process keeps loaded). Each rebuild's wall and CPU
seconds without the profiler are printed first, and the process's peak memory after the first build and
after those rebuilds. With --edit, each rebuild follows a save of the bench's
edited article (`scale.edited_article`: a new last paragraph), as `article_edit_latency` saves it; without
it, no file changed and the preview keeps every page.

Prints the functions with the most cumulative time, then the most own time, with the share of the
whole build (of one rebuild, averaged, with --rebuilds). Not part of make bench: profiling slows the
build down by about a half, unevenly.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import corpus
import scale
from measure import SUB_PATH, build_in_process
from project import copy_project


def profile(project: Path, site: Path) -> cProfile.Profile:
    """One strict build of `project`, in this process, under the profiler."""
    # The languages one after the other in this process: the profiler sees no process it did not start.
    settings = {
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}",
        "BUILD_LANGUAGES_IN_TURN": "1",
    }
    os.environ.update(settings)
    os.chdir(project)
    sys.path.insert(0, str(project))
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        build_in_process(project, site)
    finally:
        profiler.disable()
    return profiler


def profile_rebuilds(project: Path, site: Path, rebuilds: int, edited: Path | None = None) -> cProfile.Profile:
    """A first build of `project` as `mkdocs serve` makes it, then `rebuilds` rebuilds in the same process:
    each timed without the profiler, then again under it; each after a save of `edited` (a Markdown file)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    serve_url = "http://127.0.0.1:8000/"
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "SITE_URL": serve_url})
    os.chdir(project)
    sys.path.insert(0, str(project))

    saves = iter(range(2 * rebuilds))

    def rebuild() -> None:
        if edited is not None:
            edited.write_text(edited.read_text(encoding="utf-8") + f"\nBearbeitung{next(saves)}\n", encoding="utf-8")
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
        build(config, serve_url=serve_url)

    first = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    first.plugins.on_startup(command="serve", dirty=False)
    build(first, serve_url=serve_url)
    first_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    walls, cpus = [], []
    for _ in range(rebuilds):
        wall, cpu = time.perf_counter(), time.process_time()
        rebuild()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(f"{rebuilds} rebuilds without the profiler, wall: {', '.join(f'{value:.3f}' for value in walls)} s")
    print(f"{rebuilds} rebuilds without the profiler, CPU:  {', '.join(f'{value:.3f}' for value in cpus)} s")
    print(f"medians: wall {statistics.median(walls):.3f} s, CPU {statistics.median(cpus):.3f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {first_peak:.0f} MiB after the first build, {peak:.0f} MiB after the rebuilds")
    profiler = cProfile.Profile()
    for _ in range(rebuilds):
        profiler.enable()
        rebuild()
        profiler.disable()
    return profiler


def print_top(profiler: cProfile.Profile, top: int, builds: int = 1) -> None:
    """The top functions, in seconds per build (averaged over `builds` profiled builds)."""
    stats = pstats.Stats(profiler)
    total = max(stats.total_tt / builds, 1e-9)
    for key, title in (("cumulative", "cumulative"), ("tottime", "own")):
        per = " a rebuild" if builds > 1 else ""
        print(f"\nTop {top} by {title} time (total {total:.2f} s{per} under the profiler):")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][3 if key == "cumulative" else 2], reverse=True)
        for (filename, line, name), (_, calls, own, cumulative, _) in rows[:top]:
            seconds = (cumulative if key == "cumulative" else own) / builds
            calls = round(calls / builds)
            where = "/".join(Path(filename).parts[-3:]) if filename != "~" else "built-in"
            print(f"{seconds:8.2f} s {100 * seconds / total:5.1f} % {calls:>9} calls  {name}  ({where}:{line})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", help="article pairs, or 'real' for a copy of the real site")
    parser.add_argument("--stock", action="store_true", help="build the same pages with the tools alone")
    parser.add_argument("--rebuilds", type=int, help="profile this many rebuilds as mkdocs serve makes them")
    parser.add_argument("--edit", action="store_true", help="save an article's body text before each rebuild")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", type=Path, help="also write the profile here (for pstats or snakeviz)")
    arguments = parser.parse_args()
    if arguments.size != "real" and not arguments.size.isdigit():
        parser.error(f"size: a number of article pairs, or 'real' (not {arguments.size!r})")
    if arguments.edit and not (arguments.rebuilds and arguments.size.isdigit()):
        parser.error("--edit: with --rebuilds, at a number of article pairs")
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        if arguments.size == "real":
            project = copy_project(workspace / "real")
        else:
            project = corpus.generate(workspace / "corpus", int(arguments.size))
        if arguments.stock:
            project = corpus.stock_project(project, workspace / "stock")
        if arguments.rebuilds:
            edited = project / "docs" / scale.edited_article(int(arguments.size))[0] if arguments.edit else None
            profiler = profile_rebuilds(project, workspace / "site", arguments.rebuilds, edited)
        else:
            profiler = profile(project, workspace / "site")
    if arguments.save:
        profiler.dump_stats(arguments.save)
    print_top(profiler, arguments.top, arguments.rebuilds or 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
