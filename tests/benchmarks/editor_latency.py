"""The editor's wait: seconds from saving an edit to the rebuilt page, in `mkdocs serve` as make serve runs it.

On the real site, in every state an editor meets (a page, a data file, an article, a draft whose translation
is not recorded yet), until a browser with the page open shows it (MkDocs' livereload); on a generated
publication, an edit of one article, until the server serves the page rebuilt.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from measure import ENV, RUNS
from microsite.markers import find_markers
from microsite.settings import project_languages
from microsite.upstream.livereload import SAVE_POLLING_SECONDS
from project import collection_folder, copy_project, free_port, microsite, person_ids, publication_data

# The preview's target (issue 19): a save shows in the preview within a second (the median of the saves),
# in every state.
TARGET_S = 1.0
STATES = {
    "page": "a written page (Markdown) edited",
    "data": "a data file edited",
    "article": "an article edited",
    "draft_made": "a draft made with new-article (translation not recorded)",
    "draft_edit": "that draft edited",
}
# The data file edited, and the marker of the page that shows it.
DATA_FILE, DATA_MARKER = "figures.yml", "key-figures"
# What `mkdocs serve` logs as it notices a save, starts to build (after waiting for more changes), and
# has built and serves the new site; and after its first build. (Not "Documentation built in …": MkDocs'
# log drops a message it has logged before, such as a rebuild as long as an earlier one.)
NOTICED, BUILDING, REBUILT, FAILED = (
    "Detected file changes",
    "Building documentation...",
    "Reloading browsers",
    "An error happened during the rebuild",
)
SERVING = "Serving on"
# How often `mkdocs serve` looks for changed files (MkDocs' LiveReloadServer's polling interval, which the hook's
# on_serve sets).
LOOKOUT_SECONDS = SAVE_POLLING_SECONDS


def at_moment_of_lookout(fraction: float) -> None:
    """Waits until `fraction` of the way through the server's look-out for changes. The server looks at every
    whole multiple of LOOKOUT_SECONDS of the machine's monotonic clock (upstream/livereload.py), which this
    process reads too. An editor saves at any moment of it, so a save's wait for it is anything up to
    LOOKOUT_SECONDS: saves made a fixed time after the server went quiet would all meet it at the same moment,
    so each figure's saves are spread evenly over it, the k-th of n at (k + ½) / n."""
    time.sleep((fraction * LOOKOUT_SECONDS - time.monotonic() % LOOKOUT_SECONDS) % LOOKOUT_SECONDS)


def wait_for(url: str, predicate: Callable[[str], bool], seconds: float = 60) -> float:
    """The moment (perf_counter) `url` first serves a page that satisfies `predicate`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if predicate(response.read().decode("utf-8")):
                    return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not update within {seconds:.0f} s")


@contextmanager
def mkdocs_serve(project: Path, port: int, log: Path | None = None) -> Iterator[subprocess.Popen]:
    """`mkdocs serve` of `project` (as make serve runs it) on `port`, its output in `log`; stopped on leaving."""
    with open(log or os.devnull, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield server
        finally:
            server.terminate()
            server.wait(timeout=20)


def served_after(edit: Callable[[], object], url: str, token: str, seconds: float = 60) -> float:
    """Seconds from making `edit` to `url` serving a page with `token` in it."""
    start = time.perf_counter()
    edit()
    return wait_for(url, lambda page: token in page, seconds) - start


class Browser:
    """A browser tab with a page of `mkdocs serve` open, as an editor has it: MkDocs' livereload script in
    the page asks the server for a newer build than the page's (a request the server answers once one is
    done), then loads the page again. Unlike asking for the page over and over, this costs the server
    nothing while it builds."""

    # What the server writes into each page it serves: the build the page is of, and the request's id.
    SCRIPT = re.compile(r"livereload\((\d+), (\d+)\)")

    def __init__(self, base: str) -> None:
        self.base = base
        self.build, self.request = "0", "0"

    def open(self, page: str) -> str:
        """The page's HTML, as the browser loads it; '' for a page the server does not have (yet)."""
        try:
            with urllib.request.urlopen(self.base + page, timeout=60) as response:
                html = response.read().decode("utf-8")
        except OSError:
            return ""
        script = self.SCRIPT.search(html)
        if script:
            self.build, self.request = script.groups()
        return html

    def reloaded(self, page: str, token: str, seconds: float = 60) -> float:
        """The moment (perf_counter) the browser, reloading after each new build, shows `page` with `token`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            poll = f"{self.base}livereload/{self.build}/{self.request}"
            with urllib.request.urlopen(poll, timeout=seconds) as response:
                newer = response.read().decode("ascii").strip()
            if newer == self.build:
                continue
            self.build = newer
            if token in self.open(page):
                return time.perf_counter()
        raise TimeoutError(f"{self.base}{page} did not show {token} within {seconds:.0f} s")


def markdown_edit(markdown: Path, token: str) -> Callable[[], object]:
    """Saving `markdown` with `token` as a new last paragraph."""
    return lambda: markdown.write_text(markdown.read_text(encoding="utf-8") + f"\n{token}\n", encoding="utf-8")


def data_edit(data_file: Path, language: str, token: str) -> Callable[[], object]:
    """Saving `data_file` with `token` added to its first text in `language` (read before the clock starts)."""
    text = data_file.read_text(encoding="utf-8")
    label = re.search(rf"^(\s+{language}: )(.+)$", text, flags=re.MULTILINE)
    edited = text[: label.end()] + f" {token}" + text[label.end() :]
    return lambda: data_file.write_text(edited, encoding="utf-8")


@dataclass(frozen=True)
class Edited:
    """What the bench edits in its copy of the project, found in the copy's own files: a source-language
    page written by hand, the page that shows a data file, and an article (paths below the project, and
    the pages' addresses in the preview)."""

    language: str
    page: tuple[Path, str]
    data: tuple[Path, str]
    article: tuple[Path, str]

    @classmethod
    def of(cls, project: Path) -> Edited:
        language = project_languages(project).source
        pages = project / "docs" / language
        # A written page: the one with the fewest data markers (text, not data), whatever the pages hold.
        written = sorted(
            (path for path in pages.glob("*.md") if path.name != "index.md"),
            key=lambda path: (len(list(find_markers(path.read_text(encoding="utf-8")))), path.name),
        )
        # The key figures: a data file whose every record shows on the page that has its marker.
        figures = next(
            path
            for path in sorted(pages.rglob("*.md"))
            if any(marker.name == DATA_MARKER for marker in find_markers(path.read_text(encoding="utf-8")))
        )
        folder = collection_folder(project)
        article = next(path for path in sorted((pages / folder).glob("*.md")) if path.name != "index.md")
        return cls(
            language=language,
            page=(written[0], address(pages, written[0])),
            data=(project / "data" / DATA_FILE, address(pages, figures)),
            article=(article, address(pages, article)),
        )


def address(pages: Path, markdown: Path) -> str:
    """The address of a source-language page in the preview (plain .html addresses, as mkdocs.yml sets)."""
    return markdown.relative_to(pages).with_suffix(".html").as_posix()


def cpu_seconds(process: int) -> float:
    """The CPU seconds (user and system) a process has used so far, from Linux's /proc."""
    fields = Path(f"/proc/{process}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def new_draft(project: Path, edited: Edited, run: int) -> tuple[Path, str, str, float]:
    """A new article made with the scaffold (`new-article`), as an editor starts one: its source page, its
    address, its title, and the moment (perf_counter) its files were saved. Its translations are copies
    not recorded as translated, which parity reports (`untracked-translation`)."""
    token = f"Entwurf{run}x{time.monotonic_ns()}"
    slug = f"entwurf-{run}-{time.monotonic_ns()}"
    topics = [topic["id"] for topic in publication_data("articles", project)["topics"]]
    made = microsite(
        "new-article",
        slug,
        "--title",
        token,
        "--description",
        f"{token}.",
        "--author",
        person_ids(project)[0],
        "--topics",
        topics[0],
        project=project,
    )
    if made.returncode != 0:
        raise RuntimeError(f"new-article failed: {made.stdout}{made.stderr}")
    folder = collection_folder(project)
    pages = project / "docs" / edited.language
    source = pages / folder / f"{slug}.md"
    created = [project / "docs" / language / folder / f"{slug}.md" for language in project_languages(project).codes]
    # The clock starts when the files were written, not when the command started (Python's start-up is
    # not the preview's wait): the time since then, on the wall clock, taken from perf_counter's now.
    saved = time.perf_counter() - (time.time() - min(path.stat().st_mtime for path in created))
    return source, address(pages, source), token, saved


def editor_latency(workspace: Path) -> dict:
    """On the real site, in each state an editor's save meets: seconds from the save to the browser showing
    the rebuilt page (median of RUNS saves each), in parts (PARTS).

    States: a page written by hand edited; a data file edited; an article edited; a draft made with the
    scaffold, whose translation is not recorded yet (each save of `new-article` until its page is served,
    and then an edit of that draft). Each save is made once the server has finished every build.
    """
    project = copy_project(workspace / "editor")
    edited = Edited.of(project)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = workspace / "editor-serve.log"
    with mkdocs_serve(project, port, log=log) as server, ServerLog(log) as lines:
        saves = Saves(lines, server.pid, Browser(base))
        wait_for(base + edited.page[1], lambda page: "<html" in page)
        for state, (path, page) in (("page", edited.page), ("article", edited.article)):
            for run in range(RUNS):
                token = f"Bearbeitung{run}x{time.monotonic_ns()}"
                saves.save(state, markdown_edit(path, token), page, token)
        for run in range(RUNS):
            token = f"Bearbeitung{run}x{time.monotonic_ns()}"
            saves.save("data", data_edit(edited.data[0], edited.language, token), edited.data[1], token)
        for run in range(RUNS):
            # The editor has the article they edited last open while the scaffold makes the draft.
            saves.ready("draft_made", edited.article[1])
            draft, page, title, saved = new_draft(project, edited, run)
            saves.record("draft_made", saved, saves.browser.reloaded(page, title))
            token = f"Bearbeitung{run}x{time.monotonic_ns()}"
            saves.save("draft_edit", markdown_edit(draft, token), page, token)
    return {
        "target_s": TARGET_S,
        "states": {state: summary(STATES[state], taken) for state, taken in saves.samples.items()},
        "pages": {"page": edited.page[1], "data": edited.data[1], "article": edited.article[1]},
    }


def summary(what: str, samples: list[dict]) -> dict:
    """A state's saves: each one's figures, and the median of each figure."""
    return {
        "what": what,
        "samples_s": [sample["served_s"] for sample in samples],
        "median_s": statistics.median(sample["served_s"] for sample in samples),
        "samples": samples,
        **{f"median_{figure}": statistics.median(sample[figure] for sample in samples) for figure in PARTS},
    }


# The parts of a save's wait, from what the server logged meanwhile (its log read every few milliseconds):
# until it notices the change (it looks for changed files every quarter second), until it starts to build
# (once nothing has changed for a fiftieth of a second, QUIET_BEFORE_BUILD_SECONDS), the build, and from the
# build's end until the browser has the page again. And the CPU seconds the server used from the save until then.
PARTS = ("noticed_s", "waited_s", "build_s", "after_build_s", "cpu_s")


class Saves:
    """The saves measured in each state, and what the server did for each."""

    def __init__(self, lines: ServerLog, server: int, browser: Browser) -> None:
        self.lines = lines
        self.server = server
        self.browser = browser
        self.samples: dict[str, list[dict]] = {state: [] for state in STATES}
        self._cpu = 0.0

    def save(self, state: str, edit: Callable[[], object], page: str, token: str) -> None:
        """Makes `edit` once the server is idle, with `page` open, and records the wait until it shows `token`."""
        self.ready(state, page)
        saved = time.perf_counter()
        edit()
        self.record(state, saved, self.browser.reloaded(page, token))

    def ready(self, state: str, page: str) -> None:
        """Waits until the server has finished every build, opens `page`, and waits until the moment of the
        state's next save in the server's look-out for changes (at_moment_of_lookout)."""
        wait_quiet(self.lines.path)
        self.browser.open(page)
        at_moment_of_lookout((len(self.samples[state]) + 0.5) / RUNS)
        self._cpu = cpu_seconds(self.server)

    def record(self, state: str, saved: float, served: float) -> None:
        """A save in `state` at the moment `saved` (perf_counter), its page served at `served`."""
        cpu = cpu_seconds(self.server) - self._cpu
        wait_quiet(self.lines.path)
        noticed = self.lines.first(NOTICED, after=saved)
        building = self.lines.first(BUILDING, after=noticed)
        rebuilt = self.lines.first(REBUILT, FAILED, after=building)
        self.samples[state].append(
            {
                "served_s": served - saved,
                "noticed_s": noticed - saved,
                "waited_s": building - noticed,
                "build_s": rebuilt - building,
                "after_build_s": served - rebuilt,
                "cpu_s": cpu,
                "builds": len(self.lines.all(BUILDING, after=saved, before=served)),
            }
        )


class ServerLog:
    """`mkdocs serve`'s log, read while it is written: each line with the moment (perf_counter) it was read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)

    def __enter__(self) -> ServerLog:
        self._reader.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._reader.join()

    def _read(self) -> None:
        with open(self.path, encoding="utf-8", errors="replace") as log:
            partial = ""
            while not self._stop.is_set():
                partial += log.read()
                *complete, partial = partial.split("\n")
                moment = time.perf_counter()
                self.lines += [(moment, line) for line in complete]
                time.sleep(0.005)

    def all(self, *texts: str, after: float, before: float = float("inf")) -> list[float]:
        """The moments of the lines with one of `texts` read between `after` and `before`."""
        return [
            moment for moment, line in list(self.lines) if after <= moment <= before and any(t in line for t in texts)
        ]

    def first(self, *texts: str, after: float) -> float:
        moments = self.all(*texts, after=after)
        if not moments:
            raise RuntimeError(f"mkdocs serve logged none of {texts} (see {self.path})")
        return moments[0]


def wait_quiet(log: Path, seconds: float = 900) -> None:
    """Until `mkdocs serve` has finished every build it started and printed nothing for two seconds."""
    deadline, last, quiet_since = time.monotonic() + seconds, "", time.monotonic()
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if text != last:
            last, quiet_since = text, time.monotonic()
        last_build = text.rfind(BUILDING)
        finished = last_build == -1 or any(end in text[last_build:] for end in (REBUILT, FAILED, SERVING))
        if finished and time.monotonic() - quiet_since >= 2:
            return
        time.sleep(0.1)
    raise TimeoutError(f"mkdocs serve did not settle within {seconds:.0f} s (see {log})")


def article_edit_latency(project: Path, article: str, page: str, runs: int = RUNS) -> dict:
    """Seconds from saving an edit of `article` (its path below docs/) to its rebuilt `page` being served.

    `mkdocs serve` answers no request while it rebuilds, so the page is served once the whole site is
    rebuilt. Each edit is saved once the server is idle; its figures say how many builds it started.
    Also the seconds `mkdocs serve` took to serve the page first (its first full build).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    markdown = project / "docs" / article
    log = project.parent / f"{project.name}-serve.log"
    original = markdown.read_text(encoding="utf-8")
    samples, rebuilds = [], []
    start = time.perf_counter()
    try:
        with mkdocs_serve(project, port, log=log):
            first = wait_for(url, lambda text: "<html" in text, seconds=900) - start
            for run in range(runs):
                wait_quiet(log)
                builds = log.read_text(encoding="utf-8", errors="replace").count("Building documentation...")
                token = f"Bearbeitung{run}x{time.monotonic_ns()}"
                at_moment_of_lookout((run + 0.5) / runs)
                samples.append(served_after(markdown_edit(markdown, token), url, token, seconds=900))
                wait_quiet(log)
                rebuilds.append(
                    log.read_text(encoding="utf-8", errors="replace").count("Building documentation...") - builds
                )
    finally:
        markdown.write_text(original, encoding="utf-8")
    return {
        "edit_s": statistics.median(samples),
        "edit_samples_s": samples,
        "rebuilds": rebuilds,
        "first_build_s": first,
    }
