"""The text of a data file as editors' programs save them (text_files.py): UTF-8, with or without a
byte-order mark, with any line endings. What cannot be read becomes one finding that says where and
what to do."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..text_files import SAVE_AS_UTF8, UnreadableText, read_utf8, unified_line_endings
from .yaml_positions import DataFile, too_large


def read_data_text(path: Path, data_file: DataFile) -> str | Finding:
    """The file's text without a byte-order mark, with LF line endings; or the finding that says why it
    cannot be read.

    The size is checked before anything is read, so that a huge file is refused at once."""
    try:
        refusals = too_large(data_file, path.stat().st_size)
    except OSError as error:
        return _cannot_read(str(error.strerror or error), data_file)
    if refusals:
        return refusals[0]
    try:
        return unified_line_endings(read_utf8(path))
    except UnreadableText as error:
        if error.not_utf8:
            message = f"cannot read the file: {error.reason} – {SAVE_AS_UTF8}"
            return data_file.file_finding(message, error.line, error.column)
        return _cannot_read(error.reason, data_file)


def _cannot_read(reason: str, data_file: DataFile) -> Finding:
    return data_file.file_finding(f"cannot read the file: {reason} – save it as UTF-8 text")
