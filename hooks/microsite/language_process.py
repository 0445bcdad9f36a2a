"""What the first process of `mkdocs build` holds of the further languages it builds in processes of their own
(language_processes.py), as the build's state keeps it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class LanguageProcess:
    """A further language being built in a process of its own."""

    language: str
    process_id: int
    # The pipe's end its result is read from.
    result: int
    # The folder inside the site folder it writes the language's files into.
    folder: Path


@dataclass
class LanguageProcesses:
    """The first process's view of the languages built elsewhere, from the fork until they are taken in."""

    running: dict[str, LanguageProcess] = field(default_factory=dict)
    # The processes taken in, by their id: they may still draw their language's link previews into the cache.
    drawing: list[int] = field(default_factory=list)
    # The plugin's build of a further language replaced, until every process is taken in or stopped.
    replaced: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
