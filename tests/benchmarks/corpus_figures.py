"""The generated publication's figures: builds with and without the hooks, the parity check, the link check."""

from __future__ import annotations

import re
import shutil
import statistics
import sys
from pathlib import Path

import corpus
from measure import ENV, RUNS, SUB_PATH, build, median_of, run_measured, time_call
from microsite.languages import Languages
from microsite.link_check import check_site
from microsite.parity import check_project

DUMP_HOOK = Path(__file__).resolve().parent / "dump_markdown.py"


def without_hooks(project: Path, destination: Path) -> Path:
    """The same pages (written and generated, data already rendered), for MkDocs, Material and i18n alone.

    A build with the benchmark's dump hook added writes every page's final Markdown; those become the
    pages of a project whose configuration has no hooks.
    """
    dump = destination.parent / f"{destination.name}-dump"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    dumping = project / "mkdocs.dump.yml"
    dumping.write_text(config.replace("hooks:\n", f"hooks:\n  - {DUMP_HOOK}\n", 1), encoding="utf-8")
    env = {**ENV, "SITE_URL": f"http://127.0.0.1:8000{SUB_PATH}", "DUMP_MARKDOWN_TO": str(dump)}
    run_measured(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(dumping),
            "--site-dir",
            str(destination.parent / "dump-site"),
        ],
        cwd=project,
        env=env,
    )
    destination.mkdir()
    shutil.copytree(dump, destination / "docs")
    shutil.copytree(project / "overrides", destination / "overrides")
    # Each section's entries, and the comments among them (mkdocs.yml explains its one hook).
    plain = re.sub(r"^hooks:\n(?:  [-#].*\n)+", "", config, flags=re.MULTILINE)
    plain = re.sub(r"^watch:\n(?:  [-#].*\n)+", "", plain, flags=re.MULTILINE)
    (destination / "mkdocs.yml").write_text(plain, encoding="utf-8")
    return destination


def corpus_figures(size: int, workspace: Path) -> dict:
    """Builds, parity and link check of a generated publication of `size` article pairs and partnerships."""
    project = corpus.generate(workspace / f"corpus-{size}", size, size)
    baseline_project = without_hooks(project, workspace / f"plain-{size}")
    # In turn, with and without the hooks: a shared machine's speed drifts, and each pair's ratio sees
    # the same drift on both sides.
    pairs = [
        (
            build(project, workspace / f"site-{size}-{run}"),
            build(baseline_project, workspace / f"plain-site-{size}-{run}"),
        )
        for run in range(RUNS)
    ]
    with_hooks, baseline = median_of([pair[0] for pair in pairs]), median_of([pair[1] for pair in pairs])
    site = workspace / f"site-{size}-0"
    pages = sum(1 for path in site.rglob("*.html") if "assets" not in path.parts)
    return {
        "articles": size,
        "partnerships": size,
        "pages": pages,
        "build": with_hooks,
        "baseline": baseline,
        "cpu_ratio": statistics.median(hooks["cpu_s"] / plain["cpu_s"] for hooks, plain in pairs),
        "parity_s": time_call(lambda: check_project(project, Languages.of_project(project))),
        "links_s": time_call(lambda: check_site(site, site_url=f"http://127.0.0.1:8000{SUB_PATH}", project=project)),
    }
