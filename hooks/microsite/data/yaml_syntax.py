"""A YAML syntax error in plain words: what an editor did, and what to write instead.

PyYAML says where it stopped (its marks: the line and column of the problem, and of what it was
reading then) in words of its grammar ("mapping values are not allowed here", "did not find expected
key"). Those words differ between its C and Python readers; the marks do not. So the common mistakes
are told apart by the text at the marks: a tab in the indentation, a text with ': ' in it, a field
indented unlike the fields it belongs with, a list item among fields, a quote or bracket never closed,
a line without a colon, a text that begins with a character YAML reserves. What is none of these keeps
the reader's words, at the end, in parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

QUOTES = "\"'"
BRACKETS = {"[": "]", "{": "}"}
# Characters a plain text may not begin with in YAML.
RESERVED_STARTS = "@`%|>!&*"
NO_COLON = (
    "this line has no ':' – write a field as 'name: value'; if it goes on the text of the line above, indent "
    "it more than that field's name, or put the whole text in quotes"
)


@dataclass(frozen=True)
class SyntaxProblem:
    # Where to look, counted from 1.
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class _Line:
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
        return f"'{_shortened(rest.strip())}'"


def explain(error: yaml.MarkedYAMLError, text: str) -> SyntaxProblem:
    """The problem `error` found in `text`, in plain words, with its place."""
    lines = [_Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    problem = _place(error.problem_mark or error.context_mark, lines)
    context = _place(error.context_mark, lines) if error.context_mark else None
    for explanation in (
        _tab,
        _unclosed,
        _second_document,
        _text_after_quote,
        _colon_in_text,
        _reserved_start,
        _no_colon,
        _list_item_among_fields,
        _field_among_list_items,
        _no_colon_above,
        _indentation,
    ):
        found = explanation(problem, context, lines)
        if found is not None:
            return found
    said = " ".join(part for part in (error.context, error.problem) if part)
    line, column = problem
    todo = "check the indentation, the colons and the quotes on this line and the one above"
    return SyntaxProblem(line, column, f"this line cannot be read – {todo} (YAML: {said})")


Place = tuple[int, int]


def _place(mark: yaml.Mark | None, lines: list[_Line]) -> Place:
    """A mark as line and column from 1, within the text (a mark past its end: its last character)."""
    if mark is None:
        return 1, 1
    line, column = mark.line + 1, mark.column + 1
    if line > len(lines):
        return len(lines), len(lines[-1].text) + 1
    return line, column


def _at(lines: list[_Line], place: Place) -> str:
    line, column = place
    text = lines[line - 1].text
    return text[column - 1] if column - 1 < len(text) else ""


def _previous_content(lines: list[_Line], line: int) -> _Line | None:
    return next((candidate for candidate in reversed(lines[: line - 1]) if candidate.is_content), None)


def _shortened(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"


def _quoted(value: str) -> str:
    """A text in the quotes that need no escaping inside it."""
    value = value.strip()
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _with_quoted_value(line: _Line) -> str:
    """The line as it should be written: its field with the value in quotes."""
    start = line.field_indent
    key, _, value = line.text[start:].partition(": ")
    return f"{key}: {_quoted(value)}"


def _tab(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    first = min(problem[0], context[0]) if context else problem[0]
    for line in lines[first - 1 : problem[0]]:
        indentation = line.text[: len(line.text) - len(line.text.lstrip(" \t"))]
        if "\t" in indentation:
            message = "this line is indented with a tab – replace the tab with spaces (YAML indents with spaces only)"
            return SyntaxProblem(line.number, indentation.index("\t") + 1, message)
    if _at(lines, problem) == "\t":
        return SyntaxProblem(*problem, "a tab here – replace it with a space (YAML does not take tabs)")
    return None


def _closing(text: str, start: int, opening: str) -> int:
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


def _offset(lines: list[_Line], place: Place) -> int:
    line, column = place
    return sum(len(candidate.text) + 1 for candidate in lines[: line - 1]) + column - 1


def _unclosed(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """A quote or a bracket that opens a value and is not closed on its line, where the reader went on
    reading it up to the problem (YAML lets quoted texts and lists run over several lines)."""
    text = "\n".join(line.text for line in lines)
    problem_line_at = _offset(lines, (problem[0], 1))
    first = min(problem[0], context[0]) if context else problem[0]
    for line in reversed(lines[first - 1 : problem[0]]):
        start = _value_start(line)
        if start is None or _closing(line.text, start, line.text[start]) != -1:
            continue
        opening = line.text[start]
        # The nearest such value decides: one closed before the problem's line is a text over several
        # lines, meant so, and any further up would have ended before it.
        closing = _closing(text, _offset(lines, (line.number, start + 1)), opening)
        if closing != -1 and closing < problem_line_at:
            return None
        if opening in QUOTES:
            message = (
                f"the quote ({opening}) that opens this text is never closed – end the text with {opening} on its line"
            )
        else:
            kind = "list" if opening == "[" else "group of fields"
            message = (
                f"the {kind} opened with '{opening}' here is not closed – end it with '{BRACKETS[opening]}' on its line"
            )
        return SyntaxProblem(line.number, start + 1, message)
    return None


def _value_start(line: _Line) -> int | None:
    """Where a field's or list item's value begins on the line, if it begins with a quote or a bracket."""
    rest = line.text[line.field_indent :]
    key, colon, _ = rest.partition(": ")
    start = line.field_indent + len(key) + len(colon) if colon else line.field_indent
    start += len(line.text[start:]) - len(line.text[start:].lstrip(" "))
    if start < len(line.text) and (line.text[start] in QUOTES or line.text[start] in BRACKETS):
        return start
    return None


def _second_document(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    line = lines[problem[0] - 1]
    if line.content not in ("---", "..."):
        return None
    message = f"a '{line.content}' line in the middle: YAML would begin another document here – remove the line"
    return SyntaxProblem(line.number, 1, message)


def _text_after_quote(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """`title: "Stadt" Land`: a text in quotes, and more after its closing quote."""
    line = lines[problem[0] - 1]
    start = _value_start(line)
    if start is None or line.text[start] not in QUOTES:
        return None
    closing = _closing(line.text, start, line.text[start])
    if closing == -1 or line.text[closing + 1 : problem[1] - 1].strip():
        return None
    message = (
        "the text goes on after its closing quote – put the whole text in quotes, with the other kind of "
        f"quotes inside: {_with_quoted_value(line)}"
    )
    return SyntaxProblem(*problem, message)


def _colon_in_text(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """`title: Stadt: Land`: a second ': ' on a field's line, read as a field inside the text."""
    line = lines[problem[0] - 1]
    if _at(lines, problem) != ":" or ": " not in line.text[line.field_indent : problem[1] - 1]:
        return None
    message = (
        f"the text has ': ' in it, which YAML reads as a new field – put the text in quotes: {_with_quoted_value(line)}"
    )
    return SyntaxProblem(*problem, message)


def _reserved_start(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """`title: @stadt`, `title: *Wichtig* …`: a text that begins with a character YAML reserves, where the
    reader stopped or where it was reading."""
    for place in (problem, context) if context else (problem,):
        character = _at(lines, place)
        line = lines[place[0] - 1]
        before = line.text[: place[1] - 1].rstrip()
        if not character or character not in RESERVED_STARTS or not before.endswith((":", "-")):
            continue
        if ": " in line.text[line.field_indent :]:
            written = _with_quoted_value(line)
        else:
            written = f"- {_quoted(line.text[place[1] - 1 :])}"
        message = f"a text cannot begin with {character} in YAML – put the text in quotes: {written}"
        return SyntaxProblem(*place, message)
    return None


def _no_colon(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """A line among fields that is no field: its ':' is missing, or it goes on the text above."""
    place = context if context is not None and lines[context[0] - 1].is_content else problem
    line = lines[place[0] - 1]
    rest = line.text[line.field_indent :]
    if (
        place[1] != line.field_indent + 1
        or ":" in rest
        or line.content.startswith(("-", "#", *QUOTES, *BRACKETS))
        or not any(other.is_content and other.number != line.number for other in lines[: problem[0]])
    ):
        return None
    return SyntaxProblem(line.number, place[1], NO_COLON)


def _no_colon_above(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """A line without a colon, and a field after it: YAML reads both as one text, the field's ':' in it."""
    line = lines[problem[0] - 1]
    if _at(lines, problem) != ":" or ":" in line.text[line.field_indent : problem[1] - 1]:
        return None
    above = _previous_content(lines, line.number)
    if above is None or ":" in above.text or above.content.startswith(("-", "#", *QUOTES, *BRACKETS)):
        return None
    return SyntaxProblem(above.number, above.field_indent + 1, NO_COLON)


def _list_item_among_fields(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """`- item` where the fields of a record (or of the file) are expected."""
    line = lines[problem[0] - 1]
    if problem[1] != line.indent + 1 or not line.content.startswith("- ") or (context and _at(lines, context) == "-"):
        return None
    message = (
        "a list item ('- …') among fields – a list belongs under a field of its own ('name:' on the line "
        "above, the items indented below it); or, if this is a field, remove the '- '"
    )
    return SyntaxProblem(*problem, message)


def _field_among_list_items(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """A field indented like the '- ' of the list it follows, not like the fields of its record."""
    line = lines[problem[0] - 1]
    if context is None or _at(lines, context) != "-" or problem[1] != line.indent + 1 or line.content.startswith("-"):
        return None
    if line.indent != context[1] - 1:
        return None
    item = lines[context[0] - 1]
    record_fields = item.field_indent if ": " in item.text[item.field_indent :] + " " else None
    sibling = next(
        (
            candidate
            for candidate in reversed(lines[item.number - 1 : line.number - 1])
            if candidate.is_content and candidate.field_indent == record_fields
        ),
        None,
    )
    if sibling is not None:
        message = (
            f"{line.name} is indented like the '- ' that begins the record on line {item.number}, not like the "
            f"record's fields – indent it like {sibling.name} on line {sibling.number} "
            f"({_spaces(sibling.field_indent)}); or, if it begins a new record, write '- ' before it"
        )
    else:
        message = (
            f"{line.name} stands among the items of the list that begins on line {item.number} – begin it with "
            "'- ' like them, or, if it is a field of its own, write it above the list"
        )
    return SyntaxProblem(*problem, message)


def _field_levels(lines: list[_Line], number: int) -> list[tuple[int, _Line]]:
    """Where a field may stand after the lines above line `number`: the indentation of the fields of each
    group it could belong to (the innermost first), each with the nearest line that has it."""
    levels: list[tuple[int, _Line]] = []
    for candidate in reversed(lines[: number - 1]):
        if candidate.is_content and (not levels or candidate.field_indent < levels[-1][0]):
            levels.append((candidate.field_indent, candidate))
    return levels


def _indentation(problem: Place, context: Place | None, lines: list[_Line]) -> SyntaxProblem | None:
    """A field indented unlike the fields it belongs with: more than one that has a value, or between two
    levels."""
    line = lines[problem[0] - 1]
    above = _previous_content(lines, line.number)
    if above is None or not line.is_content:
        return None
    if line.indent > above.field_indent and _at(lines, problem) == ":":
        message = (
            f"{line.name} is indented more than {above.name} on line {above.number}, which has its value already – "
            f"indent it like that field ({_spaces(above.field_indent)})"
        )
        return SyntaxProblem(line.number, line.indent + 1, message)
    levels = _field_levels(lines, line.number)
    if problem[1] != line.indent + 1 or not levels or line.indent in (indent for indent, _ in levels):
        return None
    nearest = min(abs(indent - line.indent) for indent, _ in levels)
    options = ", or ".join(
        f"like {sibling.name} on line {sibling.number} ({_spaces(indent)})"
        for indent, sibling in levels
        if abs(indent - line.indent) == nearest
    )
    message = f"{line.name} is indented {_spaces(line.indent)}, unlike the fields it belongs with – indent it {options}"
    return SyntaxProblem(line.number, line.indent + 1, message)
