"""The preview tests' tools: a running `mkdocs serve` on a copy of the project (Preview), the edits made in
it and put back (Editor), what its log and pages must show, and the broken states a file passes through while
an editor works on it. Shared by tests/build/test_preview_recovery*.py."""

from __future__ import annotations

import codecs
import functools
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from microsite.upstream import content_span
from project import ROOT

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


def title_line(text: str) -> int:
    """The line of the front matter's title."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.startswith("title:"))


def colon_in_the_title(text: str) -> bytes:
    """The page with ': ' added to its title, unquoted, as an editor types a subtitle."""
    lines = text.splitlines(keepends=True)
    number = title_line(text) - 1
    lines[number] = lines[number].rstrip("\n") + ": ein Untertitel\n"
    return "".join(lines).encode("utf-8")


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
    "page with ': ' in its title": ("docs/de/impressum.md", colon_in_the_title, title_line, "impressum.html"),
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
