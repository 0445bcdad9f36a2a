"""Where editors write what may become HTML in a page, read with the line of each piece: the Markdown pages
(their raw HTML and images, markdown_sources.py), the texts of their front matter (which the theme prints
in the title, the header and the navigation), and the texts of the data files.

Shared by the checks of requests to other hosts (third_party.py) and of scripts (page_scripts.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..data.yaml_positions import DataFile, FieldPath, parse_yaml
from ..front_matter_fields import read_front_matter
from ..frontmatter import UnclosedFrontMatter, front_matter_lines
from ..symbolic_links import followable
from .html_scan import Element, scan
from .site import read_source

# Only a text with one of these can hold an element (`\` for YAML's escapes, as in "\u003cscript").
MAY_HOLD_HTML = ("<", "\\")


@dataclass(frozen=True)
class WrittenText:
    """A text of a front matter or a data file that may hold HTML, and where it is written."""

    data_file: DataFile
    path: FieldPath
    elements: list[Element]

    def finding_at(self, message: str, check: str):
        """A finding at the text's field (its path named, as the data check names it)."""
        return self.data_file.finding(self.path, message, check=check)


def front_matter_texts(shown: str, page: str) -> Iterator[WrittenText]:
    """The texts of a page's front matter that hold elements."""
    try:
        split = front_matter_lines(page)
    except UnclosedFrontMatter:
        return
    if split is not None and any(mark in split[0] for mark in MAY_HOLD_HTML):
        data_file = read_front_matter(page, shown)
        if data_file is not None:
            yield from _texts(data_file)


def data_texts(project: Path) -> Iterator[WrittenText]:
    """The texts of every data file that hold elements."""
    for path in sorted(path for path in (project / "data").glob("*.yml") if followable(path, project / "data")):
        text = read_source(path)
        if not any(mark in text for mark in MAY_HOLD_HTML):
            continue
        data_file = DataFile(name=path.stem, display_path=path.relative_to(project).as_posix())
        # What cannot be read is the data check's to report.
        parse_yaml(text, data_file)
        if data_file.parsed:
            yield from _texts(data_file)


def _texts(data_file: DataFile) -> Iterator[WrittenText]:
    for path, text in data_file.texts():
        if "<" in text:
            elements = scan(text)
            if elements:
                yield WrittenText(data_file, path, elements)
