"""The `translated` command: records that translations match their source now, by writing their
`translated_from` stamps. The only code of the parity check that writes files; the check itself
only reads.

A page is stamped only once it is in parity with its source; the stamp then holds the fingerprints
of both, so that the build can trust the pair until either side changes.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..data.yaml_positions import DataFile, FieldPath, parse_yaml
from ..languages import Languages
from ..page_markdown import unreadable_page
from ..text_files import UnreadableText
from .compare import compare_pages
from .data_records import record_fingerprint, record_lists
from .image_files import check_image_files
from .page_reader import parse_page
from .pages import Page
from .report import Report
from .stamps import STAMP_KEY, page_stamp

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", flags=re.DOTALL)
PAGE_STAMP_LINE = re.compile(rf"^{STAMP_KEY}:.*$", flags=re.MULTILINE)
RECORD_STAMP_VALUE = re.compile(rf"({STAMP_KEY}:\s*).*$")


def mark_page(root: Path, translation: Path, languages: Languages) -> str:
    """Stamps a translated page that is in parity with its source; refuses (ValueError) one that is not."""
    source, language = _source_of(root, translation, languages)
    shown = translation.relative_to(root).as_posix()
    report = Report()
    source_page = _parse_page(source, source.relative_to(root).as_posix(), languages.source)
    translation_page = _parse_page(translation, shown, language)
    compare_pages(source_page, translation_page, report, languages.codes)
    check_image_files(source_page, translation_page, root, languages, report)
    if report.findings:
        raise ValueError(
            f"{shown} is not in step with its source yet, so it is not recorded as translated:\n"
            + "\n".join(finding.text() for finding in report.findings)
        )
    # Without a byte-order mark, which would hide the front matter; MkDocs ignores it anyway.
    text = translation.read_text(encoding="utf-8-sig")
    stamp = page_stamp(source.read_text(encoding="utf-8"), text, datetime.date.today())
    translation.write_text(_with_stamp(text, stamp, translation), encoding="utf-8")
    return f"{shown}: {STAMP_KEY}: {stamp}"


def _parse_page(path: Path, shown: str, language: str) -> Page:
    """The page of a file; refuses (ValueError) one that cannot be read, naming where and what to do."""
    try:
        return parse_page(path, shown, language)
    except UnreadableText as unreadable:
        raise ValueError(unreadable_page(unreadable, shown).text()) from unreadable


def _source_of(root: Path, translation: Path, languages: Languages) -> tuple[Path, str]:
    """The source page of a translation, and the translation's language."""
    docs = root / "docs"
    relative = translation.resolve().relative_to(docs.resolve())
    language, rest = relative.parts[0], Path(*relative.parts[1:])
    if language not in languages.translations:
        folders = "/, docs/".join(languages.translations)
        raise ValueError(f"{translation}: not a translation – name a page below docs/{folders}/")
    source = docs / languages.source / rest
    if not source.is_file():
        raise ValueError(f"{translation}: its source docs/{languages.source}/{rest.as_posix()} does not exist")
    return source, language


def _with_stamp(text: str, stamp: str, translation: Path) -> str:
    """The page with its stamp in the front matter, replaced or added; nothing else changed."""
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ValueError(f"{translation}: no front matter to record the source in – add one (---, title: …, ---)")
    front = match.group(1)
    # Quoted: a fingerprint of digits only would otherwise be read back as a number.
    stamp_line = f'{STAMP_KEY}: "{stamp}"'
    if PAGE_STAMP_LINE.search(front):
        front = PAGE_STAMP_LINE.sub(stamp_line, front)
    else:
        front += stamp_line + "\n"
    return f"---\n{front}---\n" + text[match.end() :]


def mark_records(root: Path, data_path: Path, record_id: str | None, languages: Languages) -> list[str]:
    """Stamps one record of a data file (every record with an id, if `record_id` is None)."""
    text = data_path.read_text(encoding="utf-8")
    data_file = DataFile(name=data_path.stem, display_path=data_path.relative_to(root).as_posix())
    problems = parse_yaml(text, data_file)
    if problems:
        raise ValueError(str(problems[0]))
    records = [(path, record) for path, record in record_lists(data_file.content) if record_id in (None, record["id"])]
    if not records:
        raise ValueError(f"{data_file.display_path}: no record with id '{record_id}'")
    lines = text.split("\n")
    done = []
    # Bottom up, so that inserted lines do not move the records still to do.
    for path, record in sorted(records, key=lambda item: -data_file.position((*item[0], "id"))[0]):
        stamp = f"{record_fingerprint(record, languages)} {datetime.date.today().isoformat()}"
        _stamp_record(lines, data_file, path, record, stamp)
        done.append(f"{data_file.display_path}#{record['id']}: {STAMP_KEY}: {stamp}")
    data_path.write_text("\n".join(lines), encoding="utf-8")
    return list(reversed(done))


def _stamp_record(lines: list[str], data_file: DataFile, path: FieldPath, record: dict, stamp: str) -> None:
    """Replaces the record's stamp in `lines`, or adds one right after its id, indented alike."""
    if STAMP_KEY in record:
        line = data_file.position((*path, STAMP_KEY))[0] - 1
        lines[line] = RECORD_STAMP_VALUE.sub(rf'\g<1>"{stamp}"', lines[line])
    else:
        id_line, id_column = data_file.position((*path, "id"), key=True)
        lines.insert(id_line, " " * (id_column - 1) + f'{STAMP_KEY}: "{stamp}"')
