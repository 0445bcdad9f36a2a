"""`mkdocs build` builds the languages after the first in processes of their own, at the same time as the
first: the two cores each build a language.

mkdocs-static-i18n builds the source language, then each further language from inside its own
`on_post_build`, one after the other. Here, once the first language build has cleaned the site folder and
made its files (`on_files`), the build forks a process per further language: it inherits the assembled
publication, builds its language as the plugin would (into a folder of its own inside the site folder) and
hands back, through a pipe, what it logged (findings as findings), its search entries and whether it
stopped. Where the plugin then builds that language, the first process takes it in instead: the files moved
into the site folder (the later language's overwrite the first's, as in one process), the messages logged
in the order they were, each finding reported once, and a strict build stopped as that language's build
would stop it. Everything after that (the search index, `finish_site`, the checks) runs as before, while
the other process scans the built pages for the checks and draws link previews from the other end.

The languages are built one after the other, in one process, under `mkdocs serve` (whose server has
threads), where a fork is not possible or not safe (not Linux or macOS, a second thread running), with one
language (`BUILD_ONLY_LOCALE`), with ProperDocs, with `--dirty`, and when `BUILD_LANGUAGES_IN_TURN=1` asks
for it. A test's build in its own process (tests/project.py `build_site`, in a pytest-xdist worker, which
runs one thread) forks too: the forked process only builds, logs into a list and ends with `os._exit`, so
nothing of the test process (its output, its clean-up at exit) runs twice.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import upstream
from .language_process import LanguageProcess, LanguageProcesses
from .link_check import warn_about_page_links
from .link_check.site import html_pages, scan_pages, take_in_scanned_contents
from .site_output.link_previews import draw_previews_from_the_end

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from .state import BuildState

# The environment variable that has the languages built one after the other in one process ('1').
IN_TURN = "BUILD_LANGUAGES_IN_TURN"
# prctl(2): the signal a process gets when the one that started it ends.
PR_SET_PDEATHSIG = 1


def start_further_languages(state: BuildState, files: Files) -> None:
    """In the first language build, once the site folder is cleaned and its pages are made: a process for each
    further language."""
    if not _can_fork(state):
        return
    upstream.make_pages_outside_navigation(files, state.config)
    site_dir = state.site_dir
    site_dir.mkdir(parents=True, exist_ok=True)
    processes = state.language_processes = LanguageProcesses()
    before = len(upstream.gathered_search_entries(state.config))
    first_process = os.getpid()
    for language in upstream.built_languages(state.config).codes[1:]:
        # Not hidden: MkDocs' cleaning of the site folder keeps hidden files, and the next build removes what a
        # build that was killed leaves.
        folder = Path(tempfile.mkdtemp(prefix=f"building-{language}-", dir=site_dir))
        handle, scanned = tempfile.mkstemp(prefix=f"scanned-{language}-", dir=site_dir)
        os.close(handle)
        reading, writing = os.pipe()
        process_id = os.fork()
        if process_id == 0:
            os.close(reading)
            _build_and_exit(state, language, (folder, site_dir, Path(scanned)), writing, before, first_process)
        os.close(writing)
        processes.running[language] = LanguageProcess(language, process_id, reading, folder, Path(scanned))
    processes.replaced.enter_context(
        upstream.languages_built_elsewhere(state.config, lambda language: _take_in(state, language))
    )


def build_into_own_folder(state: BuildState) -> None:
    """In a further language's process, after the plugin's `on_config` has named the site folder: the files go
    into the process's own folder, which the first process moves into the site folder."""
    if state.output_folder is not None:
        state.config.site_dir = str(state.output_folder)


def take_in_scanned_pages(state: BuildState) -> None:
    """Before the checks of the built site: the contents of its pages each further language's process scanned
    while this one finished the site, once its pipe says they are written; nothing where it ended without (the
    checks scan those pages here, as they scan a page whose text is not the one scanned)."""
    processes = state.language_processes
    if processes is None:
        return
    for process in processes.drawing:
        if process.pipe is None:
            continue
        with process.pipe:
            written = process.pipe.read(1)
        process.pipe = None
        if written:
            with contextlib.suppress(OSError, pickle.UnpicklingError):
                take_in_scanned_contents(process.scanned)
        process.scanned.unlink(missing_ok=True)


def stop_further_languages(state: BuildState, *, failed: bool = False) -> None:
    """Once the build is done or has failed: every process not taken in is ended, its folder removed, and the
    plugin builds further languages itself again. A process taken in, which may still draw link previews
    into the cache, is waited for; after a failure, ended."""
    processes = state.language_processes
    if processes is None:
        return
    for process in processes.drawing:
        if failed:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.process_id, signal.SIGKILL)
        os.waitpid(process.process_id, 0)
        if process.pipe is not None:
            process.pipe.close()
        process.scanned.unlink(missing_ok=True)
    processes.drawing.clear()
    for process in processes.running.values():
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.process_id, signal.SIGKILL)
        os.waitpid(process.process_id, 0)
        os.close(process.result)
        shutil.rmtree(process.folder, ignore_errors=True)
        process.scanned.unlink(missing_ok=True)
    processes.running.clear()
    processes.replaced.close()
    state.language_processes = None


def _can_fork(state: BuildState) -> bool:
    return (
        not state.preview
        and state.output_folder is None
        and state.is_first_language_build()
        and len(upstream.built_languages(state.config).codes) > 1
        and sys.platform in ("linux", "darwin")
        and threading.active_count() == 1
        and os.environ.get(IN_TURN) != "1"
        and upstream.is_mkdocs(state.config)
        and not upstream.builds_dirty()
    )


def _build_and_exit(
    state: BuildState,
    language: str,
    folders: tuple[Path, Path, Path],
    writing: int,
    search_entries_before: int,
    first_process: int,
) -> None:
    """The further language's process: builds it into its own folder, writes the result into the pipe, then
    scans its pages' contents for the checks and draws link previews while the first process finishes the site,
    and ends, whatever happens. `folders`: its own folder, the site folder, and the file for its scans."""
    folder, site_dir, scanned = folders
    status = 1
    try:
        _end_with_first_process(first_process)
        state.language_processes = None
        state.output_folder = folder
        events: list[tuple[str, Any]] = []
        logger = logging.getLogger(upstream.LOG)
        logger.handlers = [_Collector(events)]
        logger.propagate = False
        # The warnings are counted where they are logged again, with the first language's link check's.
        state.config.strict = False
        stopped = None
        try:
            upstream.build_further_language(state.config, language)
        except Exception as error:
            stopped = getattr(error, "message", None) or "".join(traceback.format_exception_only(error)).strip()
        entries = upstream.gathered_search_entries(state.config)[search_entries_before:]
        # Listed before the first process, once it has the result, moves them into the site folder.
        pages = html_pages(folder) if stopped is None else []
        with os.fdopen(writing, "wb") as pipe:
            shown = state.problems.shown_by_page
            pickle.dump({"events": events, "search_entries": entries, "shown": shown, "stopped": stopped}, pipe)
            pipe.flush()
            # Once the first process has what it waits for: what it needs next, the scans for its checks, then
            # the previews it writes when every language is built.
            if stopped is None:
                with contextlib.suppress(Exception):
                    # The first language's pages too: written once the first process reads the result (a page not
                    # written yet is left to it, as is one whose text changes: scans are kept by the text's digest).
                    own = set(pages)
                    first_pages = [page for page in html_pages(site_dir, left_out=(folder.name,)) if page not in own]
                    scan_pages(pages + first_pages, (folder, site_dir), scanned)
                    pipe.write(b"s")
        if stopped is None:
            _draw_link_previews(state)
        status = 0
    finally:
        os._exit(status)


def _end_with_first_process(first_process: int) -> None:
    """On Linux, the kernel ends this process when the first one ends (killed, say), instead of letting it build
    on for nobody; elsewhere it ends once its build is done, when its result finds no reader."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != first_process:
            os._exit(1)


def _draw_link_previews(state: BuildState) -> None:
    """Link previews drawn here, into the cache the first process writes them from once every language is built
    (it draws what is not there yet itself): from the last, while it draws from the first. What fails here fails
    there too, where it is reported."""
    with contextlib.suppress(Exception):
        draw_previews_from_the_end(state, state.publication.publisher)


class _Collector(logging.Handler):
    """What the further language's build logs, for the first process to log: a finding or a note as itself."""

    def __init__(self, events: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.events = events

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "finding"):
            self.events.append(("finding", record.finding))
        elif hasattr(record, "note"):
            self.events.append(("note", record.note))
        else:
            fields = {"name": record.name, "levelno": record.levelno, "levelname": record.levelname}
            self.events.append(("record", {**fields, "msg": record.getMessage()}))


def _take_in(state: BuildState, language: str) -> None:
    """Where the plugin would build `language`: its process's build, as if it had been built here."""
    process = state.language_processes.running.pop(language)
    result = _result(state, process)
    _move_into(process.folder, state.site_dir)
    upstream.reconfigure_for_current_language(state.config)
    with upstream.failing_on_warnings(state.config):
        for kind, event in result["events"]:
            if kind == "finding":
                state.problems.report(event)
            elif kind == "note":
                state.problems.note(event)
            else:
                record = logging.makeLogRecord(event)
                logging.getLogger(record.name).handle(record)
        upstream.gathered_search_entries(state.config).extend(result["search_entries"])
        for page, shown in result["shown"].items():
            state.problems.shown_by_page.setdefault(page, set()).update(shown)
        if result["stopped"]:
            raise upstream.stopped_build(result["stopped"])
        # What the language's build checked at its end: the links of the languages built before it.
        warn_about_page_links(state)


def _result(state: BuildState, process: LanguageProcess) -> dict[str, Any]:
    """What the process handed back (it then scans its pages and draws link previews, and says through the pipe
    when the scans are written); a build error where it ended without."""
    pipe = os.fdopen(process.result, "rb")
    try:
        result = pickle.load(pipe)
    except Exception:
        pipe.close()
        _, status = os.waitpid(process.process_id, 0)
        ended = f"was ended by signal {-os.waitstatus_to_exitcode(status)}" if os.WIFSIGNALED(status) else "failed"
        shutil.rmtree(process.folder, ignore_errors=True)
        process.scanned.unlink(missing_ok=True)
        raise upstream.BuildError(
            f"The build of the '{process.language}' pages, in a process of its own, {ended} before it was done, "
            f"and the site is incomplete: build again; {IN_TURN}=1 builds the languages one after the other."
        ) from None
    process.pipe = pipe
    state.language_processes.drawing.append(process)
    return result


def _move_into(folder: Path, site_dir: Path) -> None:
    """Every file the process wrote, to its place in the site folder (over a file the first process wrote)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            target = site_dir / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    shutil.rmtree(folder)
