"""A page's front matter read as the data files are, with the line of every field, and checked: MkDocs
shows front matter that is no valid YAML as the page's text, without a word."""

from __future__ import annotations

from .data.yaml_positions import DataFile, parse_yaml
from .findings import Finding

FENCE = "---"


def read_front_matter(text: str, shown: str) -> tuple[DataFile | None, list[Finding]]:
    """A page's front matter with the line of every field, and what is wrong with it as YAML (syntax, and
    what plain front matter never needs); None for a page without front matter."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() != FENCE:
        return None, []
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() in (FENCE, "...")), None)
    if end is None:
        return None, []
    data_file = DataFile(name="front matter", display_path=shown)
    # The opening fence as an empty line keeps the lines of the file.
    findings = parse_yaml("\n".join(["", *lines[1:end]]), data_file)
    if data_file.parsed and data_file.content is not None and not isinstance(data_file.content, dict):
        findings.append(data_file.file_finding("the front matter must be fields ('title: …' lines)", 2))
    return data_file, [Finding(f.file, f.line, f.message, "front-matter", f.column) for f in findings]


def check_front_matter(text: str, shown: str) -> list[Finding]:
    """What is wrong with a page's front matter as YAML, at its line in the page."""
    return read_front_matter(text, shown)[1]


def front_matter_line(text: str, key: str) -> int:
    """The line of a field of the page's front matter (1 where it cannot be told)."""
    data_file, _ = read_front_matter(text, "")
    return data_file.position((key,), key=True)[0] if data_file is not None and data_file.parsed else 1
