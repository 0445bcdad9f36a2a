"""Outdated translations: each translation records `translated_from: <fingerprint>` of its source.

The fingerprint is a hash of the source text, so it works in any clone, shallow ones included; where
git history is there, it also finds the source as it was translated, to show what changed since.
Only the `translated` command writes stamps (see marking.py); here they are only read.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from ..findings import Finding
from .pages import Page
from .report import Report

STAMP_KEY = "translated_from"
STAMP_LINE = re.compile(rf"^{STAMP_KEY}:.*\n", flags=re.MULTILINE)
# A page's stamp once verified: the source's fingerprint, then the translation's own.
VERIFIED_STAMP = re.compile(rf"^{STAMP_KEY}:\s*\"?([0-9a-f]{{12}}):([0-9a-f]{{12}})\"?\s*$", flags=re.MULTILINE)
CHANGED_LINES_SHOWN = 8


def fingerprint(text: str) -> str:
    """A short hash of a text, insensitive to trailing spaces, line-ending style and a byte-order mark."""
    unmarked = text.removeprefix("\ufeff").replace("\r\n", "\n")
    normal = "\n".join(line.rstrip() for line in unmarked.strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def own_fingerprint(translation_text: str) -> str:
    """The translation's fingerprint, leaving out its own stamp."""
    return fingerprint(STAMP_LINE.sub("", translation_text, count=1))


def page_stamp(source_text: str, translation_text: str) -> str:
    """What the `translated` command records: the source's fingerprint and the verified translation's."""
    return f"{fingerprint(source_text)}:{own_fingerprint(translation_text)}"


def stamped_source(stamp: object) -> str:
    """The source's fingerprint in a stamp (older stamps hold only that)."""
    return str(stamp).split(":", 1)[0]


def verified_unchanged(source_text: str, translation_text: str) -> bool:
    """Both files are byte for byte the pair that the `translated` command verified (and found in parity)."""
    match = VERIFIED_STAMP.search(translation_text)
    return (
        match is not None
        and match.group(1) == fingerprint(source_text)
        and match.group(2) == own_fingerprint(translation_text)
    )


def check_outdated(root: Path, source: Page, translation: Page, report: Report) -> None:
    """A translation without a stamp, or stamped from another version of its source."""
    stamp = translation.front_matter.get(STAMP_KEY)
    command = f"make translated FILES='{translation.shown}'"
    if stamp is None:
        message = (
            f"no '{STAMP_KEY}' in the front matter, so changes to {source.shown} cannot be noticed – "
            f"once this translation matches it, run: {command}"
        )
        check = "untracked-translation"
    elif stamped_source(stamp) != fingerprint(source.text):
        change = describe_page_change(root, source, stamped_source(stamp))
        message = (
            f"{source.shown} changed since this translation was brought in line ({change}) – "
            f"update the translation, then run: {command}"
        )
        check = "outdated"
    else:
        return
    report.add(Finding(translation.shown, 1, message, check, counterpart=source.shown), translation.page_exemptions)


def describe_page_change(root: Path, source: Page, stamp: str) -> str:
    """Where the source changed since the version with fingerprint `stamp`, from git history."""
    relative = source.path.relative_to(root).as_posix()
    old_text = earlier_version(root, relative, lambda text: fingerprint(text) == stamp)
    if old_text is None:
        return (
            "what changed cannot be shown: the version it was translated from is not in this clone's git history "
            "(a shallow clone?); compare by hand"
        )
    old_chunks = {chunk for _, chunk in text_chunks(old_text)}
    changed = [line for line, chunk in text_chunks(source.text) if chunk not in old_chunks]
    if not changed:
        return "only text was removed or moved"
    shown = ", ".join(f"{source.shown}:{line}" for line in changed[:CHANGED_LINES_SHOWN])
    return f"new or changed since: {shown}" + (" …" if len(changed) > CHANGED_LINES_SHOWN else "")


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


def earlier_version(root: Path, relative: str, wanted: Callable[[str], bool]) -> str | None:
    """The newest committed text of `relative` for which `wanted(text)` holds; None without git history."""
    commits = _git(root, "log", "--format=%H", "--", relative)
    for commit in (commits or "").split():
        text = _git(root, "show", f"{commit}:{relative}")
        if text is not None and wanted(text):
            return text
    return None


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
