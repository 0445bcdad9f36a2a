"""What a data file may not contain, refused before any of its YAML is built.

Data files are plain YAML: mappings, lists and scalars. What could make reading one slow, unbounded
or surprising is refused from the size or the parser's events alone, so that no value is built:

- a file over MAX_DATA_FILE_BYTES;
- anchors (`&x`) and aliases (`*x`): an alias repeats what it names, so a few lines of nested aliases
  (a "billion laughs") would build an exponentially large value;
- tags (`!x`, `!!x`): they make values of other types (dates, sets, bytes) than the schemas describe;
- nesting deeper than MAX_NESTING, which would exhaust Python's recursion while the value is built;
- the characters YAML counts as line breaks and editors' programs do not (UNUSUAL_LINE_BREAKS): every
  line number after one would point at the wrong line.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# Far above any real data file (they have a few kilobytes); one just under it takes a few seconds to
# check, one over it is refused at once, before it is read.
MAX_DATA_FILE_BYTES = 1024 * 1024
# Data nests a few levels (records, their fields, a text's languages).
MAX_NESTING = 50
ANCHOR_TODO = (
    "write the value out in full; data files do not use anchors (&) or aliases (*), "
    "and a text that begins with & or * goes in quotes"
)
TAG_TODO = "remove it; data files do not use tags (!), and a text that begins with ! goes in quotes"
STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
UNUSUAL_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


@dataclass(frozen=True)
class Refusal:
    line: int
    column: int
    message: str


def size_refusal(size: int) -> str | None:
    """What is wrong with a data file of `size` bytes, if it is over MAX_DATA_FILE_BYTES."""
    if size <= MAX_DATA_FILE_BYTES:
        return None
    limit = f"{MAX_DATA_FILE_BYTES // 1024 // 1024} MiB ({MAX_DATA_FILE_BYTES:,} bytes)"
    todo = "data files have a few kilobytes: check that this is the right file and remove what does not belong in it"
    return f"the file has {size:,} bytes, more than the {limit} a data file may have – {todo}"


def line_break_refusals(text: str) -> list[Refusal]:
    """The first unusual line break on each line that has one."""
    refusals = []
    todo = "delete it (it is invisible, and often comes with text pasted from a web page or another program)"
    for number, line in enumerate(text.split("\n"), start=1):
        positions = [position for character in UNUSUAL_LINE_BREAKS if (position := line.find(character)) >= 0]
        if positions:
            character = f"U+{ord(line[min(positions)]):04X}"
            message = f"the character {character} (a line break only YAML sees) cannot be in a data file – {todo}"
            refusals.append(Refusal(number, min(positions) + 1, message))
    return refusals


def _refused_properties(event: yaml.Event) -> list[tuple[str, str]]:
    """(what, what to do) for the anchor, alias and tag of one parser event."""
    if isinstance(event, yaml.AliasEvent):
        return [(f"alias '*{event.anchor}'", ANCHOR_TODO)]
    if not isinstance(event, yaml.NodeEvent):
        return []
    refused = [(f"anchor '&{event.anchor}'", ANCHOR_TODO)] if event.anchor is not None else []
    tag = getattr(event, "tag", None)
    if tag is not None:
        written = f"!!{tag.removeprefix(STANDARD_TAG_PREFIX)}" if tag.startswith(STANDARD_TAG_PREFIX) else tag
        refused.append((f"tag '{written}'", TAG_TODO))
    return refused


def structure_refusals(text: str, loader: type) -> list[Refusal]:
    """Anchors, aliases and tags (one refusal per line and kind), or the first place nested too deeply.

    Raises yaml.YAMLError for a syntax error, as building the content would."""
    on_line: dict[tuple[int, str], tuple[int, list[str]]] = {}
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if depth > MAX_NESTING:
            todo = "check the brackets and the indentation"
            return [Refusal(line, column, f"the data is nested more than {MAX_NESTING} levels deep – {todo}")]
        for what, todo in _refused_properties(event):
            on_line.setdefault((line, todo), (column, []))[1].append(what)
    return [
        Refusal(line, column, f"{' and '.join(dict.fromkeys(names))} – {todo}")
        for (line, todo), (column, names) in on_line.items()
    ]
