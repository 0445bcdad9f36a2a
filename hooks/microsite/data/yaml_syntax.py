"""A YAML syntax error in plain words: what an editor did, and what to write instead.

PyYAML says where it stopped (its marks: the line and column of the problem, and of what it was
reading then) in words of its grammar ("mapping values are not allowed here", "did not find expected
key"). Those words differ between its C and Python readers; the marks do not. So the common mistakes
are told apart by the text at the marks: a tab in the indentation, a text with ': ' in it, a field
indented unlike the fields it belongs with, a list item among fields, a quote or bracket never closed,
a line without a colon, a text that begins with a character YAML reserves. What is none of these keeps
the reader's words, at the end, in parentheses.

Here the mistakes of quotes and characters, asked first; those of the text's layout (colons,
indentation, list items) in yaml_layout.py; the text's lines and places, which both read, in yaml_text.py.
"""

from __future__ import annotations

import yaml

from .yaml_layout import field_among_list_items, indentation, list_item_among_fields, no_colon, no_colon_above
from .yaml_text import (
    BRACKETS,
    QUOTES,
    Line,
    Place,
    SyntaxProblem,
    character_at,
    closing_at,
    offset_of,
    place_of,
    quoted,
    value_start,
    with_quoted_value,
)

# Characters a plain text may not begin with in YAML.
RESERVED_STARTS = "@`%|>!&*"


def explain(error: yaml.MarkedYAMLError, text: str) -> SyntaxProblem:
    """The problem `error` found in `text`, in plain words, with its place."""
    lines = [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    problem = place_of(error.problem_mark or error.context_mark, lines)
    context = place_of(error.context_mark, lines) if error.context_mark else None
    for explanation in (
        _tab,
        _unclosed,
        _second_document,
        _text_after_quote,
        _colon_in_text,
        _reserved_start,
        no_colon,
        list_item_among_fields,
        field_among_list_items,
        no_colon_above,
        indentation,
    ):
        found = explanation(problem, context, lines)
        if found is not None:
            return found
    said = " ".join(part for part in (error.context, error.problem) if part)
    line, column = problem
    todo = "check the indentation, the colons and the quotes on this line and the one above"
    return SyntaxProblem(line, column, f"this line cannot be read – {todo} (YAML: {said})")


def _tab(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    first = min(problem[0], context[0]) if context else problem[0]
    for line in lines[first - 1 : problem[0]]:
        indentation = line.text[: len(line.text) - len(line.text.lstrip(" \t"))]
        if "\t" in indentation:
            message = "this line is indented with a tab – replace the tab with spaces (YAML indents with spaces only)"
            return SyntaxProblem(line.number, indentation.index("\t") + 1, message)
    if character_at(lines, problem) == "\t":
        return SyntaxProblem(*problem, "a tab here – replace it with a space (YAML does not take tabs)")
    return None


def _unclosed(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """A quote or a bracket that opens a value and is not closed on its line, where the reader went on
    reading it up to the problem (YAML lets quoted texts and lists run over several lines)."""
    text = "\n".join(line.text for line in lines)
    problem_line_at = offset_of(lines, (problem[0], 1))
    first = min(problem[0], context[0]) if context else problem[0]
    for line in reversed(lines[first - 1 : problem[0]]):
        start = value_start(line)
        if start is None or closing_at(line.text, start, line.text[start]) != -1:
            continue
        opening = line.text[start]
        # The nearest such value decides: one closed before the problem's line is a text over several
        # lines, meant so, and any further up would have ended before it.
        closing = closing_at(text, offset_of(lines, (line.number, start + 1)), opening)
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


def _second_document(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    line = lines[problem[0] - 1]
    if line.content not in ("---", "..."):
        return None
    message = f"a '{line.content}' line in the middle: YAML would begin another document here – remove the line"
    return SyntaxProblem(line.number, 1, message)


def _text_after_quote(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """`title: "Stadt" Land`: a text in quotes, and more after its closing quote."""
    line = lines[problem[0] - 1]
    start = value_start(line)
    if start is None or line.text[start] not in QUOTES:
        return None
    closing = closing_at(line.text, start, line.text[start])
    if closing == -1 or line.text[closing + 1 : problem[1] - 1].strip():
        return None
    message = (
        "the text goes on after its closing quote – put the whole text in quotes, with the other kind of "
        f"quotes inside: {with_quoted_value(line)}"
    )
    return SyntaxProblem(*problem, message)


def _colon_in_text(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """`title: Stadt: Land`: a second ': ' on a field's line, read as a field inside the text."""
    line = lines[problem[0] - 1]
    if character_at(lines, problem) != ":" or ": " not in line.text[line.field_indent : problem[1] - 1]:
        return None
    message = (
        f"the text has ': ' in it, which YAML reads as a new field – put the text in quotes: {with_quoted_value(line)}"
    )
    return SyntaxProblem(*problem, message)


def _reserved_start(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """`title: @stadt`, `title: *Wichtig* …`: a text that begins with a character YAML reserves, where the
    reader stopped or where it was reading."""
    for place in (problem, context) if context else (problem,):
        character = character_at(lines, place)
        line = lines[place[0] - 1]
        before = line.text[: place[1] - 1].rstrip()
        if not character or character not in RESERVED_STARTS or not before.endswith((":", "-")):
            continue
        if ": " in line.text[line.field_indent :]:
            written = with_quoted_value(line)
        else:
            written = f"- {quoted(line.text[place[1] - 1 :])}"
        message = f"a text cannot begin with {character} in YAML – put the text in quotes: {written}"
        return SyntaxProblem(*place, message)
    return None
