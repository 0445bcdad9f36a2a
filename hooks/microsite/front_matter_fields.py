"""A page's front matter read as the data files are, with the line of every field (frontmatter.py splits
it off; this module is apart because reading it takes the data package, which imports frontmatter.py)."""

from __future__ import annotations

from .data.yaml_positions import DataFile, parse_yaml
from .frontmatter import UnclosedFrontMatter, front_matter_lines


def read_front_matter(text: str, shown: str) -> DataFile | None:
    """The page's front matter with the line of every field; None for a page without front matter, or with
    front matter that cannot be read (page_sources.py names why)."""
    try:
        split = front_matter_lines(text)
    except UnclosedFrontMatter:
        return None
    if split is None:
        return None
    data_file = DataFile(name="front matter", display_path=shown)
    parse_yaml(split[0], data_file)
    return data_file if data_file.parsed else None


def front_matter_line(text: str, key: str) -> int:
    """The line of a field of the page's front matter (1 where it cannot be told)."""
    data_file = read_front_matter(text, "")
    return data_file.position((key,), key=True)[0] if data_file is not None else 1
