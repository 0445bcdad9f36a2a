"""The generator's interface words (hooks/microsite/words/): read from one YAML file per language, and held
complete by the parity check, each missing, left-over or unreadable word a finding at its file and line with
what to do, never a KeyError. The cases change copies of the word files in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from microsite.languages import Languages
from microsite.parity import check_words
from microsite.problems import Problem
from microsite.words import FOLDER, read_words

GERMAN_AND_ENGLISH = Languages(("de", "en"))


def word_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "words"
    folder.mkdir()
    for name in ("de.yml", "en.yml"):
        shutil.copy(FOLDER / name, folder / name)
    return folder


def line_of(path: Path, start: str) -> int:
    """The number of the first line of `path` that starts with `start`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


def without_line(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line for line in lines if not line.startswith(start)), encoding="utf-8")


def replaced(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(folder: Path, languages: Languages = GERMAN_AND_ENGLISH) -> list[str]:
    return [finding.text() for finding in check_words(read_words(languages, folder), languages)]


def test_the_generator_has_every_word_in_every_language_it_ships() -> None:
    words = read_words(GERMAN_AND_ENGLISH)
    assert check_words(words, GERMAN_AND_ENGLISH) == []
    assert set(words.files) == {"de", "en"}
    assert words.label("en", "articles.page", number=3) == "Page 3"


def test_a_word_missing_in_a_translation_names_where_to_add_it(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    before = line_of(folder / "en.yml", "projects:") - 1
    without_line(folder / "en.yml", "projects:")
    source_line = line_of(folder / "de.yml", "projects:")
    en = folder / "en.yml"
    assert found(folder) == [
        f"{en}:{before}: [interface-words] no `projects:` – add it to {en}, in English, as in de.yml line {source_line}"
    ]


def test_a_word_only_a_translation_has_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    with (folder / "en.yml").open("a", encoding="utf-8") as words:
        words.write("leftover: Left over\n")
    line = line_of(folder / "en.yml", "leftover:")
    assert found(folder) == [
        f"{folder / 'en.yml'}:{line}: [interface-words] `leftover:` is not in de.yml, the source language's words – "
        "remove it, or add it to de.yml (and every other language's file) if a page needs it"
    ]


def test_a_word_file_that_is_no_valid_yaml_is_a_finding_at_its_line(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    replaced(folder / "en.yml", "projects: Projects", 'projects: "Projects')
    findings = check_words(read_words(GERMAN_AND_ENGLISH, folder), GERMAN_AND_ENGLISH)
    assert [(finding.file, finding.check) for finding in findings] == [(str(folder / "en.yml"), "interface-words")]
    assert findings[0].line == line_of(folder / "en.yml", "projects:")
    assert "never closed" in findings[0].message


def test_a_language_without_a_word_file_is_told_which_file_to_create(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    fr = folder / "fr.yml"
    assert found(folder, Languages(("de", "en", "fr"))) == [
        f"{fr}:1: [interface-words] no interface words in French, which the site builds: create {fr} with every "
        "key of de.yml, in French"
    ]


def test_a_counted_word_has_a_text_for_each_plural_form_of_its_language(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    without_line(folder / "en.yml", "  two:")
    replaced(folder / "de.yml", '  other: "{day}."', '  one: "{day}."\n  other: "{day}."')
    line = line_of(folder / "de.yml", '  one: "{day}."')
    assert found(folder) == [
        f"{folder / 'de.yml'}:{line}: [interface-words] `date.ordinal:` has a `one:`, which German ordinal numbers "
        "never take (`other:`) – remove it",
        f"{folder / 'en.yml'}:{line_of(folder / 'en.yml', 'date.ordinal:')}: [interface-words] `date.ordinal:` has "
        "no `two:` – English ordinal numbers take the forms `one:`, `two:`, `few:`, `other:`: add `two:`",
    ]


def test_a_translation_fills_in_the_names_its_source_fills_in(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    replaced(folder / "en.yml", "Page {number}", "Page {numero}")
    en, line = folder / "en.yml", line_of(folder / "en.yml", "articles.page:")
    assert found(folder) == [
        f"{en}:{line}: [interface-words] `articles.page:` fills in {{numero}} – de.yml line "
        f"{line_of(folder / 'de.yml', 'articles.page:')} fills in {{number}}: use the same names, untranslated"
    ]


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [("de", 2, "2."), ("en", 1, "1st"), ("en", 2, "2nd"), ("en", 3, "3rd"), ("en", 11, "11th"), ("en", 22, "22nd")],
)
def test_a_counted_word_takes_the_plural_form_of_its_number(language: str, day: int, expected: str) -> None:
    assert read_words(GERMAN_AND_ENGLISH).counted(language, "date.ordinal", day, day=day) == expected


def test_a_word_a_page_asks_for_in_vain_is_a_problem_with_what_to_do(tmp_path: Path) -> None:
    folder = word_folder(tmp_path)
    without_line(folder / "en.yml", "projects:")
    words = read_words(GERMAN_AND_ENGLISH, folder)
    with pytest.raises(Problem) as missing:
        words.label("en", "projects")
    assert str(missing.value) == (
        f"{folder / 'en.yml'}:1: [interface-words] no `projects:` – add it, in English, as in de.yml line "
        f"{line_of(folder / 'de.yml', 'projects:')}"
    )
    with pytest.raises(Problem) as unfillable:
        words.label("en", "articles.page", page=2)
    assert str(unfillable.value) == (
        f"{folder / 'en.yml'}:{line_of(folder / 'en.yml', 'articles.page:')}: [interface-words] `articles.page:` "
        "fills in what cannot be filled in here – use only {page}"
    )
