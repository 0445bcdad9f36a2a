"""The grammar of data markers, shared by the rendering and the parity check.

A data marker is an HTML comment on a line of its own, `<!-- data: NAME -->` or
`<!-- data: NAME ID -->`, in lowercase. Anything that looks like a data marker is matched loosely on
purpose, so that a misspelt one is reported instead of passed over as a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .pasted_text import first_invisible, invisible_character_problem

_MARKER = re.compile(r"<!--\s*data\s*:(?P<body>.*?)-->", re.DOTALL)
_BODY = re.compile(r"^\s*(?P<name>[a-z0-9-]+)(?:\s+(?P<argument>[a-z0-9-]+))?\s*$")
SYNTAX = "'<!-- data: NAME -->' or '<!-- data: NAME ID -->' in lowercase"


@dataclass(frozen=True)
class Marker:
    written: str
    body: str
    start: int
    end: int
    # None when the marker cannot be read.
    name: str | None
    argument: str | None

    def invisible_character(self) -> int | None:
        """Where, in `written`, an invisible character is that keeps the marker from being read (a
        non-breaking space is as good as a space between its words)."""
        return first_invisible(self.written, spaces=False) if self.name is None else None

    def problem(self) -> str:
        """Why the marker cannot be read, and what to do (for a marker without a name)."""
        invisible = invisible_character_problem(self.written, "data marker", "retype the marker", spaces=False)
        return invisible or f"cannot read the data marker '{self.written}' – write it as {SYNTAX}"

    @property
    def normalized(self) -> str:
        """What the marker says, whitespace made alike: equal in every language."""
        return " ".join(self.body.split())


def find_markers(text: str) -> Iterator[Marker]:
    for match in _MARKER.finditer(text):
        body = _BODY.match(match["body"])
        yield Marker(
            written=match[0],
            body=match["body"],
            start=match.start(),
            end=match.end(),
            name=body["name"] if body else None,
            argument=body["argument"] if body else None,
        )


def replace_markers(text: str, render) -> str:
    """`text` with each marker replaced by `render(marker)`."""
    parts, position = [], 0
    for marker in find_markers(text):
        parts += [text[position : marker.start], render(marker)]
        position = marker.end
    return "".join(parts) + text[position:]
