"""Outdated translations: each translation records `translated_from: <fingerprint>` of its source.

The fingerprint is a hash of the source text, so it works in any clone, shallow ones included; where
git history is there, it also finds the source as it was translated, to show what changed since.
Only the `translated` command writes stamps (see marking.py); here they are only read.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..content_cache import KeptResults, content_key
from ..findings import Finding
from ..translation_policy import TranslationPolicy
from .changes import changed_sections, parsed_version, source_history, text_chunks
from .pages import Page
from .report import Report
from .status import SourceChange, State

STAMP_KEY = "translated_from"
STAMP_LINE = re.compile(rf"^{STAMP_KEY}:.*\n", flags=re.MULTILINE)
# A page's stamp once verified: the source's fingerprint, then the translation's own, then the day.
VERIFIED_STAMP = re.compile(
    rf"^{STAMP_KEY}:\s*\"?([0-9a-f]{{12}}):([0-9a-f]{{12}})(?: \d{{4}}-\d{{2}}-\d{{2}})?\"?\s*$", flags=re.MULTILINE
)
CHANGED_LINES_SHOWN = 8


def fingerprint(text: str) -> str:
    """A short hash of a text, insensitive to trailing spaces, line-ending style and a byte-order mark."""
    unmarked = text.removeprefix("\ufeff").replace("\r\n", "\n")
    normal = "\n".join(line.rstrip() for line in unmarked.strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def own_fingerprint(translation_text: str) -> str:
    """The translation's fingerprint, leaving out its own stamp."""
    return fingerprint(STAMP_LINE.sub("", translation_text, count=1))


def page_stamp(source_text: str, translation_text: str, day: datetime.date) -> str:
    """What the `translated` command records: the source's fingerprint, the verified translation's, the day."""
    return f"{fingerprint(source_text)}:{own_fingerprint(translation_text)} {day.isoformat()}"


# The preview asks at every save, for every page pair of the archive, whether it is still the pair verified:
# the answer is kept for the process by both texts (CONTRIBUTING.md, "What a process keeps between builds").
VERIFIED_PAIRS: KeptResults[bool] = KeptResults(size=8192, copy=bool)


def verified_unchanged(source_text: str, translation_text: str) -> bool:
    """Both files are byte for byte the pair that the `translated` command verified (and found in parity)."""
    key = content_key(source_text, translation_text)
    return VERIFIED_PAIRS.get(key, lambda: _verified_unchanged(source_text, translation_text))


def _verified_unchanged(source_text: str, translation_text: str) -> bool:
    match = VERIFIED_STAMP.search(translation_text)
    return (
        match is not None
        and match.group(1) == fingerprint(source_text)
        and match.group(2) == own_fingerprint(translation_text)
    )


@dataclass(frozen=True)
class Stamp:
    """A `translated_from` value: the source's fingerprint, the verified translation's (pages only), and
    the day the `translated` command wrote it (stamps before it recorded days have none)."""

    source: str
    date: datetime.date | None

    @classmethod
    def of(cls, value: object) -> Stamp:
        fingerprints, _, day = str(value).strip().partition(" ")
        try:
            date = datetime.date.fromisoformat(day) if day else None
        except ValueError:
            date = None
        return cls(fingerprints.split(":", 1)[0], date)


def check_outdated(
    root: Path, source: Page, translation: Page, report: Report, policy: TranslationPolicy
) -> tuple[State, SourceChange | None]:
    """A translation without a stamp, or stamped from another version of its source: its state, and
    for an outdated one, what changed since."""
    value = translation.front_matter.get(STAMP_KEY)
    command = f"make translated FILES='{translation.shown}'"
    if value is None:
        message = (
            f"no '{STAMP_KEY}' in the front matter, so changes to {source.shown} cannot be noticed – "
            f"once this translation matches it, run: {command}"
        )
        finding = Finding(translation.shown, 1, message, "untracked-translation", counterpart=source.shown)
        report.add(finding, translation.page_exemptions)
        return State.UNTRACKED, None
    stamp = Stamp.of(value)
    if stamp.source == fingerprint(source.text):
        return State.CURRENT, None
    change, description = _page_change(root, source, translation, stamp)
    message = (
        f"{source.shown} changed since this translation was brought in line ({description}) – "
        f"update the translation, then run: {command}"
    )
    level = "warning" if policy.tolerates_outdated else "error"
    finding = Finding(translation.shown, 1, message, "outdated", counterpart=source.shown, level=level)
    report.add(finding, translation.page_exemptions)
    return State.OUTDATED, change


def _page_change(root: Path, source: Page, translation: Page, stamp: Stamp) -> tuple[SourceChange, str]:
    """What changed in the source since the version with the stamp's fingerprint, for readers and for the
    editor's message."""
    relative = source.path.relative_to(root).as_posix()
    history = source_history(root, relative, lambda text: fingerprint(text) == stamp.source)
    if history.translated_text is None:
        description = (
            "what changed cannot be shown: the version it was translated from is not in this clone's git history "
            "(a shallow clone?); compare by hand"
        )
        return SourceChange(None, stamp.date, None), description
    translated_source = parsed_version(history.translated_text, source)
    sections = changed_sections(source, translated_source, translation)
    old_chunks = {chunk for _, chunk in text_chunks(history.translated_text)}
    changed = [line for line, chunk in text_chunks(source.text) if chunk not in old_chunks]
    if changed:
        shown = ", ".join(f"{source.shown}:{line}" for line in changed[:CHANGED_LINES_SHOWN])
        description = f"new or changed since: {shown}" + (" …" if len(changed) > CHANGED_LINES_SHOWN else "")
    else:
        description = "only text was removed or moved"
    return SourceChange(history.changed_on, stamp.date, sections), description
