"""The records of the data files (`data/*.yml`) and whether their translations follow their source: each
record with an id records `translated_from: <fingerprint>` of its source-language texts, so that a change
to them is noticed like a change to a page, and told from git history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..data.yaml_positions import DataFile, FieldPath, PlainLoader, format_path
from ..findings import Finding
from ..languages import Languages
from ..translation_policy import TranslationPolicy
from .changes import History, source_history
from .report import Report
from .stamps import STAMP_KEY, Stamp, fingerprint
from .status import SourceChange, State

# Between a record's texts in its fingerprint: a character no text holds.
TEXT_SEPARATOR = "\n\u241e\n"
CHANGED_TEXTS_SHOWN = 3


def is_text(content: dict, languages: Languages) -> bool:
    """A mapping keyed by language codes of the project only."""
    return bool(content) and set(content) <= set(languages.codes)


def record_lists(content: Any) -> list[tuple[FieldPath, dict]]:
    """(path, record) of every record with an id in a data file: the mappings in its top-level lists."""
    found = []
    if isinstance(content, dict):
        for key, value in content.items():
            if isinstance(value, list):
                found += [
                    ((key, index), item) for index, item in enumerate(value) if isinstance(item, dict) and "id" in item
                ]
    return found


def source_texts(content: Any, languages: Languages) -> list[str]:
    """The source-language strings of a record, in document order."""
    if isinstance(content, dict):
        if (
            languages.source in content
            and all(isinstance(v, str) for v in content.values())
            and is_text(content, languages)
        ):
            return [content[languages.source]]
        return [text for key, value in content.items() if key != STAMP_KEY for text in source_texts(value, languages)]
    if isinstance(content, list):
        return [text for value in content for text in source_texts(value, languages)]
    return []


def record_fingerprint(record: dict, languages: Languages) -> str:
    return fingerprint(TEXT_SEPARATOR.join(source_texts(record, languages)))


def check_record_stamp(
    root: Path,
    data_file: DataFile,
    record_path: FieldPath,
    record: dict,
    languages: Languages,
    policy: TranslationPolicy,
    report: Report,
) -> tuple[State, SourceChange | None]:
    """A record without a stamp, or stamped from other source-language texts, is reported: its state, and
    when the source changed. `policy`: whether an outdated translation is an error or a warning."""
    name = format_path(record_path, data_file.content)
    command = f"make translated FILES='{data_file.display_path}#{record['id']}'"
    source_name = Languages.name(languages.source)
    value = record.get(STAMP_KEY)
    if value is None:
        message = (
            f"{name} has no '{STAMP_KEY}', so changes to its {source_name} texts cannot be noticed – "
            f"once its translations match, run: {command}"
        )
        line, _ = data_file.position((*record_path, "id"))
        report.add(Finding(data_file.display_path, line, message, "untracked-translation"))
        return State.UNTRACKED, None
    stamp = Stamp.of(value)
    if stamp.source == record_fingerprint(record, languages):
        return State.CURRENT, None
    history, description = _describe_record_change(root, data_file, record, stamp.source, languages)
    message = (
        f"{name}: its {source_name} text changed since the translation was brought in line ({description}) – "
        f"update the other languages, then run: {command}"
    )
    line, _ = data_file.position((*record_path, STAMP_KEY))
    level = "warning" if policy.tolerates_outdated else "error"
    report.add(Finding(data_file.display_path, line, message, "outdated", level=level))
    return State.OUTDATED, SourceChange(history.changed_on, stamp.date, None)


def _describe_record_change(
    root: Path, data_file: DataFile, record: dict, stamp: str, languages: Languages
) -> tuple[History, str]:
    """The record's source-language texts new since the version with fingerprint `stamp`, from git history."""

    def stamped_version(text: str) -> bool:
        old = _record_in(text, record["id"])
        return old is not None and record_fingerprint(old, languages) == stamp

    history = source_history(root, data_file.display_path, stamped_version)
    if history.translated_text is None:
        return (
            history,
            "what changed cannot be shown: that version is not in this clone's git history (a shallow clone?)",
        )
    old = source_texts(_record_in(history.translated_text, record["id"]), languages)
    changed = [text for text in source_texts(record, languages) if text not in old]
    if not changed:
        return history, "texts removed or reordered"
    return history, "now: " + "; ".join(f"'{text}'" for text in changed[:CHANGED_TEXTS_SHOWN])


def _record_in(data_text: str, record_id: str) -> dict | None:
    """The record with this id in a version of a data file, if that version can be read."""
    try:
        content = yaml.load(data_text, Loader=PlainLoader)
    except yaml.YAMLError:
        return None
    return next((record for _, record in record_lists(content) if record.get("id") == record_id), None)
