"""The translation-parity check on data files: texts missing, empty or identical in a language, keyed by
the project's languages, the `# parity-ignore:` declarations a data line makes, and a file that is not UTF-8."""

from __future__ import annotations

from pathlib import Path

from microsite import parity
from microsite.languages import Languages
from parity_project import DATA, findings_of, make_project, stamp_data


def test_data_texts_missing_empty_identical_untracked_and_outdated(tmp_path: Path) -> None:
    data = DATA.replace("      en: Start\n", "      en: ''\n").replace("  # parity-ignore: identical-translation", "")
    project = make_project(tmp_path / "project", data=data)
    assert findings_of(project) == [
        "data/timeline.yml:7: [data-translation] events, record 1 ('start'), title: the English text is empty – write it ('en: …')",
        "data/timeline.yml:10: [identical-translation] events, record 1 ('start'), place: 'Alpha' is the same in every language – translate it, or if it is a name, "
        "declare it with '# parity-ignore: identical-translation' at the end of this line",
        "data/timeline.yml:3: [untracked-translation] events, record 1 ('start') has no 'translated_from', so changes to its German texts cannot be noticed – "
        "once its translations match, run: make translated FILES='data/timeline.yml#start'",
    ]
    outdated = stamp_data(DATA).replace("de: Beginn", "de: Anfang")
    project = make_project(tmp_path / "outdated", data=outdated)
    assert findings_of(project) == [
        "data/timeline.yml:4: warning: [outdated] events, record 1 ('start'): its German text changed since the translation was brought in line (what changed cannot "
        "be shown: that version is not in this clone's git history (a shallow clone?)) – update the other languages, then run: "
        "make translated FILES='data/timeline.yml#start'"
    ]


def test_data_texts_are_keyed_by_the_languages_of_the_project(tmp_path: Path) -> None:
    data = stamp_data(DATA).replace("      en: Start\n", "      en: Start\n      fr: ''\n")
    project = make_project(tmp_path / "project", data=data)
    found = findings_of(project, Languages(("de", "en", "fr")))
    assert [text for text in found if "[data-translation]" in text] == [
        "data/timeline.yml:9: [data-translation] events, record 1 ('start'), title: the French text is empty – write it ('fr: …')",
        "data/timeline.yml:10: warning: [data-translation] events, record 1 ('start'), place: the French text is missing – write it ('fr: …')",
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


def test_a_data_file_that_is_not_utf8_is_left_to_the_data_check(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "data" / "timeline.yml").write_bytes(DATA.replace("de: Beginn", "de: Überblick").encode("latin-1"))
    result = parity.check_project(project)
    findings, data_files = result.findings, result.data_files
    assert (findings, data_files) == ([], [])
