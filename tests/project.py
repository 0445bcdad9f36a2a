"""Projects as the tests use them: the fixture publication assembled with the generator, to build or to
change; strict builds of them; the command line run in them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The site is built for, and served under, a sub-path, as on a project host such as GitHub Pages.
SUB_PATH = "/publication/urban-diplomacy/"
# What a publication is made of: replacing these makes another publication.
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "hooks", "overrides", "lychee.toml"]
# A complete fictional publication, so that tests do not depend on what docs/ and data/ hold today.
PUBLICATION = ROOT / "tests" / "publication"
# The generator's parts, the same for every publication (with the data schemas, data/*.schema.json).
GENERATOR_PARTS = ["hooks", "overrides", "lychee.toml"]


def copy_parts(destination: Path, parts: list[str], source: Path = ROOT) -> Path:
    """The named files and folders of `source` copied into `destination` (the files with their dates)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, destination / part)
    return destination


def copy_project(destination: Path) -> Path:
    """A copy of this repository's own project, the real publication as it is today. Only for
    tests/benchmarks, which measure the real site, and for the tests that the real publication builds and
    grows (tests/test_real_publication.py, tests/build/test_growing_publication.py); the other tests run on
    assemble_publication's projects."""
    return copy_parts(destination, PROJECT_PARTS)


def as_editors_clone(project: Path) -> Path:
    """The project with what an editor's clone has besides: the Makefile, the lock, and the environment
    (a link to this checkout's, so that make finds it set up and sets up nothing)."""
    # The lock keeps its date: make compares it with the environment's, and would set it up again if newer.
    copy_parts(project, ["Makefile", "requirements.lock"])
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def assemble_publication(destination: Path, publication: Path = PUBLICATION) -> Path:
    """A complete project at `destination`: the generator from this repository (hooks/, overrides/,
    lychee.toml and data/*.schema.json) with the publication's mkdocs.yml, docs/ and data. The schemas
    are the generator's: a schema file in the publication's data/ is left out."""
    copy_parts(destination, GENERATOR_PARTS)
    shutil.copy(publication / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(publication / "docs", destination / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    publication_data_files = shutil.ignore_patterns("__pycache__", "*.schema.json")
    shutil.copytree(publication / "data", destination / "data", ignore=publication_data_files)
    for schema in (ROOT / "data").glob("*.schema.json"):
        shutil.copy(schema, destination / "data" / schema.name)
    return destination


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mkdocs_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build_site(
    destination: Path, site_url: str, config_file: Path, *, strict: bool = True
) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict" if strict else "--no-strict",
        "--config-file",
        str(config_file),
    ]
    return subprocess.run(
        [*command, "--site-dir", str(destination)],
        cwd=config_file.parent,
        env=mkdocs_env(SITE_URL=site_url),
        capture_output=True,
        text=True,
    )


def microsite(*arguments: str, project: Path = ROOT) -> subprocess.CompletedProcess:
    """The command line, as the Makefile runs it: `python -m microsite COMMAND …` in the project. Without
    `project`, in this repository: only for a command told with `--project` which project to check."""
    return subprocess.run(
        [sys.executable, "-m", "microsite", *arguments],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "hooks")},
        capture_output=True,
        text=True,
    )


def publication_data(name: str, project: Path) -> dict:
    """A data file of a publication (the fixture, an assembled project, or a copy a test changed) as plain
    YAML, for tests that must not name its content."""
    import yaml

    return yaml.safe_load((project / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def collection_folder(project: Path) -> str:
    """The article collection's folder below each language folder (data/articles.yml)."""
    return publication_data("articles", project)["page_folder"]


def person_ids(project: Path) -> list[str]:
    return [person["id"] for person in publication_data("people", project)["people"]]
