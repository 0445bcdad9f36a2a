"""The assemble phase on a rebuild: the CPU time `start_build` (hooks/microsite/assemble.py) takes when
`mkdocs serve` rebuilds the generated publication in the same process, after a save, and each of its steps.

    PYTHONPATH=hooks:tests:tests/benchmarks .venv/bin/python tests/benchmarks/profile_assembly.py 400
    … profile_assembly.py 1000 --rebuilds 5

A first assembly (as the preview's first build makes it), then `--rebuilds` assemblies each after a save
of one article pair (a line added to both languages' bodies), each with a new config as `mkdocs
serve` loads it. Prints the first assembly's and each rebuild's CPU seconds, their median, and the
median CPU seconds of each step. Not part of make bench.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import corpus

# The steps of the assembly, by the name of the function in assemble.py that makes each.
STEPS = (
    "read_settings",
    "_read_words",
    "_load_data",
    "_read_articles",
    "_check_translations",
    "_publisher",
    "generated_pages",
    "page_map",
    "assemble",
)
STEP_SECONDS: dict[str, list[float]] = {}


def timed_steps(module, names: tuple[str, ...]) -> None:
    """Replace each function `names` of `module` by one that adds its CPU seconds to STEP_SECONDS."""
    for name in names:
        step = getattr(module, name)

        def timed(*arguments, step=step, name=name, **keywords):
            cpu = time.process_time()
            try:
                return step(*arguments, **keywords)
            finally:
                STEP_SECONDS.setdefault(name, []).append(time.process_time() - cpu)

        setattr(module, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="article pairs of the generated publication")
    parser.add_argument("--rebuilds", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = corpus.generate(Path(folder) / "corpus", arguments.size)
        os.environ.update({"NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"})
        os.chdir(project)
        sys.path.insert(0, str(project))
        from microsite import assemble as assemble_module
        from microsite.assemble import start_build
        from mkdocs.config import load_config

        articles = (project / "docs" / "en" / corpus.ARTICLE_FOLDER).glob("*.md")
        article = sorted(path for path in articles if path.name != "index.md")[-1].relative_to(project / "docs" / "en")

        def assembly(save: int | None) -> float:
            if save is not None:
                for language in ("de", "en"):
                    with (project / "docs" / language / article).open("a", encoding="utf-8") as file:
                        file.write(f"\nSave {save}.\n")
            config = load_config(config_file=str(project / "mkdocs.yml"), strict=False)
            cpu = time.process_time()
            start_build(None, config, preview=True)
            return time.process_time() - cpu

        timed_steps(assemble_module, STEPS)
        print(f"N = {arguments.size}: first assembly {assembly(None):.3f} s CPU")
        STEP_SECONDS.clear()
        seconds = [assembly(save) for save in range(arguments.rebuilds)]
    print(f"rebuilds' assemblies, CPU: {', '.join(f'{value:.3f}' for value in seconds)} s")
    print(f"median {statistics.median(seconds):.3f} s; by step, median of the rebuilds (CPU s):")
    for step in STEPS:
        print(f"{statistics.median(STEP_SECONDS[step]):8.3f} s  {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
