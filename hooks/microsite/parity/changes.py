"""What changed in a source since its translation was made, as readers are told it: when, and in
which of the translation's sections.

From git history where the clone has it (CI checks out the whole history); otherwise only the date
the `translated` command recorded in the stamp is known.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify, unique

from .page_reader import parse_text
from .pages import Block, Page
from .status import ChangedSection


@dataclass(frozen=True)
class History:
    """The source as it was translated (None: not in this clone's history), and when it changed after."""

    translated_text: str | None
    changed_on: datetime.date | None


def source_history(root: Path, relative: str, translated: Callable[[str], bool]) -> History:
    """The newest committed version of `relative` for which `translated(text)` holds, and the date of the
    commit after it; the file's own date when the change is not committed yet."""
    log = _git(root, "log", "--format=%H %cs", "--", relative) or ""
    later_date = None
    for entry in log.splitlines():
        commit, _, day = entry.partition(" ")
        text = _git(root, "show", f"{commit}:{relative}")
        if text is not None and translated(text):
            return History(text, later_date or _file_date(root / relative))
        later_date = _date(day)
    return History(None, None)


def changed_sections(source: Page, translated_source: Page, translation: Page) -> tuple[ChangedSection, ...]:
    """The translation's sections whose source changed: a changed block belongs to the nearest heading
    before it that the translated source had too, and that heading is the translation's heading at the
    same place (the translation was in parity with that version)."""
    old_chunks = {chunk for _, chunk in text_chunks(translated_source.text)}
    changed_lines = [line for line, chunk in text_chunks(source.text) if chunk not in old_chunks]
    old_headings = [_heading_key(block) for block in _headings(translated_source)]
    headings = _headings(source)
    # The same outline: a heading reworded is still its section, found by its place.
    same_outline = [block.heading_level for block in headings] == [level for level, _ in old_headings]
    translated_headings = _headings(translation)
    anchors = _anchors(translation)
    sections: list[ChangedSection] = []
    for line in changed_lines:
        section = ChangedSection("", None)
        for index, block in reversed([(i, block) for i, block in enumerate(headings) if block.line <= line]):
            if same_outline or _heading_key(block) in old_headings:
                old_index = index if same_outline else old_headings.index(_heading_key(block))
                # A top-level heading is the page's title: what follows it is the page's beginning.
                if block.heading_level > 1 and old_index < len(translated_headings):
                    heading = translated_headings[old_index]
                    section = ChangedSection(heading.heading_text, anchors[id(heading)])
                break
        if section not in sections:
            sections.append(section)
    return tuple(sections)


def parsed_version(text: str, page: Page) -> Page:
    """Another version of a page, parsed like it."""
    return parse_text(text, page.path, page.shown, page.language)


def text_chunks(text: str) -> list[tuple[int, str]]:
    """(first line, text) of every run of non-blank lines."""
    chunks, start, current = [], 0, []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            chunks.append((start, "\n".join(current)))
            current = []
    if current:
        chunks.append((start, "\n".join(current)))
    return chunks


def _headings(page: Page) -> list[Block]:
    return [block for block in page.blocks if block.kind == "heading"]


def _heading_key(block: Block) -> tuple[int, str]:
    return block.heading_level, " ".join(block.heading_text.split())


def _anchors(page: Page) -> dict[int, str]:
    """Each heading's id in the built page: its explicit one, else what MkDocs' toc extension makes of it."""
    used: set[str] = set()
    anchors = {}
    for block in _headings(page):
        anchors[id(block)] = block.heading_id or unique(slugify(block.heading_text, "-"), used)
        used.add(anchors[id(block)])  # an explicit id too
    return anchors


def _file_date(path: Path) -> datetime.date | None:
    try:
        return datetime.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _date(day: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(day)
    except ValueError:
        return None


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
