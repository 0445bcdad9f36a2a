"""A rebuild in the preview's process assembles what a new process would (assemble.py, with what the process
keeps between builds, CONTRIBUTING.md): after each kind of editor's edit, the same `Publication` and the same
findings, at the same file and line, in-process on a copy of the fixture publication."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from microsite.articles.front_matter import READ_ARTICLES
from microsite.assemble import start_build
from microsite.data.publication import CHECKED_AGAINST_SCHEMAS
from microsite.findings import Finding
from microsite.page_titles import READ_TITLES
from microsite.pages.markdown import WRITTEN_FRONT_MATTER
from microsite.parity.stamps import VERIFIED_PAIRS
from microsite.publication import Publication
from mkdocs.config import load_config
from project import assemble_publication

ARTICLE = "beitraege/jugend-ohne-grenzen.md"


def assembled(project: Path) -> tuple[Publication, list[Finding]]:
    """What a rebuild of the preview assembles, with whatever the process keeps."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False)
    state = start_build(None, config, preview=True)
    return state.publication, state.problems.findings


def assembled_cold(project: Path) -> tuple[Publication, list[Finding]]:
    """What a new process assembles: nothing kept."""
    READ_ARTICLES.clear()
    VERIFIED_PAIRS.clear()
    CHECKED_AGAINST_SCHEMAS.clear()
    WRITTEN_FRONT_MATTER.clear()
    READ_TITLES.clear()
    return assembled(project)


def replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture's {path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_data_value(project: Path) -> None:
    replace_text(project / "data" / "people.yml", "name: Lene Sommerfeld", "name: Lene Sommerfeld-Brandt")


def edit_data_against_its_schema(project: Path) -> None:
    replace_text(project / "data" / "people.yml", "contact: author", "contact: autor")


def edit_a_schema_another_names(project: Path) -> None:
    """The schema every data file's e-mail addresses refer to allows none as long as the people's."""
    hint = '"x-hint": "write an e-mail address such as name@example.org",'
    replace_text(project / "data" / "common.schema.json", hint, f'"maxLength": 10, {hint}')


def edit_front_matter(project: Path) -> None:
    """A line more above a topic that is not in the data: the finding moves a line down."""
    for language in ("de", "en"):
        replace_text(
            project / "docs" / language / ARTICLE, "date: 2025-06-12\n", "date: 2025-06-13\nupdated: 2025-07-01\n"
        )
        replace_text(project / "docs" / language / ARTICLE, "topics: [kultur-und-jugend]", "topics: [kultur, jugend]")


def edit_body(project: Path) -> None:
    for language in ("de", "en"):
        with (project / "docs" / language / ARTICLE).open("a", encoding="utf-8") as file:
            file.write("\nEin Absatz mehr, viele Wörter lang, damit die Lesezeit wächst. " * 120)


def edit_source_only(project: Path) -> None:
    """The translation drifts: its source gains a paragraph with a number."""
    with (project / "docs" / "de" / ARTICLE).open("a", encoding="utf-8") as file:
        file.write("\nIm Jahr 2026 kamen 75 Jugendliche.\n")


def edit_translation_only(project: Path) -> None:
    """The translation is no longer the one verified: it gains a paragraph with a number its source lacks."""
    with (project / "docs" / "en" / ARTICLE).open("a", encoding="utf-8") as file:
        file.write("\nIn 2026, 75 young people came.\n")


EDITS: dict[str, Callable[[Path], None]] = {
    "a data value": edit_data_value,
    "a data value its schema refuses": edit_data_against_its_schema,
    "a schema another one names": edit_a_schema_another_names,
    "an article's front matter": edit_front_matter,
    "an article's body": edit_body,
    "translation drift": edit_source_only,
    "a verified translation edited": edit_translation_only,
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_rebuild_after_an_edit_assembles_what_a_new_process_does(tmp_path: Path, edit: str) -> None:
    project = assemble_publication(tmp_path / "publication")
    before = assembled(project)
    EDITS[edit](project)
    rebuilt = assembled(project)
    assert rebuilt != before, "the edit changes nothing the assembly makes: the test would prove nothing"
    cold = assembled_cold(project)
    assert rebuilt[0] == cold[0]
    assert [finding.text() for finding in rebuilt[1]] == [finding.text() for finding in cold[1]]
    assert rebuilt[1] == cold[1]


def test_a_rebuild_after_an_invisible_character_is_allowed_assembles_what_a_new_process_does(tmp_path: Path) -> None:
    """The same article files, read under another setting: what the publication allows is part of the reading."""
    project = assemble_publication(tmp_path / "publication")
    for language in ("de", "en"):
        replace_text(project / "docs" / language / ARTICLE, 'title: "', 'title: "\u200f')
    before = assembled(project)
    replace_text(
        project / "mkdocs.yml",
        "  footer_pages:",
        "  allowed_invisible_characters:\n    - {character: U+200F, reason: a right-to-left name}\n  footer_pages:",
    )
    rebuilt = assembled(project)
    assert rebuilt[1] != before[1], "allowing the character changes no finding: the test would prove nothing"
    cold = assembled_cold(project)
    assert rebuilt[0] == cold[0]
    assert rebuilt[1] == cold[1]
