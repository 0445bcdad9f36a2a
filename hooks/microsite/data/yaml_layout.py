"""YAML syntax errors of the text's layout, in plain words (yaml_syntax.py asks these after the errors of
quotes and characters): a line without a colon, a list item among fields, a field among list items, a
field indented unlike the fields it belongs with."""

from __future__ import annotations

from .yaml_text import BRACKETS, QUOTES, Line, Place, SyntaxProblem, character_at, previous_content, spaces

NO_COLON = (
    "this line has no ':' – write a field as 'name: value'; if it goes on the text of the line above, indent "
    "it more than that field's name, or put the whole text in quotes"
)


def no_colon(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
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


def no_colon_above(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """A line without a colon, and a field after it: YAML reads both as one text, the field's ':' in it."""
    line = lines[problem[0] - 1]
    if character_at(lines, problem) != ":" or ":" in line.text[line.field_indent : problem[1] - 1]:
        return None
    above = previous_content(lines, line.number)
    if above is None or ":" in above.text or above.content.startswith(("-", "#", *QUOTES, *BRACKETS)):
        return None
    return SyntaxProblem(above.number, above.field_indent + 1, NO_COLON)


def list_item_among_fields(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """`- item` where the fields of a record (or of the file) are expected."""
    line = lines[problem[0] - 1]
    if (
        problem[1] != line.indent + 1
        or not line.content.startswith("- ")
        or (context and character_at(lines, context) == "-")
    ):
        return None
    message = (
        "a list item ('- …') among fields – a list belongs under a field of its own ('name:' on the line "
        "above, the items indented below it); or, if this is a field, remove the '- '"
    )
    return SyntaxProblem(*problem, message)


def field_among_list_items(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """A field indented like the '- ' of the list it follows, not like the fields of its record."""
    line = lines[problem[0] - 1]
    if (
        context is None
        or character_at(lines, context) != "-"
        or problem[1] != line.indent + 1
        or line.content.startswith("-")
    ):
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
            f"({spaces(sibling.field_indent)}); or, if it begins a new record, write '- ' before it"
        )
    else:
        message = (
            f"{line.name} stands among the items of the list that begins on line {item.number} – begin it with "
            "'- ' like them, or, if it is a field of its own, write it above the list"
        )
    return SyntaxProblem(*problem, message)


def _field_levels(lines: list[Line], number: int) -> list[tuple[int, Line]]:
    """Where a field may stand after the lines above line `number`: the indentation of the fields of each
    group it could belong to (the innermost first), each with the nearest line that has it."""
    levels: list[tuple[int, Line]] = []
    for candidate in reversed(lines[: number - 1]):
        if candidate.is_content and (not levels or candidate.field_indent < levels[-1][0]):
            levels.append((candidate.field_indent, candidate))
    return levels


def indentation(problem: Place, context: Place | None, lines: list[Line]) -> SyntaxProblem | None:
    """A field indented unlike the fields it belongs with: more than one that has a value, or between two
    levels."""
    line = lines[problem[0] - 1]
    above = previous_content(lines, line.number)
    if above is None or not line.is_content:
        return None
    if line.indent > above.field_indent and character_at(lines, problem) == ":":
        message = (
            f"{line.name} is indented more than {above.name} on line {above.number}, which has its value already – "
            f"indent it like that field ({spaces(above.field_indent)})"
        )
        return SyntaxProblem(line.number, line.indent + 1, message)
    levels = _field_levels(lines, line.number)
    if problem[1] != line.indent + 1 or not levels or line.indent in (indent for indent, _ in levels):
        return None
    nearest = min(abs(indent - line.indent) for indent, _ in levels)
    options = ", or ".join(
        f"like {sibling.name} on line {sibling.number} ({spaces(indent)})"
        for indent, sibling in levels
        if abs(indent - line.indent) == nearest
    )
    message = f"{line.name} is indented {spaces(line.indent)}, unlike the fields it belongs with – indent it {options}"
    return SyntaxProblem(line.number, line.indent + 1, message)
