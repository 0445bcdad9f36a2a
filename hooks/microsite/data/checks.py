"""What the schemas cannot say: the schema line, real dates, unique ids, references between files,
passages quoted word for word from the article pages, and texts that display differently from what
they are."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..frontmatter import split_front_matter
from ..languages import Languages
from ..pasted_text import hidden_character_problem, hidden_characters
from ..text_files import SAVE_AS_UTF8, UnreadableText, read_utf8
from .yaml_positions import DataFile, FieldPath

SCHEMA_SUFFIX = ".schema.json"
# The list of records in each data file whose ids must be unique.
RECORD_LISTS = {
    "partnerships": "partnerships",
    "timeline": "events",
    "networks": "networks",
    "recommendations": "recommendations",
    "figures": "figures",
    "people": "people",
    "articles": "topics",
}


def check_schema_line(text: str, data_file: DataFile) -> list[Finding]:
    expected = f"# yaml-language-server: $schema=./{data_file.name}{SCHEMA_SUFFIX}"
    if text.split("\n", 1)[0].strip() != expected:
        message = f"the first line must be '{expected}' – it lets editors' IDEs check this file while typing"
        return [data_file.file_finding(message)]
    return []


def check_dates(data_file: DataFile) -> list[Finding]:
    findings = []
    for index, event in enumerate(data_file.content.get("events", [])):
        value = str(event["date"])
        parts = [int(part) for part in value.split("-")]
        try:
            datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            unit = "day" if len(parts) == 3 else "month"
            message = f"impossible date {value!r} – there is no such {unit}; write it as YYYY, YYYY-MM or YYYY-MM-DD"
            findings.append(data_file.finding(("events", index, "date"), message))
        if "season" in event and len(parts) > 1:
            message = (
                f"a season belongs to a year alone, but the date is {value!r} – write the year only, or remove 'season'"
            )
            findings.append(data_file.finding(("events", index, "season"), message))
    return findings


def check_unique_ids(data_file: DataFile) -> list[Finding]:
    list_name = RECORD_LISTS.get(data_file.name)
    records = data_file.content.get(list_name, []) if list_name else []
    findings, first_seen = [], {}
    for index, record in enumerate(records):
        record_id = record["id"]
        if record_id not in first_seen:
            first_seen[record_id] = index
            continue
        line = data_file.position((list_name, first_seen[record_id], "id"))[0]
        message = f"duplicate id {record_id!r} (first used on line {line}) – give each record its own id"
        findings.append(data_file.finding((list_name, index, "id"), message))
    return findings


def _partnership_references(data_files: dict[str, DataFile]) -> list[tuple[DataFile, FieldPath, str]]:
    """(file, path, id) of every place that names a partnership."""
    references = []
    timeline = data_files.get("timeline")
    if timeline is not None and timeline.valid:
        for index, event in enumerate(timeline.content["events"]):
            if "partnership" in event:
                references.append((timeline, ("events", index, "partnership"), event["partnership"]))
    networks = data_files.get("networks")
    if networks is not None and networks.valid:
        for index, network in enumerate(networks.content["networks"]):
            for position, value in enumerate(network.get("partnerships", [])):
                references.append((networks, ("networks", index, "partnerships", position), value))
    return references


def check_references(data_files: dict[str, DataFile]) -> list[Finding]:
    partnerships = data_files.get("partnerships")
    if partnerships is None or not partnerships.valid:
        return []
    known = [record["id"] for record in partnerships.content["partnerships"]]
    todo = f"use one of the ids in {partnerships.display_path}: {', '.join(known)}"
    return [
        data_file.finding(path, f"unknown partnership {value!r} – {todo}")
        for data_file, path, value in _partnership_references(data_files)
        if value not in known
    ]


def article_sources(content: Any, path: FieldPath = ()) -> list[tuple[FieldPath, dict]]:
    """Every `{page, passage}` source in a data file, with its path."""
    if isinstance(content, dict):
        if set(content) == {"page", "passage"}:
            return [(path, content)]
        return [found for key, value in content.items() for found in article_sources(value, (*path, key))]
    if isinstance(content, list):
        return [found for index, value in enumerate(content) for found in article_sources(value, (*path, index))]
    return []


class PageTexts:
    """The article pages' text with whitespace made alike, read once per check: the lead (the front
    matter's `description`, which readers see above the article) and the body."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir, self._texts = docs_dir, {}

    def get(self, language: str, page: str) -> str | UnreadableText | None:
        """The page's text; the reason it cannot be read; or None if it does not exist."""
        path = self.docs_dir / language / page
        if path not in self._texts:
            self._texts[path] = None
            if path.is_file():
                try:
                    front_matter, body = split_front_matter(read_utf8(path))
                    lead = front_matter.get("description")
                    self._texts[path] = " ".join(f"{lead if isinstance(lead, str) else ''}\n\n{body}".split())
                except UnreadableText as unreadable:
                    self._texts[path] = unreadable
        return self._texts[path]


def check_sources(data_file: DataFile, languages: Languages, pages: PageTexts) -> list[Finding]:
    findings = []
    for path, source in article_sources(data_file.content):
        for language in languages.codes:
            text = pages.get(language, source["page"])
            shown = f"docs/{language}/{source['page']}"
            if isinstance(text, UnreadableText):
                where = f"{shown}:{text.line}:{text.column}"
                todo = SAVE_AS_UTF8 if text.not_utf8 else "make it a file that can be read"
                message = f"the article page cannot be read, nor the passage in it: {where}: {text.reason} – {todo}"
                findings.append(data_file.finding((*path, "page"), message))
                break
            if text is None:
                message = f"the article page {shown} does not exist – name a page that exists in every language folder"
                findings.append(data_file.finding((*path, "page"), message))
                break
            passage = source["passage"].get(language)
            # A passage not yet translated has nothing to be found: the parity check names it.
            if passage is None:
                continue
            if " ".join(passage.split()) not in text:
                todo = "quote the article word for word (same quotes, dashes and spelling)"
                message = f"this passage is not in {shown} – {todo}"
                findings.append(data_file.finding((*path, "passage", language), message))
    return findings


def texts(content: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """Every text in a data file or front matter, with its path."""
    if isinstance(content, str):
        return [(path, content)]
    if isinstance(content, dict):
        return [found for key, value in content.items() for found in texts(value, (*path, key))]
    if isinstance(content, list):
        return [found for index, value in enumerate(content) for found in texts(value, (*path, index))]
    return []


def check_hidden_characters(
    data_file: DataFile, allowed: frozenset[str], named: Collection[FieldPath] = ()
) -> list[Finding]:
    """Every text (a title, a name, an id, an address, a description) with a bidirectional control or a
    zero-width character it does not need (pasted_text.py), at the first of them; not those whose value
    the schema has named already (`named`: an id or address with one is not of its pattern)."""
    findings = []
    for path, text in texts(data_file.content):
        found = hidden_characters(text, allowed)
        if found and path not in named:
            character = text[found[0]]
            occurrence = text.count(character, 0, found[0])
            problem = hidden_character_problem(text, found)
            findings.append(data_file.finding(path, problem, character=character, occurrence=occurrence))
    return findings
