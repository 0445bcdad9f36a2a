"""A YAML text as the syntax explanations read it (yaml_syntax.py, yaml_layout.py): its lines and what
their indentation says, places in it as PyYAML marks them, the quotes and brackets that open and close a
value, and a line as it should be written with its value in quotes."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

QUOTES = "\"'"


BRACKETS = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class SyntaxProblem:
    # Where to look, counted from 1.
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Line:
    """One line of the YAML text, and what its indentation says."""

    number: int
    text: str

    @property
    def content(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def is_content(self) -> bool:
        return bool(self.content) and not self.content.startswith("#")

    @property
    def field_indent(self) -> int:
        """Where the fields written on this line begin: after a list item's '- '."""
        rest = self.text[self.indent :]
        while rest.startswith("- ") or rest == "-":
            rest = rest[2:].lstrip(" ")
        return len(self.text) - len(rest)

    @property
    def name(self) -> str:
        """The field this line writes ('title:'), or its beginning."""
        rest = self.text[self.field_indent :]
        key, colon, _ = rest.partition(": ")
        if colon or rest.rstrip().endswith(":"):
            return f"'{key.rstrip(':').strip()}:'"
        return f"'{shortened(rest.strip())}'"


Place = tuple[int, int]


def place_of(mark: yaml.Mark | None, lines: list[Line]) -> Place:
    """A mark as line and column from 1, within the text (a mark past its end: its last character)."""
    if mark is None:
        return 1, 1
    line, column = mark.line + 1, mark.column + 1
    if line > len(lines):
        return len(lines), len(lines[-1].text) + 1
    return line, column


def character_at(lines: list[Line], place: Place) -> str:
    line, column = place
    text = lines[line - 1].text
    return text[column - 1] if column - 1 < len(text) else ""


def previous_content(lines: list[Line], line: int) -> Line | None:
    return next((candidate for candidate in reversed(lines[: line - 1]) if candidate.is_content), None)


def shortened(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"


def quoted(value: str) -> str:
    """A text in the quotes that need no escaping inside it."""
    value = value.strip()
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def with_quoted_value(line: Line) -> str:
    """The line as it should be written: its field with the value in quotes."""
    start = line.field_indent
    key, _, value = line.text[start:].partition(": ")
    return f"{key}: {quoted(value)}"


def closing_at(text: str, start: int, opening: str) -> int:
    """Where the quote or bracket opened at `start` of the text closes; -1 if it never does."""
    if opening == "'":
        position = start + 1
        while (position := text.find("'", position)) != -1:
            if text[position + 1 : position + 2] != "'":
                return position
            position += 2
        return -1
    if opening == '"':
        position = start + 1
        while position < len(text):
            if text[position] == "\\":
                position += 2
                continue
            if text[position] == '"':
                return position
            position += 1
        return -1
    return text.find(BRACKETS[opening], start + 1)


def offset_of(lines: list[Line], place: Place) -> int:
    line, column = place
    return sum(len(candidate.text) + 1 for candidate in lines[: line - 1]) + column - 1


def value_start(line: Line) -> int | None:
    """Where a field's or list item's value begins on the line, if it begins with a quote or a bracket."""
    rest = line.text[line.field_indent :]
    key, colon, _ = rest.partition(": ")
    start = line.field_indent + len(key) + len(colon) if colon else line.field_indent
    start += len(line.text[start:]) - len(line.text[start:].lstrip(" "))
    if start < len(line.text) and (line.text[start] in QUOTES or line.text[start] in BRACKETS):
        return start
    return None
