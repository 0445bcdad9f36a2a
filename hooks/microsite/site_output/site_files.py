"""Writing a file of the generator's own into the built site: a file the site cannot take (a full disk, no
permission) stops the build with what it is and why, at the file's path, never with a traceback."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..problems import Problem


def write_into_site(target: Path, content: bytes, what: str) -> None:
    """`content` at `target`, its folders made; `what` names the file in a message ("the English Atom feed")."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    except OSError as error:
        raise Problem(Finding(str(target), 1, f"cannot write {what} ({error.strerror or error})")) from None
