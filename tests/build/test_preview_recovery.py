"""`make serve` through the states a file passes through while an editor works on it, and through the
slips editors make.

One real `make serve` on a copy of the fixture publication, shared by every state: each state is saved,
the rebuild awaited, what the editor sees (the log, the page, the lists the page is in) checked; then the
good file is restored and every page must come back exactly as it was, the server answering throughout.

The strict build on the same broken states: tests/build/test_preview_recovery_strict_build.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import pytest
from preview_server import (
    ARTICLE,
    ARTICLE_FILE,
    ARTICLE_LISTS,
    BROKEN_STATES,
    LEGAL_NOTICE,
    NETWORKS,
    PAGES,
    QUOTED,
    SLIPS,
    TIMELINE,
    Editor,
    Preview,
    assert_box_names,
    assert_named,
    assert_recovered,
    assert_shows_problem,
    built,
    byte_order_mark,
    first_line_latin_1_changes,
    last_build,
    latin_1,
    make_serve,
    page_with_a_marker,
    problems,
    slips,
    windows_line_endings,
)

# A minute and more: every state waits for the preview's rebuilds.
pytestmark = pytest.mark.long_module


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    with make_serve(tmp_path_factory.mktemp("preview")) as running:
        yield running


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
    file = f"docs/de/{LEGAL_NOTICE}"
    good = editor.good_text(file)
    log = editor.write(file, good.replace("\n---\n", "\nnav_order: 9x\n---\n", 1).encode("utf-8"))
    assert_named(log, file)
    assert "'nav_order' must be a number" in log
    assert preview.content(built(LEGAL_NOTICE))
    assert_recovered(preview, editor, baseline)


def test_a_broken_link_is_a_warning_naming_its_line_and_the_preview_goes_on(
    preview: Preview, editor: Editor, baseline: dict[str, str]
) -> None:
    file = f"docs/de/{LEGAL_NOTICE}"
    good = editor.good_text(file)
    log = editor.write(file, (good + "\nSiehe [die fehlende Seite](zz-fehlt.md).\n").encode("utf-8"))
    line = good.count("\n") + 2
    assert_named(log, file, line=line)
    assert f"{file}:{line}: [broken-link] link “die fehlende Seite” → zz-fehlt.md: there is no page" in log, log
    assert "Doc file" not in log, log
    assert_box_names(preview, built(LEGAL_NOTICE), f"{file}:{line}: [broken-link]")
    assert_recovered(preview, editor, baseline)


def test_deleted_page(preview: Preview, editor: Editor, baseline: dict[str, str]) -> None:
    file = f"docs/de/{NETWORKS}"
    log = editor.preview.save(editor.path(file).unlink)
    assert_named(log, file)
    assert preview.fetch(built(NETWORKS)) == (404, "")
    assert preview.content("index.html")
    assert_recovered(preview, editor, baseline)


def test_renamed_translation(preview: Preview, editor: Editor, baseline: dict[str, str]) -> None:
    file, new_name = f"docs/en/{NETWORKS}", f"docs/en/renamed-{NETWORKS}"
    log = editor.preview.save(functools.partial(editor.path(file).rename, editor.path(new_name)))
    # The translation under a name without source is an error; its source, untranslated now, gets a
    # stand-in at the old address (the translation policy's default), which the log names too.
    assert_named(log, new_name)
    assert f"[missing-translation] no English translation: create {file}" in log
    status, stand_in = preview.fetch(f"en/{built(NETWORKS)}")
    assert status == 200 and '<html lang="en"' in stand_in and 'hreflang="de"' in stand_in
    # The renamed page is shown, with its problem above its text.
    renamed = preview.content(f"en/{built('renamed-' + NETWORKS)}")
    assert f"{new_name}:1: [orphan-translation]" in renamed and "<h1" in renamed
    assert_recovered(preview, editor, baseline)
    assert preview.fetch(f"en/{built('renamed-' + NETWORKS)}") == (404, "")


@pytest.mark.parametrize("save", [windows_line_endings, byte_order_mark])
def test_page_saved_differently_builds_the_same_and_warns_of_nothing(
    preview: Preview, editor: Editor, baseline: dict[str, str], save: Callable[[str], bytes]
) -> None:
    file = f"docs/de/{TIMELINE}"
    log = editor.write(file, save(editor.good_text(file)))
    assert "Traceback" not in log, log
    assert problems(last_build(log)) == [], log
    assert preview.content(built(TIMELINE)) == baseline[built(TIMELINE)]
    assert_recovered(preview, editor, baseline)


@pytest.mark.parametrize("name", SLIPS)
def test_a_slip_is_named_where_it_is_and_in_the_lists_it_is_in_until_the_next_good_save(
    preview: Preview, editor: Editor, baseline: dict[str, str], name: str
) -> None:
    slip = slips(preview.project)[name]
    good = editor.good_text(slip.file)
    assert good.count(slip.meant) >= 1, (slip.file, slip.meant)
    # The line of the slip (a `meant` that starts with a line break is on the line after it).
    line = good[: good.index(slip.meant) + 1].count("\n") + 1
    log = editor.write(slip.file, good.replace(slip.meant, slip.written, 1).encode("utf-8"))
    assert_named(log, slip.file, line=line)
    own_page = [built(slip.file.removeprefix("docs/de/"))] if slip.file.startswith("docs/de/") else []
    for page in PAGES:
        assert preview.content(page), page
    for page in own_page + list(slip.shown_on):
        assert_box_names(preview, page, f"{slip.file}:{line}")
    if slip.file == ARTICLE_FILE:
        # The article stays in its lists while it is fixed.
        assert any(
            f'href="{ARTICLE.split("/", 1)[1].removesuffix(".md")}.html"' in preview.content(page)
            for page in ARTICLE_LISTS
        )
    assert_recovered(preview, editor, baseline)


def test_a_problem_on_a_page_kept_from_the_build_before_is_still_named_and_shown(
    preview: Preview, editor: Editor, baseline: dict[str, str]
) -> None:
    """The preview renders again only the pages a save touches (kept_pages.py), and checks only those of the
    built site: a page it keeps keeps its problems, in the log and in its box, which it shows once."""
    file = f"docs/de/{LEGAL_NOTICE}"
    picture = next((preview.project / "docs" / "de").rglob("*.png")).relative_to(preview.project / "docs" / "de")
    editor.write(file, (editor.good_text(file) + f"\n![]({picture.as_posix()})\n").encode("utf-8"))
    assert_box_names(preview, built(LEGAL_NOTICE), "[missing-alt]")
    other = f"docs/de/{TIMELINE}"
    log = editor.write(other, (editor.good_text(other) + "\nEin Satz mehr.\n").encode("utf-8"))
    rendered, total = (int(number) for number in log.split("rebuilt ", 1)[1].split(" pages")[0].split(" of "))
    assert rendered < total, log
    assert "[missing-alt]" in last_build(log), log
    assert_box_names(preview, built(LEGAL_NOTICE), "[missing-alt]")
    # One box: the kept page's file is the one before its box was written (kept_pages.py).
    assert preview.content(built(LEGAL_NOTICE)).count('<div class="admonition failure" role="alert">') == 1
    assert_recovered(preview, editor, baseline)


def test_the_log_of_a_save_says_only_what_an_editor_needs(preview: Preview, editor: Editor) -> None:
    """No narration of the i18n plugin's language builds, no 'Cleaning site directory', nothing that asks an
    editor to run the tests: a save without a problem is five lines (upstream.LOG_NOISE_PREFIXES), one of
    them what the preview rebuilt (kept_pages.py)."""
    file = f"docs/de/{TIMELINE}"
    # Not a rebuild still to come of what the test before restored: this save's log alone.
    preview.settle()
    log = editor.write(file, windows_line_endings(editor.good_text(file)))
    said = [line.split(" -  ", 1)[1] for line in log.splitlines() if " -  " in line]
    # The time MkDocs prints in brackets, and the seconds the build took, differ from save to save.
    kinds = [
        " ".join(word for word in line.split() if not word.startswith("[") and not word[0].isdigit()) for line in said
    ]
    # This save's rebuild, up to the next change noticed: a poll that read the file between its truncation and its
    # new bytes (the test process paused by a busy machine) notices the rest at the poll after the rebuild, and
    # that second rebuild's lines can come before this save's page is fetched.
    noticed = [number for number, kind in enumerate(kinds) if kind == "Detected file changes"]
    rebuild = kinds[: noticed[1]] if len(noticed) > 1 else kinds
    # MkDocs leaves out the time the build took when the i18n plugin's filter of its own log is still in place.
    assert [kind for kind in rebuild if kind != "Documentation built in seconds"] == [
        "Detected file changes",
        "Building documentation...",
        f"rebuilt of pages: {file} changed",
        "Reloading browsers",
    ], log
