"""What the first process of `mkdocs build` holds of the further languages it builds in processes of their own
(language_processes.py), as the build's state keeps it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO


@dataclass
class LanguageProcess:
    """A further language being built in a process of its own."""

    language: str
    process_id: int
    # The pipe's end its result is read from.
    result: int
    # The folder inside the site folder it writes the language's files into.
    folder: Path
    # The file inside the site folder it writes its pages' scanned contents into (link_check/site.py), once the
    # first process has its result; the pipe says when.
    scanned: Path
    # The pipe its result is read from, kept open once the result is read, until it says the scans are written.
    pipe: BinaryIO | None = None


@dataclass
class LanguageProcesses:
    """The first process's view of the languages built elsewhere, from the fork until they are taken in."""

    running: dict[str, LanguageProcess] = field(default_factory=dict)
    # The processes taken in: they may still scan their pages' contents and draw link previews into the cache.
    drawing: list[LanguageProcess] = field(default_factory=list)
    # The plugin's build of a further language replaced, until every process is taken in or stopped.
    replaced: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
