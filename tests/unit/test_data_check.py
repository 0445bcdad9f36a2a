"""The data checks: every mistake an editor can make in data/*.yml, with the exact message it gets.

The fixtures are files, so that an editor can open one and see the mistake (tests/fixtures/data/):

- `valid/` is a small project's data (`data/partnerships.yml`, `data/timeline.yml`) and the article
  its passages quote (`docs/de/a.md`, `docs/en/a.md`), without a problem;
- every other folder is one kind of mistake: only the files that differ from `valid/`, written out in
  full, and `expected.txt`, what the data check reports for them, one finding a line
  (`file:line:column: field: what is wrong – what to do`), exactly as `make check-data` prints it.

A case's project is `valid/` with the case's files laid over it. The schemas and mkdocs.yml are
copied from the project itself at test time, so the fixtures never drift from what editors use.
A new folder is a new case: nothing here needs to change.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from data_cases import CASES, EXPECTED, FIXTURES, VALID, case_files, expected, make_project
from microsite.data import DataError, load
from microsite.data.yaml_positions import format_path
from microsite.languages import Languages
from project import Run, microsite


def problems_of(root: Path) -> list[str]:
    try:
        load(root / "data", root / "docs", Languages(("de", "en")))
    except DataError as error:
        return [finding.text() for finding in error.findings]
    return []


def files_of(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_the_valid_fixture_has_no_problems(tmp_path: Path) -> None:
    assert problems_of(make_project(tmp_path)) == []


def test_the_fixture_publications_data_has_no_problems(publication_project: Path) -> None:
    assert problems_of(publication_project) == []


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_gets_its_exact_message_and_no_file_changes(tmp_path: Path, case: str) -> None:
    project = make_project(tmp_path, case)
    before = files_of(project)
    assert problems_of(project) == expected(case)
    assert files_of(project) == before


@pytest.mark.parametrize("case", CASES)
def test_each_case_holds_only_its_mistake(case: str) -> None:
    """A case names at least one finding, and each of its files is new or differs from `valid/`:
    a case whose mistake was removed, or a stray copy of a valid file, fails here."""
    text = (FIXTURES / case / EXPECTED).read_text(encoding="utf-8")
    assert text.endswith("\n") and "" not in text.splitlines(), f"{case}/{EXPECTED}: one finding a line, no blank lines"
    files = case_files(case)
    assert files, f"{case}: no data file"
    for relative in files:
        valid = VALID / relative
        assert not valid.is_file() or valid.read_bytes() != (FIXTURES / case / relative).read_bytes(), (
            f"{case}/{relative} is the same as valid/{relative}"
        )


def run_check(project: Path, *args: str) -> Run:
    return microsite("check-data", "--project", str(project), *args)


def test_command_line_check(tmp_path: Path) -> None:
    clean = run_check(make_project(tmp_path / "clean"))
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "data/: 2 records, no problems\n")
    result = run_check(make_project(tmp_path / "broken", "unknown-partnership"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected("unknown-partnership")
    assert result.stderr == "The publication data has 1 problem.\n"
    usage = run_check(tmp_path / "nowhere")
    assert usage.returncode == 2
    assert usage.stderr.startswith(f"refused: {tmp_path / 'nowhere'}: no mkdocs.yml and docs/ here")


def test_command_line_reports_every_problem_at_once(tmp_path: Path) -> None:
    result = run_check(make_project(tmp_path, "several-problems-at-once"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected("several-problems-at-once")
    assert result.stderr == f"The publication data has {len(expected('several-problems-at-once'))} problems.\n"


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_command_line_formats(tmp_path: Path, output_format: str) -> None:
    broken = make_project(tmp_path, "unknown-partnership")
    result = run_check(broken, "--format", output_format)
    assert result.returncode == 1
    [line] = expected("unknown-partnership")
    if output_format == "json":
        [finding] = json.loads(result.stdout)
        assert (finding["file"], finding["line"], finding["column"]) == ("data/timeline.yml", 5, 18)
        assert line == f"data/timeline.yml:5:18: {finding['message']}"
    else:
        assert result.stdout == f"::error file=data/timeline.yml,line=5,col=18::{line}\n"


@pytest.mark.parametrize("case", ["alias-bomb", "file-too-large", "nested-too-deeply"])
def test_refusals_answer_within_a_second(tmp_path: Path, case: str) -> None:
    project = make_project(tmp_path, case)
    start = time.perf_counter()
    assert problems_of(project) == expected(case)
    assert time.perf_counter() - start < 1


SAVED_AS = {
    "a byte-order mark": lambda text: "\ufeff" + text,
    "Windows line endings": lambda text: text.replace("\n", "\r\n"),
    "a byte-order mark and Windows line endings": lambda text: "\ufeff" + text.replace("\n", "\r\n"),
    "old Mac line endings": lambda text: text.replace("\n", "\r"),
}


@pytest.mark.parametrize("saved_as", SAVED_AS)
def test_valid_data_saved_with_another_programs_conventions_loads_cleanly(tmp_path: Path, saved_as: str) -> None:
    project = make_project(tmp_path)
    for path in (project / "data").glob("*.yml"):
        path.write_bytes(SAVED_AS[saved_as](path.read_text(encoding="utf-8")).encode("utf-8"))
    assert problems_of(project) == []


def test_a_field_is_named_with_its_record_counted_from_1_and_its_id() -> None:
    content = {
        "partnerships": [{"id": "alpha"}, {"id": "beta", "city": {"sources": [{"url": "x"}]}}, {"since": 1978}],
        "networks": [{"id": "forum", "partnerships": ["alpha", "gamma"]}],
    }
    assert [
        format_path(path, content)
        for path in [
            ("partnerships", 1, "city", "sources", 0, "url"),
            ("partnerships", 2, "since"),
            ("networks", 0, "partnerships", 1),
            ("partnerships",),
        ]
    ] == [
        "partnerships, record 2 ('beta'), city.sources, record 1, url",
        "partnerships, record 3, since",
        "networks, record 1 ('forum'), partnerships, entry 2",
        "partnerships",
    ]
