"""Translations followed by their source's fingerprint: an untracked translation, an outdated page or data
record (with the change named where git history has it), and the build trusting only pairs verified unchanged."""

from __future__ import annotations

from pathlib import Path

from microsite import parity
from microsite.parity.stamps import verified_unchanged
from parity_project import DE, EN, LANGUAGES, SOURCE, findings_of, git, line_of, make_project


def test_untracked_translation(tmp_path: Path) -> None:
    assert findings_of(make_project(tmp_path / "project", stamped=False)) == [
        f"{EN}:1: [untracked-translation] no 'translated_from' in the front matter, so changes to {DE} cannot be noticed – "
        f"once this translation matches it, run: make translated FILES='{EN}'"
    ]


def test_outdated_without_history_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / DE).write_text(SOURCE.replace("Ein Zitat.", "Ein neues Zitat."), encoding="utf-8")
    assert findings_of(project) == [
        f"{EN}:1: warning: [outdated] {DE} changed since this translation was brought in line (what changed cannot be shown: the version it was "
        "translated from is not in this clone's git history (a shallow clone?); compare by hand) – update the translation, then run: "
        f"make translated FILES='{EN}'"
    ]


def test_outdated_with_history_names_what_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "translated")
    changed = SOURCE.replace("Ein Zitat.", "Ein neues Zitat.")
    (project / DE).write_text(changed, encoding="utf-8")
    git(project, "commit", "-qam", "source changed")
    assert findings_of(project) == [
        f"{EN}:1: warning: [outdated] {DE} changed since this translation was brought in line (new or changed since: {DE}:{line_of(changed, '> Ein neues')}) – "
        f"update the translation, then run: make translated FILES='{EN}'"
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
        "data/timeline.yml:4: warning: [outdated] events, record 1 ('start'): its German text changed since the translation was brought in line (now: 'Anfang') – "
        "update the other languages, then run: make translated FILES='data/timeline.yml#start'"
    ]


def test_the_build_trusts_only_pairs_unchanged_since_they_were_verified(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", stamped=False)
    parity.mark_page(project, project / EN, LANGUAGES)
    assert verified_unchanged(SOURCE, (project / EN).read_text(encoding="utf-8"))
    assert parity.check_project(project, trust_verified=True).findings == []
    # Any edit to either side means the pair is compared again, in the build too.
    edited = (project / EN).read_text(encoding="utf-8").replace("year 1978", "year 1979")
    (project / EN).write_text(edited, encoding="utf-8")
    found = [f.text() for f in parity.check_project(project, trust_verified=True).findings]
    assert len(found) == 1 and "[number] numbers differ" in found[0]
