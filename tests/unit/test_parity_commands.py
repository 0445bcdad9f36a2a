"""The `parity` and `translated` commands: output formats, summary and exit status; the check changes no
file; `translated` records the source of a pair in step and refuses one that is not."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from microsite.parity.stamps import page_stamp
from parity_project import (
    DATA,
    DE,
    EN,
    SOURCE,
    TRANSLATION,
    findings_of,
    line_of,
    make_project,
    replaced,
    stamp,
    stamp_data,
)
from project import microsite


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
    verified = page_stamp(SOURCE, TRANSLATION, datetime.date.today())
    assert page == TRANSLATION.replace("\n---\n", f'\ntranslated_from: "{verified}"\n---\n', 1)
    assert (project / "data" / "timeline.yml").read_text(encoding="utf-8") == stamp_data(DATA, datetime.date.today())
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
