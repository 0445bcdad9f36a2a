"""The translation-parity check: one fixture pair per check that must fail with its exact finding,
pairs that must pass, outdated detection, output formats, exit status and the `translated` command.

The fixture project (tests/fixtures/parity/) is a source page and its translation in parity, a second
pair, and a data file; each test copies it and changes what it is about.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from microsite import parity
from microsite.data.yaml_positions import PlainLoader
from microsite.findings import Finding
from microsite.languages import Languages
from microsite.parity.data_texts import record_fingerprint
from microsite.parity.report import Report
from microsite.parity.stamps import fingerprint, page_stamp, verified_unchanged
from microsite.parity.text_language import judged_words, language_of
from project import ROOT, microsite

FIXTURE = ROOT / "tests" / "fixtures" / "parity"
LANGUAGES = Languages.of_project(FIXTURE)
SOURCE = (FIXTURE / "docs" / "de" / "seite.md").read_text(encoding="utf-8")
TRANSLATION = (FIXTURE / "docs" / "en" / "seite.md").read_text(encoding="utf-8")
OTHER = tuple((FIXTURE / "docs" / language / "andere.md").read_text(encoding="utf-8") for language in ("de", "en"))
DATA = (FIXTURE / "data" / "timeline.yml").read_text(encoding="utf-8")


def stamp(text: str, source: str) -> str:
    """The translation with its source's fingerprint in the front matter, as the `translated` command writes it."""
    return text.replace("\n---\n", f'\ntranslated_from: "{fingerprint(source)}"\n---\n', 1)


def stamp_data(text: str) -> str:
    record = yaml.load(text, Loader=PlainLoader)["events"][0]
    return text.replace(
        "  - id: start\n",
        f'  - id: start\n    translated_from: "{record_fingerprint(record, LANGUAGES)}"\n',
        1,
    )


def make_project(
    root: Path, source: str = SOURCE, translation: str | None = None, data: str | None = None, *, stamped: bool = True
) -> Path:
    """A copy of the fixture project with these texts; its translations stamped unless told otherwise."""
    translation = TRANSLATION if translation is None else translation
    shutil.copytree(FIXTURE, root)
    for language, page, other in (("de", source, OTHER[0]), ("en", translation, OTHER[1])):
        folder = root / "docs" / language
        (folder / "seite.md").write_text(
            stamp(page, source) if language == "en" and stamped else page, encoding="utf-8"
        )
        (folder / "andere.md").write_text(stamp(other, OTHER[0]) if language == "en" else other, encoding="utf-8")
    (root / "data" / "timeline.yml").write_text(stamp_data(DATA) if data is None else data, encoding="utf-8")
    return root


def findings_of(root: Path, languages: Languages | None = None) -> list[str]:
    findings, _, _ = parity.check_project(root, languages)
    return [finding.text() for finding in findings]


def line_of(text: str, needle: str) -> int:
    """1-based line of `needle` in a page as written (the stamp adds one line to the front matter)."""
    return text.count("\n", 0, text.index(needle)) + 1


def test_a_translation_in_parity_has_no_findings(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path / "project")) == []


def test_the_real_docs_and_data_are_in_parity() -> None:
    assert findings_of(ROOT) == []


EN = "docs/en/seite.md"
DE = "docs/de/seite.md"


def replaced(old: str, new: str) -> str:
    assert old in TRANSLATION
    return TRANSLATION.replace(old, new, 1)


PARAGRAPH_DE = next(line for line in SOURCE.splitlines() if line.startswith("Ein Absatz"))
PARAGRAPH_EN = next(line for line in TRANSLATION.splitlines() if line.startswith("A paragraph"))
GERMAN = "Dieses Zitat hat jemand beim Übersetzen vergessen, es steht noch immer auf Deutsch da."
ENGLISH = "This quotation was left in English, although the page around it is written in German."

# (check id, the changed translation, the finding's line in the stamped translation, its message)
FAILING_PAIRS = [
    (
        "front-matter-keys",
        replaced("description: A page.\n", ""),
        1,
        f"front matter lacks 'description', which {DE} has – add 'description:' with the translated value",
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
        "- one",
        f"the structure differs from {DE} (from {DE}:12 on): 3 list items here, 2 there – give the translation the same paragraphs, lists, tables, quotes and admonitions",
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
        "docs/de/andere.md:1: [missing-translation] no English translation: create docs/en/andere.md (same file name)",
        "docs/en/extra.md:1: [orphan-translation] no source docs/de/extra.md: rename this file to match its source, or delete it if the source was removed",
    ]


def test_untracked_translation(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path / "project", stamped=False)) == [
        f"{EN}:1: [untracked-translation] no 'translated_from' in the front matter, so changes to {DE} cannot be noticed – "
        f"once this translation matches it, run: make translated FILES='{EN}'"
    ]


def test_outdated_without_history_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    assert findings_of(project) == [
        f"{EN}:1: [outdated] {DE} changed since this translation was brought in line (what changed cannot be shown: the version it was "
        "translated from is not in this clone's git history (a shallow clone?); compare by hand) – update the translation, then run: "
        f"make translated FILES='{EN}'"
    ]


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@localhost", *args],
        check=True,
        capture_output=True,
    )


def test_outdated_with_history_names_what_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "translated")
    changed = SOURCE.replace("Ein Zitat.", "Ein neues Zitat.")
    (project / DE).write_text(changed, encoding="utf-8")
    git(project, "commit", "-qam", "source changed")
    assert findings_of(project) == [
        f"{EN}:1: [outdated] {DE} changed since this translation was brought in line (new or changed since: {DE}:{line_of(changed, '> Ein neues')}) – "
        f"update the translation, then run: make translated FILES='{EN}'"
    ]


def test_data_texts_missing_empty_identical_untracked_and_outdated(tmp_path: Path) -> None:
    data = DATA.replace("      en: Start\n", "      en: ''\n").replace("  # parity-ignore: identical-translation", "")
    project = make_project(tmp_path / "project", data=data)
    assert findings_of(project) == [
        "data/timeline.yml:7: [data-translation] events[0].title: the English text is empty – write it ('en: …')",
        "data/timeline.yml:10: [identical-translation] events[0].place: 'Alpha' is the same in every language – translate it, or if it is a name, "
        "declare it with '# parity-ignore: identical-translation' at the end of this line",
        "data/timeline.yml:3: [untracked-translation] events[0] ('start') has no 'translated_from', so changes to its German texts cannot be noticed – "
        "once its translations match, run: make translated FILES='data/timeline.yml#start'",
    ]
    outdated = stamp_data(DATA).replace("de: Beginn", "de: Anfang")
    project = make_project(tmp_path / "outdated", data=outdated)
    assert findings_of(project) == [
        "data/timeline.yml:4: [outdated] events[0] ('start'): its German text changed since the translation was brought in line (what changed cannot "
        "be shown: that version is not in this clone's git history (a shallow clone?)) – update the other languages, then run: "
        "make translated FILES='data/timeline.yml#start'"
    ]


def test_outdated_data_with_history_names_the_new_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "translated")
    data = project / "data" / "timeline.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("de: Beginn", "de: Anfang"), encoding="utf-8")
    git(project, "commit", "-qam", "source changed")
    assert findings_of(project) == [
        "data/timeline.yml:4: [outdated] events[0] ('start'): its German text changed since the translation was brought in line (now: 'Anfang') – "
        "update the other languages, then run: make translated FILES='data/timeline.yml#start'"
    ]


def test_data_texts_are_keyed_by_the_languages_of_the_project(tmp_path: Path) -> None:
    data = stamp_data(DATA).replace("      en: Start\n", "      en: Start\n      fr: ''\n")
    project = make_project(tmp_path / "project", data=data)
    found = findings_of(project, Languages(("de", "en", "fr")))
    assert [text for text in found if "[data-translation]" in text] == [
        "data/timeline.yml:9: [data-translation] events[0].title: the French text is empty – write it ('fr: …')",
        "data/timeline.yml:10: [data-translation] events[0].place: the French text is missing – write it ('fr: …')",
    ]


def test_a_declaration_that_matches_nothing_in_data_is_reported(tmp_path: Path) -> None:
    data = stamp_data(DATA.replace("      en: Start\n", "      en: Start  # parity-ignore: identical-translation\n"))
    assert findings_of(make_project(tmp_path / "project", data=data)) == [
        "data/timeline.yml:8: [unused-exemption] this line declares 'identical-translation', but its texts differ between languages – "
        "remove the '# parity-ignore: identical-translation' comment"
    ]


def test_every_check_a_data_line_declares_counts(tmp_path: Path) -> None:
    declaring_two = "      en: Start  # parity-ignore: identical-translation, number\n"
    data = stamp_data(DATA.replace("      en: Start\n", declaring_two))
    assert findings_of(make_project(tmp_path / "project", data=data)) == [
        f"data/timeline.yml:8: [unused-exemption] this line declares '{check}', but its texts differ between languages – "
        f"remove the '# parity-ignore: {check}' comment"
        for check in ("identical-translation", "number")
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


def test_command_line_formats_and_exit_status(tmp_path: Path) -> None:
    clean = make_project(tmp_path / "clean")
    assert microsite("parity", "--project", str(clean)).returncode == 0
    translation = replaced("year 1978", "year 1979")
    line = line_of(stamp(translation, SOURCE), "A paragraph")
    drifted = make_project(tmp_path / "drifted", translation=translation)
    text = microsite("parity", "--project", str(drifted))
    assert text.returncode == 1 and text.stdout.startswith(f"{EN}:{line}: [number] numbers differ")
    as_json = json.loads(microsite("parity", "--format", "json", "--project", str(drifted)).stdout)
    assert [(item["file"], item["line"], item["check"], item["counterpart"]) for item in as_json] == [
        (EN, line, "number", DE)
    ]
    github = microsite("parity", "--format", "github", "--project", str(drifted)).stdout
    assert github.startswith(
        f"::error file={EN},line={line},title=[number]::{EN}:{line}: [number] numbers differ: 1978 in {DE}:8"
    )
    summary = tmp_path / "summary.md"
    assert microsite("parity", "--summary", str(summary), "--project", str(drifted)).returncode == 1
    table = summary.read_text(encoding="utf-8")
    assert "**67 %** of pages and data files in parity (2 of 3)" in table
    assert f"| `{DE}` | `{EN}` | ❌ 1 | number × 1 |" in table
    assert microsite("parity", "--format", "xml", "--project", str(clean)).returncode == 2
    assert microsite("parity", "--project", str(tmp_path / "nowhere")).returncode == 2


def test_the_check_changes_no_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", translation=replaced("year 1978", "year 1979"), stamped=False)
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    assert microsite("parity", "--project", str(project)).returncode == 1
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


def test_mark_translated_records_the_source_and_keeps_everything_else(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", stamped=False, data=DATA)
    result = microsite("translated", "--project", str(project), EN, "data/timeline.yml#start")
    assert result.returncode == 0, result.stderr
    assert findings_of(project) == []
    page = (project / EN).read_text(encoding="utf-8")
    verified = page_stamp(SOURCE, TRANSLATION)
    assert page == TRANSLATION.replace("\n---\n", f'\ntranslated_from: "{verified}"\n---\n', 1)
    assert (project / "data" / "timeline.yml").read_text(encoding="utf-8") == stamp_data(DATA)
    again = microsite("translated", "--project", str(project), EN)
    assert again.returncode == 0 and (project / EN).read_text(encoding="utf-8") == page
    wrong = microsite("translated", "--project", str(project), DE)
    assert wrong.returncode == 2 and "not a translation" in wrong.stderr


def test_mark_translated_refuses_a_pair_that_is_not_in_step(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", translation=replaced("year 1978", "year 1979"), stamped=False)
    before = (project / EN).read_bytes()
    result = microsite("translated", "--project", str(project), EN)
    assert result.returncode == 2
    assert f"{EN} is not in step with its source yet, so it is not recorded as translated:" in result.stderr
    assert "[number] numbers differ" in result.stderr
    assert (project / EN).read_bytes() == before


def test_the_build_trusts_only_pairs_unchanged_since_they_were_verified(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", stamped=False)
    parity.mark_page(project, project / EN, LANGUAGES)
    assert verified_unchanged(SOURCE, (project / EN).read_text(encoding="utf-8"))
    assert parity.check_project(project, trust_verified=True)[0] == []
    # Any edit to either side means the pair is compared again, in the build too.
    edited = (project / EN).read_text(encoding="utf-8").replace("year 1978", "year 1979")
    (project / EN).write_text(edited, encoding="utf-8")
    found = [f.text() for f in parity.check_project(project, trust_verified=True)[0]]
    assert len(found) == 1 and "[number] numbers differ" in found[0]


def declared(text: str, before: str, check: str) -> str:
    """The text with `<!-- parity-ignore: check -->` on the line before the block that starts with `before`."""
    return text.replace(before, f"<!-- parity-ignore: {check} -->\n{before}", 1)


# Translations (and sources) that must pass: what is legitimately the same, or declared so.
PASSING_PAIRS = {
    "a copied paragraph, declared": (
        SOURCE,
        declared(replaced(PARAGRAPH_EN, PARAGRAPH_DE), "Ein Absatz", "untranslated-block"),
    ),
    "German in the English page, declared": (
        SOURCE,
        declared(replaced("> A quote.", f"> {GERMAN}"), "> Dieses", "wrong-language"),
    ),
    "German in the English page, declared for the page": (
        SOURCE,
        replaced("> A quote.", f"> {GERMAN}").replace(
            "description: A page.\n", "description: A page.\nparity_ignore: [wrong-language]\n"
        ),
    ),
    "an English quotation in both, declared in the source": (
        declared(SOURCE.replace("> Ein Zitat.", f"> {ENGLISH}"), f"> {ENGLISH}", "wrong-language"),
        replaced("> A quote.", f"> {ENGLISH}"),
    ),
    "names with an attribute list, which is no words": (
        SOURCE.replace("> Ein Zitat.", "> Alpha Beta Gamma Delta Epsilon\n> { .byline }"),
        replaced("> A quote.", "> Alpha Beta Gamma Delta Epsilon\n> { .byline }"),
    ),
    "names, too few words to judge": (
        SOURCE.replace("> Ein Zitat.", "> Alpha Beta und Gamma Delta"),
        replaced("> A quote.", "> Alpha Beta und Gamma Delta"),
    ),
}


@pytest.mark.parametrize(("source", "translation"), PASSING_PAIRS.values(), ids=PASSING_PAIRS.keys())
def test_what_is_legitimately_in_one_language_passes(tmp_path: Path, source: str, translation: str) -> None:
    assert findings_of(make_project(tmp_path / "project", source=source, translation=translation)) == []


def test_a_block_in_the_wrong_language_is_found_in_source_pages_too(tmp_path: Path) -> None:
    source = SOURCE.replace("> Ein Zitat.", f"> {ENGLISH}")
    assert findings_of(make_project(tmp_path / "project", source=source)) == [
        f"{DE}:{line_of(source, '> This')}: [wrong-language] this block quote is in English, but the page is in German – write it in German; "
        "if it is meant to stay so (a name, a quotation), put <!-- parity-ignore: wrong-language --> on the line before it"
    ]


def test_a_declaration_for_a_block_that_is_translated_is_reported(tmp_path: Path) -> None:
    translation = declared(TRANSLATION, "A paragraph", "untranslated-block")
    assert findings_of(make_project(tmp_path / "project", translation=translation)) == [
        f"{EN}:{line_of(stamp(translation, SOURCE), '<!-- parity-ignore')}: [unused-exemption] 'untranslated-block' is declared here "
        "but nothing differs – remove the declaration"
    ]


def test_a_data_text_in_the_wrong_language(tmp_path: Path) -> None:
    data = stamp_data(DATA).replace("      en: Start\n", f"      en: {GERMAN}\n")
    message = (
        "events[0].title.en: this text is in German, not in English – write it in English; if it is meant to stay so "
        "(a name, a quotation), declare it with '# parity-ignore: wrong-language' at the end of this line"
    )
    assert findings_of(make_project(tmp_path / "project", data=data)) == [
        f"data/timeline.yml:8: [wrong-language] {message}"
    ]
    declaring = data.replace(f"en: {GERMAN}\n", f"en: {GERMAN}  # parity-ignore: wrong-language\n")
    assert findings_of(make_project(tmp_path / "declared", data=declaring)) == []
    needless = stamp_data(DATA).replace("      en: Start\n", f"      en: {ENGLISH}  # parity-ignore: wrong-language\n")
    assert findings_of(make_project(tmp_path / "needless", data=needless)) == [
        "data/timeline.yml:8: [unused-exemption] this line declares 'wrong-language', but its text is not surely in another "
        "language than its key's – remove the '# parity-ignore: wrong-language' comment"
    ]


def test_the_build_does_not_load_the_language_model_for_pairs_verified_unchanged(tmp_path: Path) -> None:
    """The model takes most of a second to load; a build whose pairs are all verified does not need it."""
    # A German text under 'en', declared: the build neither tells its language nor reports the declaration unused.
    declared_german = f"      en: {GERMAN}  # parity-ignore: wrong-language\n"
    project = make_project(tmp_path / "project", data=stamp_data(DATA).replace("      en: Start\n", declared_german))
    parity.mark_page(project, project / EN, LANGUAGES)
    parity.mark_page(project, project / "docs" / "en" / "andere.md", LANGUAGES)
    build_like = (
        "import sys; from pathlib import Path; from microsite.parity import check_project; "
        f"found = check_project(Path({str(project)!r}), trust_verified=True)[0]; "
        "print(len(found), 'py3langid.langid' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", build_like],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["0", "False"], result.stderr


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
        f"{EN}:1: [front-matter-keys] front matter lacks '{key}', which {DE} has – add '{key}:' with the translated value"
        for key in ("1", "None")
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


def test_languages_are_told_only_among_the_publication_s_and_only_if_the_model_knows_them_all() -> None:
    assert language_of(judged_words(GERMAN), ("de", "en_GB")) == "de"
    assert language_of(judged_words(ENGLISH), ("de", "en_GB")) == "en_GB"
    assert language_of(judged_words(GERMAN), ("de", "xx")) is None
    assert language_of(judged_words("Alpha Beta und Gamma Delta"), ("de", "en")) is None


def saved_by_another_editor(path: Path) -> None:
    """The page as some editors save it: with a byte-order mark and Windows line endings."""
    path.write_bytes(codecs.BOM_UTF8 + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))


def test_a_byte_order_mark_and_windows_line_endings_change_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for page in (DE, EN):
        saved_by_another_editor(project / page)
    assert findings_of(project) == []
    unstamped = make_project(tmp_path / "unstamped", stamped=False)
    saved_by_another_editor(unstamped / EN)
    assert microsite("translated", "--project", str(unstamped), EN).returncode == 0
    assert findings_of(unstamped) == []


def test_a_data_file_that_is_not_utf8_is_left_to_the_data_check(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "data" / "timeline.yml").write_bytes(DATA.replace("de: Beginn", "de: Überblick").encode("latin-1"))
    findings, _, data_files = parity.check_project(project)
    assert (findings, data_files) == ([], [])
