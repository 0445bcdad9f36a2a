"""`mkdocs build` builds the languages after the first in processes of their own, at the same time as the first
(hooks/microsite/language_processes.py): the same site and the same messages as the languages built one after
the other in one process (BUILD_LANGUAGES_IN_TURN=1); a problem in a further language's pages stops the strict
build with its file and line; a process that dies stops the build with a message, never a hang."""

from __future__ import annotations

import contextlib
import filecmp
import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from unittest import mock

import pytest
from microsite import language_processes, upstream
from project import Run, assemble_publication, build_site
from site_model import configured_languages

IN_TURN = {"BUILD_LANGUAGES_IN_TURN": "1"}
SITE_URL = "https://example.org/publication/"


def differing(one: Path, other: Path) -> list[str]:
    """The files that are not the same in both sites, or in one only."""
    ours, theirs = (
        {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()} for site in (one, other)
    )
    _, mismatch, errors = filecmp.cmpfiles(one, other, sorted(ours & theirs), shallow=False)
    return sorted(set(mismatch + errors) | (ours ^ theirs))


@pytest.fixture(scope="module")
def builder() -> Iterator[ProcessPoolExecutor]:
    """A process started anew (spawned), as `mkdocs build` is, that makes this module's builds one after the
    other: a test worker may be running other tests' server threads, and a build forks only where no other
    thread runs. One for the module, so that MkDocs, the theme and the hooks are imported and the templates
    compiled once, not once a build (tests/build/test_builds_in_process.py holds that no build leaks into the
    next)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as process:
        yield process


def built(
    builder: ProcessPoolExecutor,
    project: Path,
    destination: Path,
    environment: dict[str, str] | None = None,
    *,
    kill_further_languages: bool = False,
    fail_scans: bool = False,
) -> tuple[Run, int]:
    """A strict build of the project in the `builder`'s process, and how many processes it started.
    `kill_further_languages`: each further language's process is killed as it starts its build; `fail_scans`:
    each fails to scan its pages for the first process's checks."""
    arguments = (project, destination, environment, kill_further_languages, fail_scans)
    return builder.submit(_built_here, *arguments).result()


def _built_here(
    project: Path,
    destination: Path,
    environment: dict[str, str] | None,
    kill_further_languages: bool,
    fail_scans: bool = False,
) -> tuple[Run, int]:
    with contextlib.ExitStack() as patches:
        fork = patches.enter_context(mock.patch.object(os, "fork", wraps=os.fork))
        if kill_further_languages:
            killed = lambda config, language: os.kill(os.getpid(), signal.SIGKILL)  # noqa: E731
            patches.enter_context(mock.patch.object(upstream, "build_further_language", killed))
        if fail_scans:
            unreadable = mock.Mock(side_effect=OSError("the disk is full"))
            patches.enter_context(mock.patch.object(language_processes, "scan_pages", unreadable))
        run = build_site(destination, SITE_URL, project / "mkdocs.yml", environment=environment)
    return run, fork.call_count


# What MkDocs says of each build: the time it took, and the site folder, which mkdocs-static-i18n's filter of
# further languages' messages keeps out of every later build in the process once one has failed.
EACH_BUILD = ("Documentation built in", "Building documentation to directory")


def messages(run: Run) -> tuple[int, str, str]:
    """What the build said, but for what MkDocs says of each build."""
    log = "\n".join(line for line in run.stderr.splitlines() if not line.split("-  ", 1)[-1].startswith(EACH_BUILD))
    return run.returncode, run.stdout, log


def test_languages_built_at_once_give_the_same_site_and_messages_as_one_after_the_other(
    builder: ProcessPoolExecutor, tmp_path: Path
) -> None:
    project = assemble_publication(tmp_path / "project")
    at_once, started = built(builder, project, tmp_path / "at-once")
    in_turn, started_in_turn = built(builder, project, tmp_path / "in-turn", IN_TURN)
    assert (started, started_in_turn) == (len(configured_languages()) - 1, 0)
    assert at_once.returncode == 0, at_once.stdout + at_once.stderr
    assert differing(tmp_path / "at-once", tmp_path / "in-turn") == []
    assert messages(at_once) == messages(in_turn)


def test_a_problem_only_in_a_further_language_fails_the_strict_build_with_its_file_and_line(
    builder: ProcessPoolExecutor, tmp_path: Path
) -> None:
    project = assemble_publication(tmp_path / "project")
    further = configured_languages()[1]
    page = sorted((project / "docs" / further).glob("*.md"))[0]
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nSee [the missing page](nowhere.md).\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")

    at_once, started = built(builder, project, tmp_path / "at-once")
    in_turn, _ = built(builder, project, tmp_path / "in-turn", IN_TURN)
    assert started == len(configured_languages()) - 1
    assert at_once.returncode == 1
    assert f"docs/{further}/{page.name}:{line}: [broken-link]" in at_once.stderr
    assert "Aborted with 1 warnings in strict mode!" in at_once.stdout
    assert messages(at_once) == messages(in_turn)


def test_pages_that_the_checks_of_the_built_site_find_fault_with_give_the_same_messages(
    builder: ProcessPoolExecutor, tmp_path: Path
) -> None:
    """The further language's process scans every page for the first process's checks, or, where it cannot,
    the first scans them itself: either way the messages are those of the languages built one after the other."""
    project = assemble_publication(tmp_path / "project")
    first, further = configured_languages()[:2]
    for language, image in ((first, "assets/images/favicon.png"), (further, "../assets/images/favicon.png")):
        page = project / "docs" / language / "chronik.md"
        page.write_text(page.read_text(encoding="utf-8") + f'\n<img src="{image}">\n', encoding="utf-8")

    at_once, started = built(builder, project, tmp_path / "at-once")
    unscanned, _ = built(builder, project, tmp_path / "unscanned", fail_scans=True)
    in_turn, _ = built(builder, project, tmp_path / "in-turn", IN_TURN)
    assert started == len(configured_languages()) - 1
    assert at_once.returncode == 1
    for page, image in (("chronik.html", "assets"), (f"{further}/chronik.html", "../assets")):
        assert f"-  {page}:" in at_once.stderr
        assert f"[missing-alt] image {image}/images/favicon.png has no alt text" in at_once.stderr
    assert messages(at_once) == messages(unscanned) == messages(in_turn)
    # Nothing but the site: the file of the scans is removed.
    assert not list((tmp_path / "at-once").glob(f"scanned-{further}-*"))


def test_a_further_language_whose_process_is_killed_fails_the_build_with_a_message(
    builder: ProcessPoolExecutor, tmp_path: Path
) -> None:
    project = assemble_publication(tmp_path / "project")
    run, started = built(builder, project, tmp_path / "site", kill_further_languages=True)
    assert started == len(configured_languages()) - 1
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    further = configured_languages()[1]
    assert (
        f"The build of the '{further}' pages, in a process of its own, was ended by signal {signal.SIGKILL} before "
        "it was done" in run.stderr
    )
    # Nothing but the site: the process's own folder and the file of its scans are removed.
    assert not list((tmp_path / "site").glob(f"building-{further}-*"))
    assert not list((tmp_path / "site").glob(f"scanned-{further}-*"))
