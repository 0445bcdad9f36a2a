"""Reading the files editors write (pages, data) as their programs save them: UTF-8, with or without a
byte-order mark. A file in another encoding is not guessed at: it is named, with the line and column
of its first byte that is not UTF-8, so that the editor can save it again as UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

SAVE_AS_UTF8 = "it was saved in another encoding (such as Latin-1 or Windows-1252); save it as UTF-8"


class UnreadableText(Exception):
    """The file cannot be read as text; `reason` says why, `line` and `column` where (from 1)."""

    def __init__(self, reason: str, line: int = 1, column: int = 1) -> None:
        super().__init__(reason)
        self.reason, self.line, self.column = reason, line, column


def read_utf8(path: Path) -> str:
    """The file's text without a byte-order mark, line endings as written; raises UnreadableText."""
    try:
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as error:
        raise UnreadableText(str(error.strerror or error)) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Everything before the bad byte was read as UTF-8; CR LF, CR and LF each end a line.
        before = data[: error.start].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise UnreadableText(f"byte 0x{data[error.start]:02X} is not UTF-8", line, column) from error
