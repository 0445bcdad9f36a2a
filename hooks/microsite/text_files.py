"""Reading the files editors write (pages, data, interface words) as their programs save them: UTF-8,
with or without a byte-order mark. A file in another encoding is not guessed at: it is named, with the
line and column of its first byte that is not UTF-8, so that the editor can save it again as UTF-8.
This is the one reader of such files; each caller words its own finding from an `UnreadableText`."""

from __future__ import annotations

import codecs
from pathlib import Path

SAVE_AS_UTF8 = "it was saved in another encoding (such as Latin-1 or Windows-1252); save it as UTF-8"


class UnreadableText(Exception):
    """The file cannot be read as text; `reason` says why, `line` and `column` where (from 1); `not_utf8`
    whether it was read but is not UTF-8 (rather than not read at all)."""

    def __init__(self, reason: str, line: int = 1, column: int = 1, *, not_utf8: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.line, self.column, self.not_utf8 = reason, line, column, not_utf8


def unified_line_endings(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line endings as LF, as Python's text files read them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_utf8(path: Path) -> str:
    """The file's text without a byte-order mark, line endings as written; raises UnreadableText."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableText(str(error.strerror or error)) from error
    return utf8_text(data)


def utf8_text(data: bytes) -> str:
    """A file's bytes as text without a byte-order mark, line endings as written; raises UnreadableText."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Everything before the bad byte was read as UTF-8; CR LF, CR and LF each end a line.
        before = unified_line_endings(data[: error.start].decode("utf-8"))
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        reason = f"byte 0x{data[error.start]:02X} is not UTF-8"
        raise UnreadableText(reason, line, column, not_utf8=True) from error
