"""The preview tests' tools: a running `make serve` on a copy of the fixture publication (Preview), the
edits made in it and put back (Editor), what its log and pages must show, and the broken states a file
passes through while an editor works on it. Shared by the tests that drive a real `make serve`."""

from __future__ import annotations

import codecs
import datetime
import functools
import math
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from microsite.upstream import content_span
from project import PUBLICATION, as_editors_clone, assemble_publication, free_port, mkdocs_env

# How the preview's log ends a rebuild: "Documentation built in" is not written for every one.
REBUILD_FAILED = "An error happened during the rebuild"
BUILD_ENDS = ("Reloading browsers", REBUILD_FAILED)


# How long one rebuild may take before the preview counts as stuck: a rebuild takes about a second.
REBUILD_SECONDS = 20

# How long the log must stay unchanged before no further rebuild is expected: more than the preview's polling
# interval (a quarter of a second: upstream/mkdocs.py SAVE_POLLING_SECONDS) and its wait for quiet (a tenth), in which it
# notices a change.
QUIET_SECONDS = 0.6
# How long the preview may take to start: setting up is done (the environment exists), one build is left.
START_SECONDS = 60
# How long the preview may take to stop after Ctrl+C: it stops within two seconds, a rebuild under way included.
STOP_SECONDS = 20
# How often the tests look at the preview's log and its pages while they wait: reading a log or asking a page
# of a server on this machine costs next to nothing, and a wait ends half of this later on average.
POLL_SECONDS = 0.05


@contextmanager
def make_serve(folder: Path, **environment: str) -> Iterator[Preview]:
    """`make serve` on a new copy of the fixture publication below `folder`, as an editor runs it, until
    the block ends; its output in `folder/serve.log`. `environment`: variables it sees besides."""
    project = as_editors_clone(assemble_publication(folder / "project"))
    port = free_port()
    log_path = folder / "serve.log"
    # Ctrl+C's SIGINT at its default, as in an editor's terminal: a process ignores a signal its parent ignored,
    # and `make test` started in the background by a script (a shell without job control starts it with SIGINT
    # ignored) passed that on to every preview, which went on until it was killed STOP_SECONDS later.
    command = ["env", "--default-signal=INT", "make", "--no-print-directory", "serve", f"HOST=127.0.0.1:{port}"]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            command,
            cwd=project,
            env=mkdocs_env(**environment),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Preview(project, port, log_path, server)
    stopped = True
    try:
        deadline = time.monotonic() + START_SECONDS
        while "Serving on" not in running.log():
            assert server.poll() is None and time.monotonic() < deadline, "the preview did not start:\n" + running.log()
            time.sleep(POLL_SECONDS)
        yield running
    finally:
        # make and the server it started: the whole process group, as Ctrl+C in the terminal does.
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            stopped = False
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    # Only after a block that passed: a failure in it is the one to report.
    assert stopped, f"make serve went on for {STOP_SECONDS} s after Ctrl+C (SIGINT) and was killed:\n" + running.log()


@dataclass
class Preview:
    project: Path
    port: int
    log_path: Path
    server: subprocess.Popen

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def fetch(self, page: str) -> tuple[int, str] | None:
        """Status and HTML of a page; None if the preview does not answer (a stuck rebuild)."""
        try:
            with urllib.request.urlopen(self.url(page), timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return None

    def content(self, page: str) -> str:
        """What the page's Markdown and data wrote (the <article>), as served now; fails if not served."""
        served = self.fetch(page)
        assert served is not None, f"the preview stopped answering ({page})"
        status, html = served
        assert status == 200, f"{page}: HTTP {status}"
        span = content_span(html)
        assert span is not None, f"{page} has no <article>"
        return html[span[0] : span[1]]

    def save(self, change: Callable[[], None]) -> str:
        """Make a change in the project; returns the log of the rebuilds it caused, once the preview serves what
        a rebuild that started after the change built (or, if the rebuild failed, once the log is quiet)."""
        start = len(self.log())
        change()
        saved_at = _preview_clock()
        deadline = time.monotonic() + REBUILD_SECONDS
        while time.monotonic() < deadline:
            assert self.server.poll() is None, "the preview stopped:\n" + self.log()[start:]
            written = self.log()[start:]
            if _rebuilt(written):
                if not _rebuild_failed(written):
                    served = self.served_build()
                    if served is not None and served >= saved_at:
                        return self.log()[start:]
                else:
                    time.sleep(QUIET_SECONDS)
                    if self.log()[start:] == written:
                        return written
            time.sleep(POLL_SECONDS)
        raise AssertionError(f"no rebuild within {REBUILD_SECONDS} s:\n{self.log()[start:]}")

    def settle(self) -> None:
        """Wait until the log has been still for QUIET_SECONDS: a save of several files that one of the server's
        polls saw half done is seen again at the next poll, and rebuilt again, after the first rebuild is served."""
        deadline = time.monotonic() + REBUILD_SECONDS
        before = self.log()
        while time.monotonic() < deadline:
            time.sleep(QUIET_SECONDS)
            now = self.log()
            if now == before:
                return
            before = now
        raise AssertionError(f"the preview did not settle within {REBUILD_SECONDS} s:\n{before}")

    def served_build(self) -> int | None:
        """When the build the preview serves now started, on its clock (_preview_clock); None if it does not
        answer. The preview writes it into the live-reload script of every page, and answers a page only
        when no rebuild is under way."""
        served = self.fetch("index.html")
        if served is None:
            return None
        reload_call = served[1].rfind("livereload(")
        started = served[1][reload_call + len("livereload(") :].split(",", 1)[0]
        return int(started) if reload_call != -1 and started.isdigit() else None


def _preview_clock() -> int:
    """Now, as MkDocs' preview dates its builds (mkdocs.livereload: the monotonic clock in milliseconds, the
    same clock for every process on the machine): a build dated later read every file as it is now."""
    return math.ceil(time.monotonic() * 1000)


def _rebuild_failed(log: str) -> bool:
    """The last rebuild that started ended in an error: the preview serves no page until the next good one."""
    return REBUILD_FAILED in last_build(log)


def _rebuilt(log: str) -> bool:
    """At least one rebuild started, and the last one that started has ended."""
    last_start = log.rfind("Building documentation...")
    return last_start != -1 and any(end in log[last_start:] for end in BUILD_ENDS)


@dataclass
class Editor:
    preview: Preview
    # Each changed file's bytes before the change; None for a file that did not exist.
    originals: dict[Path, bytes | None] = field(default_factory=dict)

    def path(self, relative: str) -> Path:
        path = self.preview.project / relative
        self.originals.setdefault(path, path.read_bytes() if path.exists() else None)
        return path

    def write(self, relative: str, content: bytes) -> str:
        """Save the file with these bytes; the rebuild's log."""
        return self.preview.save(functools.partial(self.path(relative).write_bytes, content))

    def good_text(self, relative: str) -> str:
        return self.originals.get(self.path(relative)).decode("utf-8")

    def put_back(self) -> None:
        for path, original in self.originals.items():
            if original is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(original)

    def restore(self) -> str:
        """Save every changed file as it was; the rebuild's log."""
        log = self.preview.save(self.put_back)
        self.originals.clear()
        return log


def _publication_data(name: str) -> dict:
    return yaml.safe_load((PUBLICATION / "data" / f"{name}.yml").read_text(encoding="utf-8"))


# The fixture's article folder (data/articles.yml) and the article the slips are made in: one with every
# field a slip can touch (authors, topics, an old address).
ARTICLES = _publication_data("articles")["page_folder"]
ARTICLE = next(
    path.relative_to(PUBLICATION / "docs" / "de").as_posix()
    for path in sorted((PUBLICATION / "docs" / "de" / ARTICLES).glob("*.md"))
    if "moved_from:" in path.read_text(encoding="utf-8")
)
# The page of the timeline and of the networks (the pages that show those data files).
TIMELINE, NETWORKS = (
    next(
        path.name
        for path in sorted((PUBLICATION / "docs" / "de").glob("*.md"))
        if f"<!-- data: {marker} -->" in path.read_text(encoding="utf-8")
    )
    for marker in ("timeline", "networks")
)
# The legal notice, a written page without data (mkdocs.yml, extra.footer_pages).
LEGAL_NOTICE = "impressum.md"


def built(page: str) -> str:
    return page.removesuffix(".md") + ".html"


# The pages the states below change, or that show what they change.
PAGES = [
    built(TIMELINE),
    built(NETWORKS),
    built(LEGAL_NOTICE),
    f"en/{built(NETWORKS)}",
    "index.html",
    built(f"{ARTICLES}/index.md"),
    built(ARTICLE),
]


def last_build(log: str) -> str:
    return log[log.rfind("Building documentation...") :]


def problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def assert_named(log: str, file: str, *, line: int | None = None) -> None:
    """The log names the file (at a line where there is one) in a warning or an error, and no traceback."""
    assert "Traceback" not in log, log
    place = f"{file}:{line}:" if line else file
    assert any(place in problem for problem in problems(log)), f"no warning names {place}:\n{log}"


def assert_box_names(preview: Preview, page: str, place: str) -> None:
    """The page is served with the preview's box of problems at the top of its text, naming `place`."""
    content = preview.content(page)
    box_start = content.find('<div class="admonition failure" role="alert">')
    assert box_start != -1 and place in content[box_start : content.find("</div>", box_start)], (page, content)


def assert_shows_problem(preview: Preview, page: str, file: str) -> None:
    """The page is served, and shows the problem (naming the file) instead of what it showed before."""
    content = preview.content(page)
    assert "admonition failure" in content and file in content, content


def assert_recovered(preview: Preview, editor: Editor, baseline: dict[str, str]) -> None:
    log = editor.restore()
    assert "Traceback" not in log, log
    assert problems(last_build(log)) == [], log
    for page in PAGES:
        assert preview.content(page) == baseline[page], f"{page} differs from before the change"
    assert preview.server.poll() is None


def first_line_latin_1_changes(text: str) -> int:
    """The line of the first character that Latin-1 writes in a byte UTF-8 cannot read (an umlaut)."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if any(0x80 <= ord(c) <= 0xFF for c in line))


def cut_in_a_record(text: str) -> bytes:
    """The file as saved halfway through its second record, in the middle of a line."""
    lines = text.splitlines(keepends=True)
    second_record = [number for number, line in enumerate(lines) if line.lstrip().startswith("- ")][1]
    half_line = lines[second_record + 3][: len(lines[second_record + 3]) // 2]
    return "".join([*lines[: second_record + 3], half_line]).encode("utf-8")


def latin_1(text: str) -> bytes:
    return text.encode("latin-1", errors="replace")


# The page the data quotes its first passage from.
QUOTED = _publication_data("timeline")["events"][0]["source"]["page"]


# state: (the file, what is saved instead of its good text, the line to be named, the page that shows it)
BROKEN_STATES = {
    "half-written data file": ("data/timeline.yml", cut_in_a_record, None, built(TIMELINE)),
    "data file saved as Latin-1": ("data/networks.yml", latin_1, first_line_latin_1_changes, built(NETWORKS)),
    "page saved as Latin-1": (f"docs/de/{LEGAL_NOTICE}", latin_1, first_line_latin_1_changes, built(LEGAL_NOTICE)),
    "empty data file": ("data/networks.yml", lambda text: b"", lambda text: 1, built(NETWORKS)),
    "empty page": (f"docs/de/{LEGAL_NOTICE}", lambda text: b"", lambda text: 1, built(LEGAL_NOTICE)),
}


def page_with_a_marker(project: Path) -> str:
    """A written page of the source language that renders data, and its built name."""
    return next(
        path.relative_to(project).as_posix()
        for path in sorted((project / "docs" / "de").glob("*.md"))
        if "<!-- data: " in path.read_text(encoding="utf-8") and path.stem != "index"
    )


def windows_line_endings(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def byte_order_mark(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8")


@dataclass(frozen=True)
class Slip:
    """An ordinary slip: in `file`, `written` where `meant` belongs."""

    file: str
    meant: str
    written: str
    # Besides the page of `file` (if it is a page), the pages that must name it: the lists it is in.
    shown_on: tuple[str, ...] = ()


ARTICLE_FILE = f"docs/de/{ARTICLE}"
ARTICLE_LISTS = (built(f"{ARTICLES}/index.md"),)


def slips(project: Path) -> dict[str, Slip]:
    """The slips, made in the fixture's own words: its article's authors, topics, date and old address, its
    timeline's reference to a partnership, its settings."""
    article = (project / ARTICLE_FILE).read_text(encoding="utf-8")
    fields = yaml.safe_load(article.split("---\n")[1])
    day = datetime.date.fromisoformat(str(fields["date"]))
    reference = next(
        line for line in (project / "data/timeline.yml").read_text().splitlines() if "partnership:" in line
    )
    policy = next(line for line in (project / "mkdocs.yml").read_text().splitlines() if "outdated: notice" in line)
    return {
        "unknown topic id": Slip(
            ARTICLE_FILE, f"topics: [{fields['topics'][0]}", f"topics: [{fields['topics'][0]}x", ARTICLE_LISTS
        ),
        "unknown author id": Slip(
            ARTICLE_FILE, f"authors: [{fields['authors'][0]}", f"authors: [{fields['authors'][0]}x", ARTICLE_LISTS
        ),
        "German date": Slip(ARTICLE_FILE, f"date: {day.isoformat()}", f"date: {day:%d.%m.%Y}", ARTICLE_LISTS),
        "old address that is a live page": Slip(
            ARTICLE_FILE, f"moved_from: [{fields['moved_from'][0]}]", f"moved_from: [{LEGAL_NOTICE}]", ARTICLE_LISTS
        ),
        "unknown partnership in the data": Slip("data/timeline.yml", reference, reference + "x", (built(TIMELINE),)),
        "misspelt data marker": Slip(f"docs/de/{TIMELINE}", "<!-- data: timeline -->", "<!-- data: timelines -->"),
        "colon in a page's title": Slip(f"docs/de/{LEGAL_NOTICE}", "\ntitle: ", "\ntitle: Wichtig: "),
        "misspelt setting": Slip("mkdocs.yml", policy, policy.replace("notice", "notise"), tuple(PAGES)),
        "tab in a data file": Slip("data/networks.yml", "\n    kind: ", "\n\tkind: ", (built(NETWORKS),)),
        "wrong kind of value in a page's front matter": Slip(
            f"docs/de/{LEGAL_NOTICE}", "\ntitle: ", "\nsearch: true\ntitle: "
        ),
    }


SLIPS = list(slips(PUBLICATION))
