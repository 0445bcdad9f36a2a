"""YAML read safely, with the line and column of every value: what lets each finding name its place.

Data files are plain YAML: mappings, lists and scalars. Anchors and aliases are never needed in them,
and dates stay text (the schema checks them), not Python dates.
What could make reading a file slow, unbounded or surprising is refused first (`yaml_refusals`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..findings import Finding
from .yaml_refusals import line_break_refusals, size_refusal, structure_refusals
from .yaml_syntax import explain as explain_syntax_error

FieldPath = tuple[str | int, ...]

# libyaml's parser where PyYAML has it (several times faster, with the same line and column marks).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PlainLoader(_BaseLoader):
    """Safe YAML as written: dates stay text, not Python dates."""


PlainLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_path(path: FieldPath, content: Any = None) -> str:
    """A field's path as editors read it, in the `content` it leads into: the items of a list counted
    from 1, as an editor counts them, a record named by its id: "partnerships, record 4 ('harbour'),
    city.name"; an item that is no group of fields is an entry ("topics, entry 1")."""
    text, after_item = "", False
    for part in path:
        if isinstance(part, int):
            content = content[part] if isinstance(content, list) and 0 <= part < len(content) else None
            text += f"{', ' if text else ''}{_item_name(part, content)}"
        else:
            content = content.get(part) if isinstance(content, dict) else None
            text += f"{', ' if after_item else '.' if text else ''}{part}"
        after_item = isinstance(part, int)
    return text


def _item_name(index: int, item: Any) -> str:
    if not isinstance(item, dict):
        return f"entry {index + 1}"
    record_id = item.get("id")
    return f"record {index + 1}" + (f" ('{record_id}')" if isinstance(record_id, str) and record_id.strip() else "")


@dataclass
class DataFile:
    """One data file: its content and where each value (and each mapping key) was written."""

    name: str
    display_path: str
    content: Any = None
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    # The line each text ends on (a folded or literal text goes on below the line of its field).
    end_lines: dict[FieldPath, int] = field(default_factory=dict)
    valid: bool = False
    # Whether `content` was built: not after a syntax error or a refusal.
    parsed: bool = False
    # The lines as written, to find a character inside a value.
    lines: list[str] = field(default_factory=list, repr=False)

    def position(self, path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or of its key); of its nearest written parent if it is missing."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def character_position(self, path: FieldPath, character: str, occurrence: int = 0) -> tuple[int, int]:
        """Line and column of the `occurrence`-th (from 0) `character` in the value at `path` as written, on
        any of its lines; the value's own where it is not written there as itself (an escape such as
        "\\u00ad")."""
        line, column = self.position(path)
        start = column - 1
        for number in range(line, min(self.end_lines.get(path, line), len(self.lines)) + 1):
            written = self.lines[number - 1]
            found = written.find(character, start)
            while found >= 0:
                if occurrence == 0:
                    return number, found + 1
                occurrence -= 1
                found = written.find(character, found + 1)
            start = 0
        return line, column

    def finding(
        self,
        path: FieldPath,
        message: str,
        *,
        key: bool = False,
        check: str = "",
        character: str | None = None,
        occurrence: int = 0,
    ) -> Finding:
        """A finding at the value at `path` (or its key), or at its `occurrence`-th (from 0) `character`."""
        if character is None:
            line, column = self.position(path, key=key)
        else:
            line, column = self.character_position(path, character, occurrence)
        shown = format_path(path, self.content)
        return Finding(self.display_path, line, f"{shown}: {message}" if shown else message, check, column)

    def file_finding(self, message: str, line: int = 1, column: int = 1, check: str = "") -> Finding:
        return Finding(self.display_path, line, message, check, column)

    def texts(self) -> Iterator[tuple[FieldPath, str]]:
        """Every text of the content, with its field's path, in the order written."""
        pending: list[tuple[FieldPath, Any]] = [((), self.content)]
        while pending:
            path, value = pending.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                pending += reversed([((*path, key), item) for key, item in value.items()])
            elif isinstance(value, list):
                pending += reversed([((*path, index), item) for index, item in enumerate(value)])


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Reader:
    """Builds the content of one document from its nodes, noting every position and repeated key."""

    def __init__(self, loader: PlainLoader, data_file: DataFile) -> None:
        self.loader, self.data_file, self.findings = loader, data_file, []
        # Fields written twice: (path, first line, line, column), told once the content is built, so that
        # their path names the record they are in.
        self.repeated: list[tuple[FieldPath, int, int, int]] = []

    def construct(self, node: yaml.Node, path: FieldPath) -> Any:
        self.data_file.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.construct(item, (*path, index)) for index, item in enumerate(node.value)]
        self.data_file.end_lines[path] = node.end_mark.line + 1
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        """The value of a text, number, true/false or nothing.

        A number too long for Python to convert (over 4300 digits) stays the text it was written as:
        the schema then says whether a text belongs there."""
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:
            return node.value

    def mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(self.scalar(key_node))
            key_path = (*path, key)
            if key in mapping:
                first_line = self.data_file.key_positions[key_path][0]
                line, column = _mark(key_node)
                self.repeated.append((key_path, first_line, line, column))
                continue
            self.data_file.key_positions[key_path] = _mark(key_node)
            mapping[key] = self.construct(value_node, key_path)
        return mapping


def too_large(data_file: DataFile, size: int) -> list[Finding]:
    """The refusal of a data file of `size` bytes, if it is over MAX_DATA_FILE_BYTES."""
    message = size_refusal(size)
    return [data_file.file_finding(message)] if message else []


def _syntax_error(error: yaml.YAMLError, text: str, data_file: DataFile, check: str) -> Finding:
    if isinstance(error, yaml.MarkedYAMLError):
        problem = explain_syntax_error(error, text)
        return data_file.file_finding(problem.message, problem.line, problem.column, check)
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        # The first unacceptable character is the first of its kind (libyaml counts its position in bytes).
        before = text[: max(text.find(chr(error.character)), 0)]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        character = f"U+{error.character:04X}"
        todo = "delete it (it is invisible, and often comes with text pasted from another program)"
        return data_file.file_finding(
            f"the character {character} cannot be in a data file – {todo}", line, column, check
        )
    return data_file.file_finding(f"YAML syntax error: {error} – check the file's structure", check=check)


def parse_yaml(text: str, data_file: DataFile, *, syntax_check: str = "") -> list[Finding]:
    """Fill `data_file` from YAML text; returns the findings (refusals, syntax errors, repeated fields).
    A syntax error's finding has the check id `syntax_check` (a page's front matter has one)."""
    refusals = too_large(data_file, len(text.encode("utf-8")))
    if refusals:
        return refusals
    data_file.lines = text.split("\n")
    loader = PlainLoader(text)
    reader = _Reader(loader, data_file)
    try:
        found = line_break_refusals(text) or structure_refusals(text, PlainLoader)
        refusals = [data_file.file_finding(refusal.message, refusal.line, refusal.column) for refusal in found]
        if not refusals:
            node = loader.get_single_node()
            data_file.content = None if node is None else reader.construct(node, ())
            data_file.parsed = True
    except yaml.YAMLError as error:
        reader.findings.append(_syntax_error(error, text, data_file, syntax_check))
    finally:
        loader.dispose()
    for key_path, first_line, line, column in reader.repeated:
        written_twice = f"the field '{key_path[-1]}' is written twice (first on line {first_line})"
        message = f"{format_path(key_path, data_file.content)}: {written_twice} – keep one of them"
        reader.findings.append(data_file.file_finding(message, line, column))
    return refusals + reader.findings
