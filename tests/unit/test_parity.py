"""The translation-parity check: one fixture pair per check that must fail with its exact finding,
pairs that must pass, outdated detection, output formats, exit status and the update command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import translation_parity
from site_model import ROOT

MKDOCS_YML = """\
site_name: Fixture
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: de
          default: true
          name: Deutsch
        - locale: en
          name: English
"""

SOURCE = """\
---
title: Seite
description: Eine Seite.
---

# Überschrift

Ein Absatz aus dem Jahr 1978 mit einem [Link](andere.md), <https://example.org/> und [Post](mailto:a@example.org).

## Abschnitt { #abschnitt }

- eins
- zwei

| a | b |
| --- | --- |
| 1 | 2 |

> Ein Zitat.

!!! note
    Ein Hinweis.

![Ein Bild](bild.png)

```text
code
```

<!-- data: timeline -->
"""

TRANSLATION = """\
---
title: Page
description: A page.
---

# Heading

A paragraph from the year 1978 with a [link](andere.md), <https://example.org/> and [mail](mailto:a@example.org).

## Section { #abschnitt }

- one
- two

| a | b |
| --- | --- |
| 1 | 2 |

> A quote.

!!! note
    A note.

![An image](bild.png)

```text
code
```

<!-- data: timeline -->
"""

OTHER = ("---\ntitle: Andere\n---\n\n# Andere\n", "---\ntitle: Other\n---\n\n# Other\n")

DATA = """\
# yaml-language-server: $schema=./timeline.schema.json
events:
  - id: start
    date: 1978
    title:
      de: Beginn
      en: Start
    place:
      de: Alpha
      en: Alpha  # parity-ignore: identical-translation
"""


def stamp(text: str, source: str) -> str:
    """The translation with its source's fingerprint in the front matter, as mark-translated writes it."""
    return text.replace("\n---\n", f'\ntranslated_from: "{translation_parity.fingerprint(source)}"\n---\n', 1)


def stamp_data(text: str) -> str:
    import yaml

    record = yaml.safe_load(text)["events"][0]
    return text.replace(
        "  - id: start\n",
        f'  - id: start\n    translated_from: "{translation_parity.record_fingerprint(record, "de")}"\n',
        1,
    )


def make_project(
    root: Path, source: str = SOURCE, translation: str | None = None, data: str | None = None, *, stamped: bool = True
) -> Path:
    translation = TRANSLATION if translation is None else translation
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for language, page, other in (("de", source, OTHER[0]), ("en", translation, OTHER[1])):
        folder = root / "docs" / language
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "seite.md").write_text(
            stamp(page, source) if language == "en" and stamped else page, encoding="utf-8"
        )
        (folder / "andere.md").write_text(stamp(other, OTHER[0]) if language == "en" else other, encoding="utf-8")
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "timeline.yml").write_text(stamp_data(DATA) if data is None else data, encoding="utf-8")
    return root


def findings_of(root: Path) -> list[str]:
    findings, _, _ = translation_parity.check_project(root)
    return [finding.text() for finding in findings]


def line_of(text: str, needle: str) -> int:
    """1-based line of `needle` in a page as written (the stamp adds one line to the front matter)."""
    return text.count("\n", 0, text.index(needle)) + 1


def test_a_translation_in_parity_has_no_findings(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path)) == []


def test_the_real_docs_and_data_are_in_parity() -> None:
    assert findings_of(ROOT) == []


EN = "docs/en/seite.md"
DE = "docs/de/seite.md"


def replaced(old: str, new: str) -> str:
    assert old in TRANSLATION
    return TRANSLATION.replace(old, new, 1)


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
    found = findings_of(make_project(tmp_path, translation=translation))
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
    }
    assert covered == set(translation_parity.CHECKS)


def test_missing_and_orphan_translations(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "en" / "andere.md").unlink()
    (project / "docs" / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    assert findings_of(project) == [
        "docs/de/andere.md:1: [missing-translation] no English translation: create docs/en/andere.md (same file name)",
        "docs/en/extra.md:1: [orphan-translation] no source docs/de/extra.md: rename this file to match its source, or delete it if the source was removed",
    ]


def test_untracked_translation(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path, stamped=False)) == [
        f"{EN}:1: [untracked-translation] no 'translated_from' in the front matter, so changes to {DE} cannot be noticed – "
        f"once this translation matches it, run: make translated FILES='{EN}'"
    ]


def test_outdated_without_history_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path)
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
    project = make_project(tmp_path)
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
    project = make_project(tmp_path, data=data)
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


def test_a_declaration_that_matches_nothing_in_data_is_reported(tmp_path: Path) -> None:
    data = stamp_data(DATA.replace("      en: Start\n", "      en: Start  # parity-ignore: identical-translation\n"))
    assert findings_of(make_project(tmp_path, data=data)) == [
        "data/timeline.yml:8: [unused-exemption] this line declares 'identical-translation', but its texts differ between languages – "
        "remove the '# parity-ignore: identical-translation' comment"
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


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "translation_parity.py"), *args], capture_output=True, text=True
    )


def test_command_line_formats_and_exit_status(tmp_path: Path) -> None:
    clean = make_project(tmp_path / "clean")
    assert run("check", str(clean)).returncode == 0
    translation = replaced("year 1978", "year 1979")
    line = line_of(stamp(translation, SOURCE), "A paragraph")
    drifted = make_project(tmp_path / "drifted", translation=translation)
    text = run("check", str(drifted))
    assert text.returncode == 1 and text.stdout.startswith(f"{EN}:{line}: [number] numbers differ")
    as_json = json.loads(run("check", "--format", "json", str(drifted)).stdout)
    assert [(item["file"], item["line"], item["check"], item["counterpart"]) for item in as_json] == [
        (EN, line, "number", DE)
    ]
    github = run("check", "--format", "github", str(drifted)).stdout
    assert github.startswith(f"::error file={EN},line={line},title=[number]::numbers differ: 1978 in {DE}:8")
    summary = tmp_path / "summary.md"
    assert run("check", "--summary", str(summary), str(drifted)).returncode == 1
    table = summary.read_text(encoding="utf-8")
    assert "**50 %** of page pairs in parity (1 of 2)" in table
    assert f"| `{DE}` | `{EN}` | ❌ 1 | number × 1 |" in table
    assert run("check", "--format", "xml", str(clean)).returncode == 2
    assert run("check", str(tmp_path / "nowhere")).returncode == 2


def test_the_check_changes_no_file(tmp_path: Path) -> None:
    project = make_project(tmp_path, translation=replaced("year 1978", "year 1979"), stamped=False)
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    assert run("check", str(project)).returncode == 1
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


def test_mark_translated_records_the_source_and_keeps_everything_else(tmp_path: Path) -> None:
    project = make_project(tmp_path, stamped=False, data=DATA)
    result = run("mark-translated", "--project", str(project), EN, "data/timeline.yml#start")
    assert result.returncode == 0, result.stderr
    assert findings_of(project) == []
    page = (project / EN).read_text(encoding="utf-8")
    verified = translation_parity.page_stamp(SOURCE, TRANSLATION)
    assert page == TRANSLATION.replace("\n---\n", f'\ntranslated_from: "{verified}"\n---\n', 1)
    assert (project / "data" / "timeline.yml").read_text(encoding="utf-8") == stamp_data(DATA)
    again = run("mark-translated", "--project", str(project), EN)
    assert again.returncode == 0 and (project / EN).read_text(encoding="utf-8") == page
    wrong = run("mark-translated", "--project", str(project), DE)
    assert wrong.returncode == 2 and "not a translation" in wrong.stderr


def test_drift_in_a_copy_of_the_real_site_fails_the_check_and_the_strict_build(tmp_path: Path) -> None:
    from conftest import build_site
    from test_data_pages import copy_project

    project = copy_project(tmp_path / "project")
    source = next(
        path
        for path in sorted((project / "docs" / "de").glob("*.md"))
        if any(ch.isdigit() for ch in path.read_text(encoding="utf-8").split("---", 2)[2])
    )
    text = source.read_text(encoding="utf-8")
    body_start = text.index("---", 3)
    number = next(word for word in text[body_start:].split() if word.isdigit())
    source.write_text(text[:body_start] + text[body_start:].replace(number, str(int(number) + 1), 1), encoding="utf-8")
    translation = f"docs/en/{source.name}"
    found = findings_of(project)
    assert any(f.startswith(f"{translation}:1: [outdated] docs/de/{source.name} changed") for f in found), found
    assert any(
        f"[number] numbers differ: {int(number) + 1} in docs/de/{source.name}" in f
        and f"{number} here but not there" in f
        for f in found
    ), found
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert f"WARNING -  {translation}:1: [outdated]" in result.stdout + result.stderr


def test_mark_translated_refuses_a_pair_that_is_not_in_step(tmp_path: Path) -> None:
    project = make_project(tmp_path, translation=replaced("year 1978", "year 1979"), stamped=False)
    before = (project / EN).read_bytes()
    result = run("mark-translated", "--project", str(project), EN)
    assert result.returncode == 2
    assert f"{EN} is not in step with its source yet, so it is not recorded as translated:" in result.stderr
    assert "[number] numbers differ" in result.stderr
    assert (project / EN).read_bytes() == before


def test_the_build_trusts_only_pairs_unchanged_since_they_were_verified(tmp_path: Path) -> None:
    project = make_project(tmp_path, stamped=False)
    translation_parity.mark_page(project, project / EN, ["de", "en"])
    assert translation_parity.verified_unchanged(SOURCE, (project / EN).read_text(encoding="utf-8"))
    assert translation_parity.check_project(project, trust_verified=True)[0] == []
    # Any edit to either side means the pair is compared again, in the build too.
    edited = (project / EN).read_text(encoding="utf-8").replace("year 1978", "year 1979")
    (project / EN).write_text(edited, encoding="utf-8")
    found = [f.text() for f in translation_parity.check_project(project, trust_verified=True)[0]]
    assert len(found) == 1 and "[number] numbers differ" in found[0]
