"""Where a build's time goes: cProfile of one strict build of the generated publication, project or stock.

    PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/profile_build.py 400
    … profile_build.py 400 --stock          # the same pages, MkDocs + Material + mkdocs-static-i18n alone
    … profile_build.py 400 --top 40 --save /tmp/ours.prof

Prints the functions with the most cumulative time, then the most own time, with the share of the
whole build. Not part of make bench: profiling slows the build down by about a half, unevenly.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

import corpus
from measure import SUB_PATH


def profile(project: Path, site: Path) -> cProfile.Profile:
    """One strict build of `project`, in this process, under the profiler."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}"})
    os.chdir(project)
    sys.path.insert(0, str(project))
    profiler = cProfile.Profile()
    profiler.enable()
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        profiler.disable()
    return profiler


def print_top(profiler: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profiler)
    total = max(stats.total_tt, 1e-9)
    for key, title in (("cumulative", "cumulative"), ("tottime", "own")):
        print(f"\nTop {top} by {title} time (total {total:.1f} s under the profiler):")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][3 if key == "cumulative" else 2], reverse=True)
        for (filename, line, name), (_, calls, own, cumulative, _) in rows[:top]:
            seconds = cumulative if key == "cumulative" else own
            where = "/".join(Path(filename).parts[-3:]) if filename != "~" else "built-in"
            print(f"{seconds:8.2f} s {100 * seconds / total:5.1f} % {calls:>9} calls  {name}  ({where}:{line})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="article pairs")
    parser.add_argument("--stock", action="store_true", help="build the same pages with the tools alone")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--save", type=Path, help="also write the profile here (for pstats or snakeviz)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        project = corpus.generate(workspace / "corpus", arguments.size)
        if arguments.stock:
            project = corpus.stock_project(project, workspace / "stock")
        profiler = profile(project, workspace / "site")
    if arguments.save:
        profiler.dump_stats(arguments.save)
    print_top(profiler, arguments.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
