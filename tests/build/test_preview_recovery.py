"""`make serve` through the states a file passes through while an editor works on it.

One real `mkdocs serve --no-strict` (as `make serve` runs it) on a copy of the project, shared by every
state: each state is saved, the rebuild awaited, what the editor sees (the log, the page) checked; then
the good file is restored and the page must come back exactly as it was, the server running throughout.
"""

from __future__ import annotations

import codecs
import functools
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from microsite.upstream import content_span
from project import ROOT, build_site, copy_project, free_port, mkdocs_env

# How the preview's log ends a rebuild: "Documentation built in" is not written for every one.
BUILD_ENDS = ("Reloading browsers", "An error happened during the rebuild")
# How long one rebuild may take before the preview counts as stuck: a rebuild takes about a second.
REBUILD_SECONDS = 20
QUIET_SECONDS = 0.6


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
        """Make a change in the project; returns the log of the rebuilds it caused, once they are done."""
        start = len(self.log())
        change()
        deadline = time.monotonic() + REBUILD_SECONDS
        while time.monotonic() < deadline:
            assert self.server.poll() is None, "the preview stopped:\n" + self.log()[start:]
            written = self.log()[start:]
            if _rebuilt(written):
                time.sleep(QUIET_SECONDS)
                if self.log()[start:] == written:
                    return written
            time.sleep(0.1)
        raise AssertionError(f"no rebuild within {REBUILD_SECONDS} s:\n{self.log()[start:]}")


def _rebuilt(log: str) -> bool:
    """At least one rebuild started, and the last one that started has ended."""
    last_start = log.rfind("Building documentation...")
    return last_start != -1 and any(end in log[last_start:] for end in BUILD_ENDS)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    folder = tmp_path_factory.mktemp("preview")
    project = copy_project(folder / "project")
    port = free_port()
    log_path = folder / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=project, env=mkdocs_env(), stdout=log, stderr=subprocess.STDOUT)
    running = Preview(project, port, log_path, server)
    try:
        deadline = time.monotonic() + 60
        while "Serving on" not in running.log():
            assert server.poll() is None and time.monotonic() < deadline, "the preview did not start:\n" + running.log()
            time.sleep(0.2)
        yield running
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def editor(preview: Preview) -> Iterator[Editor]:
    """Edits in the preview's project; whatever a test leaves behind is put back afterwards."""
    session = Editor(preview)
    yield session
    if session.originals:
        preview.save(session.put_back)


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


# The pages the states below change, or that show the data they change.
PAGES = ["zeitleiste.html", "netzwerke.html", "impressum.html", "en/netzwerke.html", "index.html"]


@pytest.fixture(scope="module")
def baseline(preview: Preview) -> dict[str, str]:
    """Each page's content as the good files build it."""
    return {page: preview.content(page) for page in PAGES}


def last_build(log: str) -> str:
    return log[log.rfind("Building documentation...") :]


def problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def assert_named(log: str, file: str, *, line: int | None = None) -> None:
    """The log names the file (at a line where there is one) in a warning or an error, and no traceback."""
    assert "Traceback" not in log, log
    place = f"{file}:{line}:" if line else file
    assert any(place in problem for problem in problems(log)), f"no warning names {place}:\n{log}"


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


def quoted_article_page(project: Path) -> str:
    """The page the data quotes its passages from."""
    timeline = yaml.safe_load((project / "data" / "timeline.yml").read_text(encoding="utf-8"))
    return timeline["events"][0]["source"]["page"]


QUOTED = quoted_article_page(ROOT)
# state: (the file, what is saved instead of its good text, the line to be named, the page that shows it)
BROKEN_STATES = {
    "half-written data file": ("data/timeline.yml", cut_in_a_record, None, "zeitleiste.html"),
    "data file saved as Latin-1": ("data/networks.yml", latin_1, first_line_latin_1_changes, "netzwerke.html"),
    "page saved as Latin-1": ("docs/de/impressum.md", latin_1, first_line_latin_1_changes, "impressum.html"),
    "empty data file": ("data/networks.yml", lambda text: b"", lambda text: 1, "netzwerke.html"),
    "empty page": ("docs/de/impressum.md", lambda text: b"", lambda text: 1, "impressum.html"),
}


@pytest.mark.parametrize("state", [*BROKEN_STATES, "quoted page saved as Latin-1"])
def test_a_broken_file_is_named_and_shown_until_it_is_restored(
    preview: Preview, editor: Editor, baseline: dict[str, str], state: str
) -> None:
    quoted = (f"docs/de/{QUOTED}", latin_1, first_line_latin_1_changes, QUOTED.replace(".md", ".html"))
    file, save, line_of, page = BROKEN_STATES.get(state, quoted)
    good = editor.good_text(file)
    log = editor.write(file, save(good))
    assert_named(log, file, line=line_of and line_of(good))
    # A problem found by two steps (parity and the build's page reading) is told once.
    told = problems(last_build(log))
    assert len(told) == len(set(told)), log
    assert_shows_problem(preview, page, file)
    assert_recovered(preview, editor, baseline)


def page_with_a_marker(project: Path) -> str:
    """A written page of the source language that renders data, and its built name."""
    return next(
        path.relative_to(project).as_posix()
        for path in sorted((project / "docs" / "de").glob("*.md"))
        if "<!-- data: " in path.read_text(encoding="utf-8") and path.stem != "index"
    )


def test_a_half_typed_marker_is_shown_and_the_preview_goes_on(
    preview: Preview, editor: Editor, baseline: dict[str, str]
) -> None:
    file = page_with_a_marker(preview.project)
    good = editor.good_text(file)
    marker = good[good.index("<!-- data: ") : good.index("-->", good.index("<!-- data: ")) + 3]
    half_typed = marker.replace("-->", "").rstrip()[:-2] + " -->"
    log = editor.write(file, good.replace(marker, half_typed, 1).encode("utf-8"))
    assert_named(log, file, line=good[: good.index(marker)].count("\n") + 1)
    assert_shows_problem(preview, file.removeprefix("docs/de/").replace(".md", ".html"), file)
    assert_recovered(preview, editor, baseline)


def test_a_mistyped_nav_order_is_a_warning_until_it_is_fixed(
    preview: Preview, editor: Editor, baseline: dict[str, str]
) -> None:
    file = "docs/de/impressum.md"
    good = editor.good_text(file)
    log = editor.write(file, good.replace("\n---\n", "\nnav_order: 9x\n---\n", 1).encode("utf-8"))
    assert_named(log, file)
    assert "'nav_order' must be a number" in log
    assert preview.content("impressum.html")
    assert_recovered(preview, editor, baseline)


def test_deleted_page(preview: Preview, editor: Editor, baseline: dict[str, str]) -> None:
    file = "docs/de/netzwerke.md"
    log = editor.preview.save(editor.path(file).unlink)
    assert_named(log, file)
    assert preview.fetch("netzwerke.html") == (404, "")
    assert preview.content("index.html")
    assert_recovered(preview, editor, baseline)


def test_renamed_translation(preview: Preview, editor: Editor, baseline: dict[str, str]) -> None:
    file, new_name = "docs/en/netzwerke.md", "docs/en/networks.md"
    log = editor.preview.save(functools.partial(editor.path(file).rename, editor.path(new_name)))
    assert_named(log, file)
    assert_named(log, new_name)
    assert preview.fetch("en/netzwerke.html") == (404, "")
    assert "admonition" not in preview.content("en/networks.html")
    assert_recovered(preview, editor, baseline)
    assert preview.fetch("en/networks.html") == (404, "")


def windows_line_endings(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def byte_order_mark(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8")


@pytest.mark.parametrize("save", [windows_line_endings, byte_order_mark])
def test_page_saved_differently_builds_the_same(
    preview: Preview, editor: Editor, baseline: dict[str, str], save: Callable[[str], bytes]
) -> None:
    file = "docs/de/zeitleiste.md"
    log = editor.write(file, save(editor.good_text(file)))
    assert "Traceback" not in log, log
    assert preview.content("zeitleiste.html") == baseline["zeitleiste.html"]
    assert_recovered(preview, editor, baseline)


@pytest.mark.parametrize("save", [windows_line_endings, byte_order_mark])
def test_page_saved_differently_warns_of_nothing(
    preview: Preview, editor: Editor, save: Callable[[str], bytes]
) -> None:
    file = "docs/de/zeitleiste.md"
    log = editor.write(file, save(editor.good_text(file)))
    assert problems(last_build(log)) == [], log


@pytest.mark.parametrize("state", ["page saved as Latin-1", "empty page"])
def test_the_strict_build_stops_at_a_page_it_cannot_show(tmp_path: Path, state: str) -> None:
    """What the preview shows as a warning fails `mkdocs build --strict`, with the file and line."""
    file, save, line_of, _ = BROKEN_STATES[state]
    project = copy_project(tmp_path / "project")
    good = (project / file).read_text(encoding="utf-8")
    (project / file).write_bytes(save(good))
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert f"{file}:{line_of(good)}:" in output, output
