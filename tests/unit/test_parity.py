"""The translation-parity check on pages: one fixture pair per check that must fail with its exact finding,
pairs that must pass, missing and orphan translations, declared differences, and pages as editors save them.

The fixture project (tests/fixtures/parity/, built by tests/parity_project.py) is a source page and its
translation in parity, a second pair, and a data file; each test copies it and changes what it is about.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from microsite import parity
from microsite.findings import Finding
from microsite.parity.report import Report
from parity_project import (
    DE,
    EN,
    FIXTURE,
    GERMAN,
    PARAGRAPH_DE,
    PARAGRAPH_EN,
    SOURCE,
    TRANSLATION,
    findings_of,
    line_of,
    make_project,
    replaced,
    saved_by_another_editor,
    stamp,
)
from project import microsite


def test_a_translation_in_parity_has_no_findings(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path / "project")) == []


def test_the_fixture_publication_is_in_parity(publication_project: Path) -> None:
    assert findings_of(publication_project) == []


# (check id, the changed translation, the finding's line in the stamped translation, its message)
FAILING_PAIRS = [
    (
        "front-matter-keys",
        replaced("description: A page.\n", ""),
        1,
        f"front matter lacks 'description', which {DE}:{line_of(SOURCE, 'description:')} has – add 'description:' with the translated value",
    ),
    (
        "heading-structure",
        replaced("## Section", "### Section"),
        "### Section",
        f"heading 2 is level 3 here but level 2 in {DE}:10 ('Abschnitt') – use the same level",
    ),
    (
        "heading-id",
        replaced("{ #abschnitt }", "{ #section }"),
        "## Section",
        f"heading 2 has id 'section' here but 'abschnitt' in {DE}:10 – use the same explicit id, so that links to it work in both languages",
    ),
    (
        "block-structure",
        replaced("- two\n", "- two\n- three\n"),
        "- three",
        f"the structure differs from {DE} from here on: a list item here, a table in {DE}:{line_of(SOURCE, '| a |')} (3 list items here, 2 there) – give the translation the same paragraphs, lists, tables, quotes and admonitions",
    ),
    (
        "code-block",
        replaced("```text\ncode\n", "```text\nkode\n"),
        "```text",
        f"this code block differs from the one in {DE}:26 – code blocks must be identical in every language",
    ),
    (
        "image",
        replaced("![An image](bild.png)", "An image"),
        "An image",
        f"image 'bild.png' in {DE}:24 is missing here – add the image, with alt text in this language",
    ),
    (
        "data-marker",
        replaced("<!-- data: timeline -->", "<!-- data: networks -->"),
        "<!-- data: networks",
        f"this data marker differs from the one in {DE}:30 – data markers must be identical in every language",
    ),
    (
        "internal-link",
        replaced("[link](andere.md)", "[link](other.md)"),
        "A paragraph",
        f"link to 'andere.md' in {DE}:8 is missing here – link to the same page (the path is the same in every language)",
    ),
    (
        "external-link",
        replaced("<https://example.org/>", "<https://example.com/>"),
        "A paragraph",
        f"link to 'https://example.org/' in {DE}:8 is missing here – use the same address, or declare a localized one with <!-- parity-ignore: external-link -->",
    ),
    (
        "mailto",
        replaced("mailto:a@example.org", "mailto:b@example.org"),
        "A paragraph",
        f"e-mail link 'mailto:a@example.org' in {DE}:8 is missing here – use the same address",
    ),
    (
        "number",
        replaced("year 1978", "year 1979"),
        "A paragraph",
        f"numbers differ: 1978 in {DE}:8 but not here; 1979 here but not there – check the figures, years and dates",
    ),
    (
        "untranslated-block",
        replaced(PARAGRAPH_EN, PARAGRAPH_DE),
        "Ein Absatz",
        f"this paragraph is the same as in {DE}:8 – translate it; if it is meant to stay as it is (a name, a quotation), "
        "put <!-- parity-ignore: untranslated-block --> on the line before it",
    ),
    (
        "wrong-language",
        replaced("> A quote.", f"> {GERMAN}"),
        "> Dieses",
        "this block quote is in German, but the page is in English – write it in English; if it is meant to stay so "
        "(a name, a quotation), put <!-- parity-ignore: wrong-language --> on the line before it",
    ),
    (
        "unused-exemption",
        replaced("> A quote.", "<!-- parity-ignore: number -->\n> A quote."),
        "<!-- parity-ignore",
        "'number' is declared here but nothing differs – remove the declaration",
    ),
]


@pytest.mark.parametrize(
    ("check", "translation", "where", "message"), FAILING_PAIRS, ids=[case[0] for case in FAILING_PAIRS]
)
def test_each_check_reports_its_finding(
    tmp_path: Path, check: str, translation: str, where: str | int, message: str
) -> None:
    stamped = stamp(translation, SOURCE)
    line = where if isinstance(where, int) else line_of(stamped, where)
    found = findings_of(make_project(tmp_path / "project", translation=translation))
    assert f"{EN}:{line}: [{check}] {message}" in found, "\n".join(found)
    # Only the intended drift: one check, possibly on more than one spot.
    assert {text.split("] ")[0].split("[")[1] for text in found} == {check}


def test_every_check_has_a_failing_fixture_or_a_test_of_its_own() -> None:
    covered = {case[0] for case in FAILING_PAIRS} | {
        "missing-translation",
        "orphan-translation",
        "untracked-translation",
        "outdated",
        "data-translation",
        "identical-translation",
        "unreadable-page",
        # tests/unit/test_parity_images.py
        "image-file",
        "invisible-character",
        # tests/unit/test_interface_words.py
        "interface-words",
    }
    assert covered == set(parity.CHECKS)


def test_data_markers_are_compared_as_the_rendering_reads_them(tmp_path: Path) -> None:
    spaced = replaced("<!-- data: timeline -->", "<!--data:   timeline  -->")
    assert findings_of(make_project(tmp_path / "project", translation=spaced)) == []


def test_missing_and_orphan_translations(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "en" / "andere.md").unlink()
    (project / "docs" / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    assert findings_of(project) == [
        "docs/de/andere.md:1: warning: [missing-translation] no English translation: create docs/en/andere.md (same file name)",
        "docs/en/extra.md:1: [orphan-translation] no source docs/de/extra.md: rename this file to match its source, or delete it if the source was removed",
    ]


def test_an_invisible_character_in_a_page_name_is_named_in_every_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for language in ("de", "en"):
        (project / "docs" / language / "andere.md").rename(project / "docs" / language / "an\u00addere.md")
    todo = "delete it: rename the file (in every language folder)"
    assert findings_of(project) == [
        f"docs/{language}/an\u00addere.md:1: [invisible-character] the file name has an invisible character, "
        f"U+00AD SOFT HYPHEN, after 'an' – {todo}"
        for language in ("de", "en")
    ]


def test_declared_differences_pass(tmp_path: Path) -> None:
    localized = replaced("<https://example.org/>", "<https://example.com/>").replace(
        "A paragraph", "<!-- parity-ignore: external-link -->\n\nA paragraph", 1
    )
    assert findings_of(make_project(tmp_path / "inline", translation=localized)) == []
    page_wide = replaced("year 1978", "year 1979").replace(
        "description: A page.\n", "description: A page.\nparity_ignore: [number]\n"
    )
    assert findings_of(make_project(tmp_path / "page", translation=page_wide)) == []


def test_a_page_that_is_not_utf8_is_a_finding_with_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    shutil.copy(FIXTURE / "unreadable" / "latin-1.md", project / EN)
    expected = (
        f"{EN}:5:3: [unreadable-page] cannot read this page: byte 0xDC is not UTF-8 – it was saved in another encoding "
        "(such as Latin-1 or Windows-1252); save it as UTF-8"
    )
    assert findings_of(project) == [expected]
    command_line = microsite("parity", "--project", str(project))
    assert (command_line.returncode, command_line.stdout) == (1, expected + "\n")
    refused = microsite("translated", "--project", str(project), EN)
    assert (refused.returncode, refused.stderr) == (2, f"error: {expected}\n")


def test_front_matter_keys_that_are_not_text_are_compared_too(tmp_path: Path) -> None:
    source = SOURCE.replace("description: Eine Seite.\n", "description: Eine Seite.\n1: eins\n~: nichts\n")
    assert findings_of(make_project(tmp_path / "project", source=source)) == [
        f"{EN}:1: [front-matter-keys] front matter lacks '{key}', which {DE}:{line_of(source, written)} has – "
        f"add '{key}:' with the translated value"
        for key, written in (("1", "1:"), ("None", "~:"))
    ]


def test_a_front_matter_key_the_source_lacks_is_named_on_its_line(tmp_path: Path) -> None:
    translation = replaced("description: A page.\n", "description: A page.\nsubtitle: More.\n")
    assert findings_of(make_project(tmp_path / "project", translation=translation)) == [
        f"{EN}:{line_of(stamp(translation, SOURCE), 'subtitle:')}: [front-matter-keys] front matter has 'subtitle', "
        f"which {DE} lacks – remove it here or add it there"
    ]


def test_a_folder_named_like_a_page_is_no_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "de" / "folder.md").mkdir()
    assert findings_of(project) == []


def test_a_finding_is_reported_once_however_often_it_is_found() -> None:
    report = Report()
    finding = Finding(DE, 3, "this block quote is in English, but the page is in German", "wrong-language")
    report.add(finding)
    report.add(finding)
    assert report.findings == [finding]


def test_a_byte_order_mark_and_windows_line_endings_change_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for page in (DE, EN):
        saved_by_another_editor(project / page)
    assert findings_of(project) == []
    unstamped = make_project(tmp_path / "unstamped", stamped=False)
    saved_by_another_editor(unstamped / EN)
    assert microsite("translated", "--project", str(unstamped), EN).returncode == 0
    assert findings_of(unstamped) == []


def test_where_the_blocks_do_not_line_up_each_finding_names_the_lines_that_differ(tmp_path: Path) -> None:
    """A block left out of the translation: the rest is still compared block by block, so a changed
    number is named on its own line and its source's, not on the page's first line or heading."""
    translation = replaced("> A quote.\n\n", "").replace("year 1978", "year 1979", 1)
    stamped = stamp(translation, SOURCE)
    assert findings_of(make_project(tmp_path / "project", translation=translation)) == [
        f"{EN}:{line_of(stamped, '!!! note')}: [block-structure] the structure differs from {DE} from here on: an "
        f"admonition here, a block quote in {DE}:{line_of(SOURCE, '> Ein Zitat')} (0 block quotes here, 1 there; 3 paragraphs "
        "here, 4 there) – give the translation the same paragraphs, lists, tables, quotes and admonitions",
        f"{EN}:{line_of(stamped, 'A paragraph')}: [number] numbers differ: 1978 in {DE}:{line_of(SOURCE, 'Ein Absatz')} "
        "but not here; 1979 here but not there – check the figures, years and dates",
    ]
    # Two paragraphs the translation lacks: each link is named with the line of its own paragraph.
    source = SOURCE.replace(
        "<!-- data: timeline -->", "<!-- data: timeline -->\n\nMit [Link](dritte.md).\n\n[Und](v.md)."
    )
    found = findings_of(make_project(tmp_path / "link", source=source))
    assert [text for text in found if "[internal-link]" in text] == [
        f"{EN}:{line_of(stamp(TRANSLATION, source), '<!-- data')}: [internal-link] link to '{target}' in "
        f"{DE}:{line_of(source, written)} is missing here – link to the same page (the path is the same in every language)"
        for target, written in (("dritte.md", "Mit [Link]"), ("v.md", "[Und]"))
    ], found
