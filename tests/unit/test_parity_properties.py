"""Property-based tests of the parity check's Markdown reading: whatever an editor saves as a page –
any text, Markdown-like or not, or any bytes at all – the check gives a clean result or findings that
name a real file and a line in it, never a traceback and never a hang (each example has a deadline).

One project folder serves every example of a test: each example rewrites its two pages.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from microsite import parity
from microsite.parity.page_reader import parse_text
from microsite.parity.text_language import judged_words, language_of
from microsite.settings import project_languages
from project import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "parity"
LANGUAGES = project_languages(FIXTURE)
SOURCE, TRANSLATION = "docs/de/seite.md", "docs/en/seite.md"
# Bounded so that these tests take a few seconds; no example database, so that they write nothing
# into the project.
PROPERTIES = settings(
    max_examples=300,
    deadline=timedelta(milliseconds=400),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces editors write, so that the generated texts are Markdown often enough to reach every branch
# of the reader, mixed with arbitrary text.
FRONT_MATTER_LINES = [
    "title: Titel",
    "description: Eine Seite.",
    "parity_ignore: [number, wrong-language]",
    "parity_ignore: 7",
    "translated_from: abc",
    'translated_from: "0123456789ab:0123456789ab"',
    "1: eins",
    "null: nichts",
    "? [a]\n: b",
    "- eine Liste",
]
MARKDOWN_LINES = [
    "# Überschrift { #anker }",
    "## Abschnitt",
    "- eins",
    "1. erstens",
    "> Ein Zitat.",
    "!!! note",
    '!!! warning "Titel"',
    "    eingerückt",
    "| a | b |",
    "| --- | --- |",
    "```text",
    "```",
    "---",
    "<!-- data: timeline -->",
    "<!-- parity-ignore: number -->",
    "<!-- parity-ignore: wrong-language, untranslated-block -->",
    "{ .lead }",
    "Begriff",
    ": Erklärung",
    "[Link](andere.md) <https://example.org/> [Post](mailto:a@example.org) ![Bild](b.png)",
    "Die Stadt arbeitet seit vielen Jahren eng mit ihren Partnern in der ganzen Welt zusammen.",
    "The city has worked closely with its partners all over the world for many years.",
    "1.234,5 und 1978",
    "\r",
    "",
]


def lines_of(pieces: list[str], most: int) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=30)), max_size=most).map("\n".join)


front_matter = lines_of(FRONT_MATTER_LINES, 4).map(lambda lines: f"---\n{lines}\n---\n")
markdown = st.tuples(st.one_of(st.just(""), front_matter), lines_of(MARKDOWN_LINES, 20)).map("".join)
page_texts = st.one_of(st.text(max_size=400), markdown)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properties") / "project"
    shutil.copytree(FIXTURE, root)
    # The identifier's model loads once per process, in most of a second: not within an example's deadline.
    language_of(judged_words("Ein ganzer Satz, damit das Modell jetzt geladen wird und nicht später."), LANGUAGES.codes)
    return root


def assert_findings_point_into_files(root: Path) -> None:
    findings = parity.check_project(root, LANGUAGES).findings
    for finding in findings:
        path = root / finding.file
        assert path.is_file(), finding.text()
        lines = max(1, path.read_bytes().count(b"\n") + path.read_bytes().count(b"\r") + 1)
        assert 1 <= finding.line <= lines, finding.text()
        assert finding.check in parity.CHECKS, finding.text()


@PROPERTIES
@given(text=page_texts)
def test_any_text_parses_into_blocks_with_lines(text: str) -> None:
    page = parse_text(text, Path("page.md"), "docs/de/page.md", "de")
    lines = text.count("\n") + text.count("\r") + 1
    assert all(1 <= block.line <= lines for block in page.blocks)


@PROPERTIES
@given(source=page_texts, translation=page_texts)
# Found by this test: front matter keys that are not all text could not be sorted.
@example(source="---\n::\n0:\n---", translation="")
def test_any_pair_of_texts_gives_findings_with_file_and_line(project: Path, source: str, translation: str) -> None:
    (project / SOURCE).write_text(source, encoding="utf-8", newline="")
    (project / TRANSLATION).write_text(translation, encoding="utf-8", newline="")
    assert_findings_point_into_files(project)


@PROPERTIES
# Found by this test: a page that is not UTF-8 stopped the check.
@example(source=b"\x80", translation=b"")
@given(source=st.binary(max_size=300), translation=st.one_of(st.binary(max_size=300), page_texts.map(str.encode)))
def test_any_bytes_as_pages_give_findings_with_file_and_line(project: Path, source: bytes, translation: bytes) -> None:
    (project / SOURCE).write_bytes(source)
    (project / TRANSLATION).write_bytes(translation)
    assert_findings_point_into_files(project)
