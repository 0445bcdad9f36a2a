"""Where each translation stands, for readers: what the parity check knows, per page and data record.

Made by `check_project` from the same stamps and findings the check reports; the build keeps it in
`BuildState.translations` for the outdated notice, the stand-in pages and the status pages.
"""

from __future__ import annotations

import datetime
import enum
import functools
from dataclasses import dataclass, field

from ..translation_policy import TranslationPolicy


class State(enum.Enum):
    # The stamp matches the source: the translation is in line with it.
    CURRENT = "current"
    # The source changed since the translation was brought in line.
    OUTDATED = "outdated"
    # The source page (or a record's source text) has no translation.
    MISSING = "missing"
    # No stamp: nobody has recorded yet which source the translation was made from.
    UNTRACKED = "untracked"


@dataclass(frozen=True)
class ChangedSection:
    """A section of the translation whose source changed since: its heading in the translation's
    language and the heading's id; title '' (and anchor None) is the page's beginning, before any heading."""

    title: str
    anchor: str | None


@dataclass(frozen=True)
class SourceChange:
    """Why a translation is outdated, as far as the clone knows it."""

    # When the source changed after the translation (git history; the file's time if not committed yet).
    changed_on: datetime.date | None
    # When the translation was last brought in line (the date in its stamp).
    translated_on: datetime.date | None
    # The translation's sections whose source changed; None where git history does not show it.
    sections: tuple[ChangedSection, ...] | None

    @property
    def date(self) -> datetime.date | None:
        """The date to show readers: the change's, else that of the translation it came after."""
        return self.changed_on or self.translated_on


@dataclass(frozen=True)
class PageTranslation:
    """A page's translation into `language`; `path` is below the language folders ('articles/x.md')."""

    path: str
    language: str
    state: State
    change: SourceChange | None = None


@dataclass(frozen=True)
class RecordTranslation:
    """A data record's translation into `language` (records with an id, in the data files' top-level lists)."""

    file: str
    record_id: str
    language: str
    state: State
    change: SourceChange | None = None
    # The record's texts without this language, as field paths ('summary', 'projects[0].name').
    missing_texts: tuple[str, ...] = ()


@dataclass
class TranslationStatus:
    policy: TranslationPolicy
    source: str
    pages: list[PageTranslation] = field(default_factory=list)
    records: list[RecordTranslation] = field(default_factory=list)

    def page(self, language: str, path: str) -> PageTranslation | None:
        """The translation of the source page at `path` into `language` (None for the source language)."""
        return self._pages_by_place.get((language, path))

    @functools.cached_property
    def _pages_by_place(self) -> dict[tuple[str, str], PageTranslation]:
        # Asked once per built page, after the parity check has made the list: found in a dict, not a search.
        return {(page.language, page.path): page for page in self.pages}

    def record(self, file: str, record_id: str, language: str) -> RecordTranslation | None:
        return next(
            (r for r in self.records if r.file == file and r.record_id == record_id and r.language == language), None
        )

    def missing_pages(self, language: str) -> list[str]:
        return [page.path for page in self.pages if page.language == language and page.state is State.MISSING]

    def share_current(self, language: str) -> float:
        """The share of pages and records in `language` whose translation is current (1.0 with none)."""
        states = [item.state for item in (*self.pages, *self.records) if item.language == language]
        return sum(state is State.CURRENT for state in states) / len(states) if states else 1.0
