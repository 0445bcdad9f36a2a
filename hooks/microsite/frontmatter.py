"""Front matter of Markdown pages, split off the way MkDocs does it: a YAML block between `---` lines
at the very start of the file."""

from __future__ import annotations

from mkdocs.utils import meta


def split_front_matter(text: str) -> tuple[dict, str]:
    """The page's front matter (empty when there is none, or when it is not a mapping) and its body."""
    body, front_matter = meta.get_data(text)
    return (front_matter if isinstance(front_matter, dict) else {}), body
