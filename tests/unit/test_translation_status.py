"""Where each translation stands, as readers and the status page are told it: the state of every page
and record, when its source changed (git history, the file's date, or the stamp's day), which of the
translation's sections changed, and the policy that decides what a lag does."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from microsite import parity
from microsite.parity.status import ChangedSection, PageTranslation, State
from microsite.settings import read_settings
from microsite.translation_policy import PolicyError, TranslationPolicy
from parity_project import DATA, DE, EN, SOURCE, git, make_project, stamp_data
from project import microsite

PAGE = DE.removeprefix("docs/de/")


def status_of(project: Path) -> parity.TranslationStatus:
    return parity.check_project(project).translations


def committed(project: Path, message: str, day: str) -> None:
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    os.environ.update(env)
    try:
        git(project, "add", ".")
        git(project, "commit", "-qm", message)
    finally:
        for key in env:
            del os.environ[key]


def project_in_git(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    committed(project, "translated", "2026-01-05")
    return project


def test_a_current_translation(tmp_path: Path) -> None:
    status = status_of(make_project(tmp_path / "project"))
    assert status.page("en", PAGE) == PageTranslation(PAGE, "en", State.CURRENT)
    assert status.share_current("en") == 1.0


def test_a_committed_change_is_dated_by_its_commit_and_placed_in_the_translations_section(tmp_path: Path) -> None:
    project = project_in_git(tmp_path)
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    committed(project, "source changed", "2026-03-04")
    page = status_of(project).page("en", PAGE)
    assert page.state is State.OUTDATED
    assert page.change.changed_on == datetime.date(2026, 3, 4)
    # The section as the English reader sees it: its English heading and the heading's id.
    assert page.change.sections == (ChangedSection("Section", "abschnitt"),)


def test_a_change_before_the_first_section_is_the_pages_beginning(tmp_path: Path) -> None:
    project = project_in_git(tmp_path)
    (project / DE).write_text(SOURCE.replace("Ein Absatz aus", "Ein langer Absatz aus"), encoding="utf-8")
    committed(project, "source changed", "2026-03-04")
    assert status_of(project).page("en", PAGE).change.sections == (ChangedSection("", None),)


def test_a_change_not_committed_yet_is_dated_by_the_file(tmp_path: Path) -> None:
    project = project_in_git(tmp_path)
    source = project / DE
    source.write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    saved = datetime.datetime(2026, 4, 1, 12, 0).timestamp()
    os.utime(source, (saved, saved))
    assert status_of(project).page("en", PAGE).change.changed_on == datetime.date(2026, 4, 1)


def test_without_history_the_stamps_day_is_known_and_no_sections(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    translation = project / "docs" / "en" / PAGE
    text = translation.read_text(encoding="utf-8")
    stamp_start = text.index("translated_from: ")
    stamp_end = text.index("\n", stamp_start)
    translation.write_text(text[: stamp_end - 1] + ' 2026-02-03"' + text[stamp_end:], encoding="utf-8")
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    change = status_of(project).page("en", PAGE).change
    assert (change.changed_on, change.translated_on, change.sections) == (None, datetime.date(2026, 2, 3), None)
    assert change.date == datetime.date(2026, 2, 3)


def test_a_missing_page_is_missing_and_its_finding_follows_the_policy(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "en" / PAGE).unlink()
    result = parity.check_project(project)
    assert result.translations.page("en", PAGE).state is State.MISSING
    assert result.translations.missing_pages("en") == [PAGE]
    assert [f.level for f in result.findings if f.check == "missing-translation"] == ["warning"]
    strict = parity.check_project(project, policy=TranslationPolicy(missing="error"))
    assert [f.level for f in strict.findings if f.check == "missing-translation"] == ["error"]


def test_under_the_strict_policy_an_outdated_translation_is_an_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    assert [f.level for f in parity.check_project(project).findings] == ["warning"]
    strict = parity.check_project(project, policy=TranslationPolicy(outdated="error"))
    assert [f.level for f in strict.findings] == ["error"]


def test_records_are_current_outdated_or_missing_with_their_missing_texts(tmp_path: Path) -> None:
    without_english_place = DATA.replace("      en: Alpha  # parity-ignore: identical-translation\n", "", 1)
    project = make_project(tmp_path / "project", data=stamp_data(without_english_place))
    record = status_of(project).record("data/timeline.yml", "start", "en")
    assert (record.state, record.missing_texts) == (State.MISSING, ("place",))
    changed = stamp_data(DATA).replace("de: Beginn", "de: Anfang", 1)
    project = make_project(tmp_path / "other", data=changed)
    assert status_of(project).record("data/timeline.yml", "start", "en").state is State.OUTDATED


def write_policy(tmp_path: Path, policy: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  translation_policy:\n{policy}", encoding="utf-8")
    return config


def policy_of(mkdocs_yml: Path) -> TranslationPolicy:
    return read_settings(mkdocs_yml).checked_translation_policy()


def test_the_policy_defaults_and_reads_each_setting(tmp_path: Path) -> None:
    assert policy_of(write_policy(tmp_path, "    outdated: notice\n")) == TranslationPolicy()
    config = write_policy(tmp_path, "    outdated: error\n    missing: error\n    status_page: a/b.md\n")
    assert policy_of(config) == TranslationPolicy("error", "error", "a/b.md")


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (
            "    outdated: sometimes\n",
            "mkdocs.yml:4: extra.translation_policy.outdated: 'sometimes' is not a policy – write notice or error",
        ),
        (
            "    missing: hide\n",
            "mkdocs.yml:4: extra.translation_policy.missing: 'hide' is not a policy – write stand-in or error",
        ),
        (
            "    outdated: notice\n    colour: red\n",
            "mkdocs.yml:5: extra.translation_policy: unknown setting 'colour' – use outdated, missing, status_page",
        ),
        (
            "    status_page: ../x.md\n",
            "mkdocs.yml:4: extra.translation_policy.status_page: '../x.md' is no page path – write a path below the language folders ending in .md, e.g. translations.md",
        ),
        (
            "    - outdated\n",
            "mkdocs.yml:4: extra.translation_policy must be a mapping – write e.g. 'outdated: notice' below it",
        ),
    ],
)
def test_a_wrong_policy_names_its_line_and_what_to_write(tmp_path: Path, policy: str, message: str) -> None:
    with pytest.raises(PolicyError) as error:
        policy_of(write_policy(tmp_path, policy))
    assert str(error.value) == message


def test_a_reworded_heading_is_still_its_section(tmp_path: Path) -> None:
    project = project_in_git(tmp_path)
    changed = SOURCE.replace("## Abschnitt {", "## Teil {").replace("Ein Zitat.", "Ein neues Zitat.")
    (project / DE).write_text(changed, encoding="utf-8")
    committed(project, "source changed", "2026-03-04")
    assert status_of(project).page("en", PAGE).change.sections == (ChangedSection("Section", "abschnitt"),)


def test_make_parity_states_the_policy_and_fails_only_on_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    summary = tmp_path / "summary.md"
    lagging = microsite("parity", "--project", str(project), "--format", "github", "--summary", str(summary))
    assert lagging.returncode == 0, lagging.stderr
    assert lagging.stdout.startswith(f"::warning file={EN},line=1,title=[outdated]::")
    policy = "Translation policy (mkdocs.yml, extra.translation_policy): outdated → published with a notice (warning)"
    assert policy in lagging.stderr
    assert policy in summary.read_text(encoding="utf-8")
    assert f"| `{DE}` | `{EN}` | ⚠️ 1 | outdated × 1 |" in summary.read_text(encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  translation_policy:\n    outdated: error\n")
    strict = microsite("parity", "--project", str(project), "--format", "github")
    assert strict.returncode == 1
    assert strict.stdout.startswith(f"::error file={EN},line=1,title=[outdated]::")
    assert "outdated → fails the build (error)" in strict.stderr
