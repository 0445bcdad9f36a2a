"""`make serve` through the states a file passes through while an editor works on it.

One real `mkdocs serve --no-strict` (as `make serve` runs it) on a copy of the project, shared by every
state: each state is saved, the rebuild awaited, what the editor sees (the log, the page) checked; then
the good file is restored and the page must come back exactly as it was, the server running throughout.

The strict build on the same broken states: tests/build/test_preview_recovery_strict_build.py.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from preview_server import (
    BROKEN_STATES,
    PAGES,
    QUOTED,
    Editor,
    Preview,
    assert_named,
    assert_recovered,
    assert_shows_problem,
    byte_order_mark,
    first_line_latin_1_changes,
    last_build,
    latin_1,
    page_with_a_marker,
    problems,
    windows_line_endings,
)
from project import copy_project, free_port, mkdocs_env


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


@pytest.fixture(scope="module")
def baseline(preview: Preview) -> dict[str, str]:
    """Each page's content as the good files build it."""
    return {page: preview.content(page) for page in PAGES}


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


def test_a_broken_link_is_a_warning_naming_its_line_and_the_preview_goes_on(
    preview: Preview, editor: Editor, baseline: dict[str, str]
) -> None:
    file = "docs/de/impressum.md"
    good = editor.good_text(file)
    log = editor.write(file, (good + "\nSiehe [die fehlende Seite](zz-fehlt.md).\n").encode("utf-8"))
    line = good.count("\n") + 2
    assert_named(log, file, line=line)
    assert f"{file}:{line}: [broken-link] link “die fehlende Seite” → zz-fehlt.md: there is no page" in log, log
    assert "Doc file" not in log, log
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
    # The translation under a name without source is an error; its source, untranslated now, gets a
    # stand-in at the old address (the translation policy's default), which the log names too.
    assert_named(log, new_name)
    assert f"[missing-translation] no English translation: create {file}" in log
    status, stand_in = preview.fetch("en/netzwerke.html")
    assert status == 200 and '<html lang="en"' in stand_in and 'hreflang="de"' in stand_in
    assert "admonition" not in preview.content("en/networks.html")
    assert_recovered(preview, editor, baseline)
    assert preview.fetch("en/networks.html") == (404, "")


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
