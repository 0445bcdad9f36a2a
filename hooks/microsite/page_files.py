"""Files next to pages (pictures, PDFs, …): where a page's reference to one points, and which language
folder's file serves it.

A file below the source language's folder serves every translation too, at the same path below the
translation's folder, unless the translation has a file of that path of its own (a localized picture,
which then wins for its language). The build (rendering/shared_files.py), the article collection
(an article's `image:`) and the parity check (a picture in neither folder) all ask here, so that they
agree on which file a reader gets.

Only files inside the project count: a symbolic link that leads out of it is never followed.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .languages import Languages


def local_target(page: str, reference: str) -> str | None:
    """Where a page's reference to a file points, as a path below the language folders: 'artikel/hafen.png'
    for 'hafen.png' on 'artikel/a.md'. None for what is no file next to the pages: an address with a
    scheme ('https:', 'data:') or of another host ('//…'), one from the site root ('/…'), a fragment of
    the page itself, and a path that leaves the language folder."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or reference.startswith("/") or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return None if target in (".", "..") or target.startswith("../") else target


def leaves_project(path: Path, project: Path) -> bool:
    """Whether `path`, its symbolic links followed, ends up outside the project."""
    return not Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(project)))


def is_project_file(path: Path, project: Path) -> bool:
    """A file that is there, and inside the project however it is reached."""
    return path.is_file() and not leaves_project(path, project)


def serving_file(docs: Path, languages: Languages, language: str, target: str, project: Path) -> Path | None:
    """The file a page of `language` gets for `target` (a path below the language folders): the one in
    the language's own folder, else the source language's; None where neither has it."""
    for folder in dict.fromkeys((language, languages.source)):
        candidate = docs / folder / target
        if is_project_file(candidate, project):
            return candidate
    return None
