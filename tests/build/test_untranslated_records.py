"""A data record whose translation is missing: its translated page shows the source-language text,
marked with its `lang` and followed by a notice in the page's language, and the record is never left
out. The record and field are taken from the data (the first partnership's summary), not named.

Built without --strict: the parity check reports the missing translation as a warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from project import assemble_publication, build_site, microsite, publication_data
from site_model import LANGUAGES, BuiltSite, label, parse_html, texts_with_language

# The text an editor has not translated yet: the first partnership's summary.
RECORD_FIELD = ("partnerships", 0, "summary")


def text_node(data_text: str, path: tuple) -> yaml.MappingNode:
    """The YAML node of the text at `path` (keys and list positions), to find its lines."""
    node = yaml.compose(data_text)
    for step in path:
        if isinstance(step, int):
            node = node.value[step]
        else:
            node = next(value for key, value in node.value if key.value == step)
    return node


def language_lines(data_text: str, path: tuple, language: str) -> tuple[int, int]:
    """Where the text's `language: …` entry stands: its first line and the line after it (0-based)."""
    key, value = next((key, value) for key, value in text_node(data_text, path).value if key.value == language)
    end = value.end_mark.line + (1 if value.end_mark.column else 0)
    return key.start_mark.line, end


def without_language(data_text: str, path: tuple, language: str) -> str:
    """The data file as an editor leaves it who has not written this language's text yet."""
    lines = data_text.splitlines(keepends=True)
    start, end = language_lines(data_text, path, language)
    return "".join(lines[:start] + lines[end:])


def with_empty_language(data_text: str, path: tuple, language: str) -> tuple[str, int]:
    """The data file with this language's text left empty (`en: ''`), and that line (1-based)."""
    lines = data_text.splitlines(keepends=True)
    start, end = language_lines(data_text, path, language)
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    return "".join([*lines[:start], f"{indent}{language}: ''\n", *lines[end:]]), start + 1


def partnership_page(project: Path, language: str) -> str:
    data = publication_data("partnerships", project)
    record = data["partnerships"][RECORD_FIELD[1]]
    return LANGUAGES.root(language) + f"{data['page_folder']}/{record['id']}.html"


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite]:
    """The project with the record's text in the source language only, and its site."""
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    partnerships = project / "data" / "partnerships.yml"
    text = partnerships.read_text(encoding="utf-8")
    for language in LANGUAGES.translations:
        text = without_language(text, RECORD_FIELD, language)
    partnerships.write_text(text, encoding="utf-8")
    site_url = "http://127.0.0.1:8000/"
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination, site_url, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr, project=project)


def source_text(project: Path) -> str:
    return publication_data("partnerships", project)["partnerships"][RECORD_FIELD[1]][RECORD_FIELD[2]][LANGUAGES.source]


def test_the_check_accepts_a_text_not_yet_translated(untranslated: tuple[Path, BuiltSite]) -> None:
    project, _ = untranslated
    record = publication_data("partnerships", project)["partnerships"][RECORD_FIELD[1]]
    assert list(record[RECORD_FIELD[2]]) == [LANGUAGES.source]
    checked = microsite("check-data", project=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_missing_translation_shows_the_source_text_marked_and_with_a_notice(
    untranslated: tuple[Path, BuiltSite],
) -> None:
    project, site = untranslated
    summary = " ".join(source_text(project).split())
    for language in LANGUAGES.translations:
        page_text = (site.root / partnership_page(project, language)).read_text(encoding="utf-8")
        texts = texts_with_language(page_text)
        position = texts.index((LANGUAGES.source, summary))
        assert texts[position + 1] == (language, label(language, "untranslated.notice"))
        assert parse_html(page_text).find("html").attrs["lang"] == language
        # As plain text where no markup may stand: the page's description.
        description = parse_html(page_text).find("meta", name="description")
        assert description.attrs["content"] == source_text(project)


def test_the_record_stays_on_the_overview_of_every_language(untranslated: tuple[Path, BuiltSite]) -> None:
    project, site = untranslated
    summary = " ".join(source_text(project).split())
    for language in LANGUAGES.codes:
        overviews = [
            path
            for path in site.content_paths()
            if LANGUAGES.of_path(path) == language
            and "partnership-cards" in (site.root / path).read_text(encoding="utf-8")
        ]
        assert overviews, language
        for path in overviews:
            assert (LANGUAGES.source, summary) in texts_with_language((site.root / path).read_text(encoding="utf-8"))


def test_the_source_language_pages_showing_the_record_are_unchanged(
    untranslated: tuple[Path, BuiltSite], tmp_path: Path
) -> None:
    project, site = untranslated
    complete = tmp_path / "site"
    result = build_site(complete, site.site_url, config_file=assemble_publication(tmp_path / "project") / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (LANGUAGES.source, " ".join(source_text(project).split()))
    showing = [
        path
        for path in site.content_paths()
        if LANGUAGES.of_path(path) == LANGUAGES.source
        and summary in texts_with_language((complete / path).read_text(encoding="utf-8"))
    ]
    assert partnership_page(project, LANGUAGES.source) in showing
    for path in showing:
        assert (site.root / path).read_bytes() == (complete / path).read_bytes(), path


def test_an_empty_translation_is_still_refused_with_its_line(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    partnerships = project / "data" / "partnerships.yml"
    language = LANGUAGES.translations[0]
    text, line = with_empty_language(partnerships.read_text(encoding="utf-8"), RECORD_FIELD, language)
    partnerships.write_text(text, encoding="utf-8")
    checked = microsite("check-data", project=project)
    assert checked.returncode == 1
    assert f"data/partnerships.yml:{line}:" in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr
