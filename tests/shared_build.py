"""The fixture publication assembled and built once for every test process of a run: pytest-xdist's workers
share a folder (the parent of each worker's own temporary folder); the first worker to need the build makes it
there under a file lock, the others wait for the lock and then read what it made. Without xdist the one process
makes it in its own temporary folder, as before."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from project import GENERATOR_PARTS, PUBLICATION, ROOT, SUB_PATH, assemble_publication, build_site, free_port
from site_model import BuiltSite

# The record of what was made: for the fixture, the address the site was built for and what the build logged.
RECORD = "build.json"


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every process of this run sees: under xdist, each worker's temporary folder is inside the
    run's (pytest-N/popen-gwK), so the parent is the run's; without xdist, the process's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def sources_key() -> str:
    """A digest of every file the fixture build is made from (the publication, the generator and its
    schemas): a build made from other sources is never taken for this one."""
    digest = hashlib.sha256()
    sources = [PUBLICATION, *(ROOT / part for part in GENERATOR_PARTS), *sorted((ROOT / "data").glob("*.schema.json"))]
    for source in sources:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _locked(lock_file: Path) -> Iterator[None]:
    with lock_file.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def made_once(folder: Path, make: Callable[[Path], dict]) -> dict:
    """What `make(folder)` recorded, made by the first process that asks and read by every other: each waits
    for the folder's lock, and finds the record of the first, or makes it. A `make` that fails records
    nothing, and the next process to ask tries again."""
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / RECORD
    with _locked(folder / "lock"):
        if not record.exists():
            made = make(folder)
            # Written whole, then renamed: a process that finds the record finds everything made.
            record.with_suffix(".part").write_text(json.dumps(made), encoding="utf-8")
            record.with_suffix(".part").replace(record)
    return json.loads(record.read_text(encoding="utf-8"))


def _build_fixture(folder: Path) -> dict:
    project = assemble_publication(folder / "project")
    site_url = f"http://127.0.0.1:{free_port()}{SUB_PATH}"
    result = build_site(folder / "site", site_url, config_file=project / "mkdocs.yml")
    return {"site_url": site_url, "returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture publication's project and its strict build for the sub-path, made by the first process that
    asks and read by every other: to read, serve and copy, never to change (a test that changes the site takes
    `site_copy`; one that changes a project assembles its own). The site is built for a port of its own, which
    no process serves on: each serves it on its own port (`served_site`), and a page that loaded anything from
    the address it was built for would show in the requests to other hosts."""
    folder = shared_folder(tmp_path_factory) / f"fixture-build-{sources_key()}"
    build = made_once(folder, _build_fixture)
    assert build["returncode"] == 0, f"mkdocs build --strict failed:\n{build['stdout']}\n{build['stderr']}"
    return BuiltSite(
        root=folder / "site",
        site_url=build["site_url"],
        log=build["stdout"] + build["stderr"],
        project=folder / "project",
    )
