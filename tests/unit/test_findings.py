"""The one finding type and its reporter: what editors, tools and CI read, exactly."""

from __future__ import annotations

import io
import json

from microsite.findings import Finding, Subject, Summary, write

DATA = Finding("data/timeline.yml", 5, "events[0].date: impossible date – write it as YYYY-MM-DD", column=11)
PARITY = Finding("docs/en/a.md", 3, "numbers differ – check the figures", "number", counterpart="docs/de/a.md")
LINK = Finding("en/a.html", 12, "link “x” → b.html: not found – correct the link", "broken-link", source="docs/en/a.md")


def written(output_format: str, findings: list[Finding]) -> str:
    stream = io.StringIO()
    write(findings, output_format, stream)
    return stream.getvalue()


def test_text_names_file_line_column_check_and_source() -> None:
    assert written("text", [DATA, PARITY, LINK]).splitlines() == [
        "data/timeline.yml:5:11: events[0].date: impossible date – write it as YYYY-MM-DD",
        "docs/en/a.md:3: [number] numbers differ – check the figures",
        "en/a.html:12: [broken-link] link “x” → b.html: not found – correct the link (source: docs/en/a.md)",
    ]


def test_github_annotations_carry_file_line_and_check() -> None:
    assert written("github", [DATA, PARITY]).splitlines() == [
        "::error file=data/timeline.yml,line=5,col=11::data/timeline.yml:5:11: events[0].date: impossible date – "
        "write it as YYYY-MM-DD",
        "::error file=docs/en/a.md,line=3,title=[number]::docs/en/a.md:3: [number] numbers differ – check the figures",
    ]


def test_github_annotation_keeps_a_multi_line_message_on_one_line() -> None:
    finding = Finding("a.md", 1, "first\nsecond 100%", "x")
    assert written("github", [finding]) == "::error file=a.md,line=1,title=[x]::a.md:1: [x] first%0Asecond 100%25\n"


def test_json_has_every_field() -> None:
    assert json.loads(written("json", [LINK])) == [
        {
            "file": "en/a.html",
            "line": 12,
            "message": "link “x” → b.html: not found – correct the link",
            "check": "broken-link",
            "column": None,
            "source": "docs/en/a.md",
            "counterpart": "",
            "level": "error",
        }
    ]


def test_a_warning_is_marked_in_text_and_annotated_as_a_warning() -> None:
    warning = Finding("docs/en/a.md", 1, "docs/de/a.md changed", "outdated", level="warning")
    assert written("text", [warning]) == "docs/en/a.md:1: warning: [outdated] docs/de/a.md changed\n"
    assert written("github", [warning]) == (
        "::warning file=docs/en/a.md,line=1,title=[outdated]::docs/en/a.md:1: warning: [outdated] docs/de/a.md changed\n"
    )


def test_summary_lists_each_subject_with_its_status_and_counts() -> None:
    summary = Summary(
        "Translation parity",
        "page pairs",
        ("page", "translation"),
        "in parity",
        [
            Subject("docs/de/a.md", "`docs/en/a.md`", ("docs/de/a.md", "docs/en/a.md")),
            Subject("docs/de/b.md", "`docs/en/b.md`", ("docs/de/b.md", "docs/en/b.md")),
        ],
    )
    assert summary.render([PARITY, PARITY, LINK]).splitlines() == [
        "## Translation parity",
        "",
        "**50 %** of page pairs in parity (1 of 2); 3 findings in all.",
        "",
        "| page | translation | status | findings |",
        "| --- | --- | --- | --- |",
        "| `docs/de/a.md` | `docs/en/a.md` | ❌ 2 | number × 2 |",
        "| `docs/de/b.md` | `docs/en/b.md` | ✅ in parity |  |",
        "| `en/a.html` | | ❌ | broken-link |",
    ]


def test_summary_of_a_check_without_subjects_lists_the_files_with_findings() -> None:
    assert Summary.of_files("Links", [LINK, LINK]).render([LINK, LINK]).splitlines() == [
        "## Links",
        "",
        "1 file with findings; 2 findings in all.",
        "",
        "| file |  | status | findings |",
        "| --- | --- | --- | --- |",
        "| `en/a.html` |  | ❌ 2 | broken-link × 2 |",
    ]
