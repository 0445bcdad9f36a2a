"""Projects as the tests use them: the fixture publication assembled with the generator, to build or to
change; strict builds of them; the command line run in them."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import socket
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

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


@dataclass(frozen=True)
class Run:
    """What a build or a command run in the test process did, read as a finished process is read: the exit
    status the command line would give, and what it would write on stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def build_site(
    destination: Path,
    site_url: str,
    config_file: Path,
    *,
    strict: bool = True,
    environment: dict[str, str] | None = None,
) -> Run:
    """`mkdocs build [--strict] --site-dir destination` of `config_file`'s project, in the test process (as
    mkdocs-static-i18n's own tests build): what MkDocs, its plugins and the hooks log is what the command
    line writes on stderr, the strict failure what it writes on stdout, each with the command's exit status.
    `environment`: variables the build sees besides SITE_URL. Nothing of the build outlives it: the
    environment, the working folder and MkDocs' logger are as before."""
    from mkdocs.exceptions import Abort, MkDocsException

    log, stdout = io.StringIO(), io.StringIO()
    returncode = 0
    with (
        mock.patch.dict(os.environ, {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(environment or {})}),
        contextlib.chdir(config_file.parent),
        _mkdocs_log_into(log),
        contextlib.redirect_stdout(stdout),
    ):
        try:
            _build(config_file, destination, strict=strict)
        except Abort as abort:
            stdout.write(f"\n{abort.format_message()}\n")
            returncode = abort.code
        except MkDocsException as error:
            log.write(f"Error: {error.format_message()}\n")
            returncode = error.exit_code
        except Exception:
            # The command line ends with the traceback; a test that no build shows one reads it here.
            log.write(traceback.format_exc())
            returncode = 1
    return Run(returncode, stdout.getvalue(), log.getvalue())


def build_site_in_new_process(destination: Path, site_url: str, config_file: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as its own process: for a test that compares a build with what a process that
    has built nothing before builds (nothing kept in memory from an earlier build, another hash seed)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
    return subprocess.run(
        [*command, "--site-dir", str(destination)],
        cwd=config_file.parent,
        env=mkdocs_env(SITE_URL=site_url),
        capture_output=True,
        text=True,
    )


def _build(config_file: Path, destination: Path, *, strict: bool) -> None:
    """What `mkdocs build` does once it has read its options."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), strict=strict, site_dir=str(destination))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@contextlib.contextmanager
def _mkdocs_log_into(text: io.StringIO) -> Iterator[None]:
    """MkDocs' logger as its command line sets it up (INFO and above, "WARNING -  message", a message
    repeated by the build logged once), writing into `text`; afterwards as it was."""
    from mkdocs.commands.build import log as build_log
    from mkdocs.utils import DuplicateFilter

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(text)
    # What MkDocs' command line writes into a pipe (mkdocs/__main__.py, color_option).
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    repeated = DuplicateFilter()
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    build_log.addFilter(repeated)
    try:
        yield
    finally:
        build_log.removeFilter(repeated)
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def microsite(*arguments: str, project: Path = ROOT) -> Run:
    """The command line, as the Makefile runs it (`python -m microsite COMMAND …` in the project), in the
    test process: its `main` with the project as its own folder. Without `project`, in this repository:
    only for a command told with `--project` which project to check. (How the command line starts and
    ends as a process is tested where make runs it: tests/build/test_growing_publication.py and others.)"""
    from microsite import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(cli, "PROJECT", project.resolve()),
        contextlib.chdir(project),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            returncode = cli.main(list(arguments))
        except SystemExit as usage:
            # argparse ends a wrong command line (2) or --help (0) so.
            returncode = usage.code
    return Run(returncode, stdout.getvalue(), stderr.getvalue())


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
