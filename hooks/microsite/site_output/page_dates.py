"""When each built page last changed for its readers, for the sitemaps' `lastmod`.

A page changes when a file it shows does (problems.py records them per page: its own Markdown, the data
files its markers render, the articles its cards list), so its date is the newest of theirs:

- an article: its `updated`, else its `date` (the front matter says when it last changed in substance,
  as its header, its feed entry and its metadata do; a corrected typo is no news to a search engine);
- any other file: the day of the last commit that changed it, from one `git log` of the project;
- a file that history does not have (no clone, not committed yet, or changed since its last commit):
  the day it was last saved.

Generated pages (the index, topic and author pages, a partnership's) have no file of their own: they take
the newest date of the data and articles they show; the translation status page, which shows no file but
reports on every page, the newest of all. Nothing here is the day of the build, so that a build
of the same files says the same, and the theme and mkdocs.yml, which change how every page looks but not
what it says, are left out.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..state import BuildState

# A commit's line in the log starts with a NUL character (git's %x00), which no file name holds.
_COMMIT = "\0"


def committed_dates(project: Path) -> dict[str, datetime.date]:
    """The day of the last commit that changed each file below the project (paths relative to it); empty
    without git history. Files changed since their last commit are left out: their date is their own."""
    log = _git(project, "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", ".")
    if log is None:
        return {}
    dates: dict[str, datetime.date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            day = _day(line.removeprefix(_COMMIT))
        elif line and day is not None:
            # The log is newest first: a file's first commit in it is its last change.
            dates.setdefault(line, day)
    changed = _git(project, "diff", "HEAD", "--name-only", "--relative", "--", ".") or ""
    for path in changed.splitlines():
        dates.pop(path, None)
    return dates


def page_dates(state: BuildState) -> dict[str, datetime.date]:
    """Each built page's last change, by its path in the site ('en/x.html'). A page that shows no file (the
    translation status page, which reports on every page) takes the newest change of all."""
    history = committed_dates(state.project)
    articles = {
        f"docs/{language}/{article.path}": article.last_change
        for language in state.languages.codes
        for article in (state.articles.of(language) if state.articles else [])
    }
    file_dates: dict[str, datetime.date | None] = {}

    def file_date(shown: str) -> datetime.date | None:
        if shown not in file_dates:
            file_dates[shown] = articles.get(shown) or history.get(shown) or _saved_on(state.project / shown)
        return file_dates[shown]

    dates = {}
    for page, shown in state.problems.shown_by_page.items():
        known = [day for file in shown if (day := file_date(file)) is not None]
        dates[page] = max(known, default=None)
    newest = max(filter(None, dates.values()), default=None)
    return {page: day or newest for page, day in dates.items() if day or newest}


def _saved_on(path: Path) -> datetime.date | None:
    try:
        return datetime.date.fromtimestamp(path.stat().st_mtime) if path.is_file() else None
    except OSError:
        return None


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _git(project: Path, *args: str) -> str | None:
    """Git's output in the project, with file names as they are (not quoted); None where git or its
    history is missing."""
    command = ["git", "-c", "core.quotePath=false", "-C", str(project), *args]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
