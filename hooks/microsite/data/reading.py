"""The text of a data file as editors' programs save it: UTF-8, with or without a byte-order mark,
with any line endings. What cannot be read becomes one finding that says where and what to do."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..findings import Finding
from .yaml_positions import DataFile, too_large


class Unreadable(Exception):
    """The file cannot be read as a data file; `finding` says why and what to do."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


def unified_line_endings(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line endings as LF, as Python's text files read them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _not_utf8(data: bytes, error: UnicodeDecodeError, data_file: DataFile) -> Finding:
    """Where the first byte that is not UTF-8 is: everything before it was read as UTF-8."""
    before = unified_line_endings(data[: error.start].decode("utf-8"))
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    byte = f"0x{data[error.start]:02X}"
    todo = "it was saved in another encoding (such as Latin-1 or Windows-1252); save it as UTF-8"
    return data_file.file_finding(f"cannot read the file: byte {byte} is not UTF-8 – {todo}", line, column)


def read_data_text(path: Path, data_file: DataFile) -> str:
    """The file's text without a byte-order mark, with LF line endings; raises Unreadable.

    The size is checked before anything is read, so that a huge file is refused at once."""
    try:
        refusals = too_large(data_file, path.stat().st_size)
        if refusals:
            raise Unreadable(refusals[0])
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as error:
        reason = error.strerror or str(error)
        raise Unreadable(data_file.file_finding(f"cannot read the file: {reason} – save it as UTF-8 text")) from error
    try:
        return unified_line_endings(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise Unreadable(_not_utf8(data, error, data_file)) from error
