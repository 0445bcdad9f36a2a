"""One finding type for every check (data, translation parity, links), and one reporter.

A finding names where to look (file, line, and column where known), the check that found it, and a
message that says what is wrong and what to do. The reporter writes findings as text for editors,
JSON for tools, GitHub annotations for CI, and a Markdown summary for a CI job's page.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TextIO

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    message: str
    # The check's id ('broken-link'); the data check's findings have none, their field path says it.
    check: str = ""
    column: int | None = None
    # For a built page: the Markdown, data record or template it comes from.
    source: str = ""
    # For a translation: the other file of its pair.
    counterpart: str = ""
    # "error" fails the check (and a strict build); "warning" is reported only: what the translation
    # policy tolerates (an outdated or missing translation).
    level: str = "error"

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def location(self) -> str:
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column is not None else "")

    def text(self) -> str:
        check = f"[{self.check}] " if self.check else ""
        level = "" if self.is_error else f"{self.level}: "
        source = f" (source: {self.source})" if self.source else ""
        return f"{self.location()}: {level}{check}{self.message}{source}"

    __str__ = text

    def github(self) -> str:
        level = self.level
        message = self.text().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        column = f",col={self.column}" if self.column is not None else ""
        title = f",title=[{self.check}]" if self.check else ""
        return f"::{level} file={self.file},line={self.line}{column}{title}::{message}"


def write(findings: Iterable[Finding], output_format: str, stream: TextIO) -> None:
    """Every finding in one of FORMATS, one per line (JSON: one array)."""
    findings = list(findings)
    if output_format == "json":
        stream.write(json.dumps([asdict(finding) for finding in findings], ensure_ascii=False, indent=2) + "\n")
    elif output_format == "github":
        stream.writelines(finding.github() + "\n" for finding in findings)
    else:
        stream.writelines(finding.text() + "\n" for finding in findings)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class Subject:
    """One thing a check looked at (a page pair, a data file, a built page), for the summary."""

    label: str
    detail: str
    files: tuple[str, ...]


@dataclass
class Summary:
    """A Markdown table for a CI job's page: each subject (a page pair, a data file…) with its status."""

    title: str
    # What the subjects are, plural ('page pairs'), and the table's first two column headings.
    subject_name: str
    columns: tuple[str, str]
    # What a subject without findings is: 'in parity', 'clean'.
    ok_word: str
    subjects: list[Subject] = field(default_factory=list)
    # False where the subjects are only the files with findings: a share of them says nothing.
    with_share: bool = True
    # A line under the headline (the policy in force, say).
    note: str = ""

    @classmethod
    def of_files(cls, title: str, findings: list[Finding]) -> Summary:
        """A summary by file, for checks whose subjects are simply the files with findings."""
        subjects = [Subject(file, "", (file,)) for file in sorted({finding.file for finding in findings})]
        return cls(title, "files", ("file", ""), "clean", subjects, with_share=False)

    def rows(self, findings: list[Finding]) -> list[str]:
        rows = []
        for subject in self.subjects:
            checks = Counter(f.check or "data" for f in findings if f.file in subject.files)
            count = sum(checks.values())
            errors = sum(1 for f in findings if f.file in subject.files and f.is_error)
            status = f"✅ {self.ok_word}" if not count else f"❌ {count}" if errors else f"⚠️ {count}"
            detail = ", ".join(f"{check} × {n}" for check, n in sorted(checks.items()))
            rows.append(f"| `{subject.label}` | {subject.detail} | {status} | {detail} |")
        covered = {file for subject in self.subjects for file in subject.files}
        return rows + [
            f"| `{f.file}` | | {'❌' if f.is_error else '⚠️'} | {f.check} |" for f in findings if f.file not in covered
        ]

    def headline(self, findings: list[Finding]) -> str:
        warnings = sum(1 for finding in findings if not finding.is_error)
        of_them = f" ({plural(warnings, 'warning')} among them)" if warnings else ""
        in_all = f"{plural(len(findings), 'finding')} in all{of_them}."
        if not self.with_share:
            return f"{plural(len(self.subjects), 'file')} with findings; {in_all}"
        files_with_findings = {finding.file for finding in findings}
        in_order = sum(1 for subject in self.subjects if not files_with_findings & set(subject.files))
        total = len(self.subjects)
        percent = 100 * in_order / total if total else 100.0
        return f"**{percent:.0f} %** of {self.subject_name} {self.ok_word} ({in_order} of {total}); {in_all}"

    def render(self, findings: list[Finding]) -> str:
        header = [f"## {self.title}", "", self.headline(findings), ""]
        if self.note:
            header += [self.note, ""]
        table = [f"| {self.columns[0]} | {self.columns[1]} | status | findings |", "| --- | --- | --- | --- |"]
        return "\n".join([*header, *table, *self.rows(findings)]) + "\n"
