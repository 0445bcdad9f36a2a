"""The Markdown of a generated page: front matter, a title and the data marker that renders its body.
Written here, not in docs/: a generated page is given its Markdown when the build reads it
(rendering/generated_pages.py)."""

from __future__ import annotations

import yaml

from ..content_cache import KeptResults, content_key
from ..page_markdown import markdown_text

# The preview makes every generated page's Markdown again at every save (a page of an archive's index for
# every ten articles, a page for every topic and author), and writing YAML is slow: each front matter as
# written is kept for the process (CONTRIBUTING.md, "What a process keeps between builds") by what it holds.
WRITTEN_FRONT_MATTER: KeptResults[str] = KeptResults(size=4096, copy=str)


def page_markdown(title: str, description: str, marker: str, *, searchable: bool = True) -> str:
    """The Markdown of a generated page: front matter, title, and the marker for its body."""
    key = content_key(title, description, "searchable" if searchable else "not searchable")
    front_matter = WRITTEN_FRONT_MATTER.get(key, lambda: _front_matter(title, description, searchable))
    return f"---\n{front_matter}---\n\n# {markdown_text(title)}\n\n<!-- data: {marker} -->\n"


def _front_matter(title: str, description: str, searchable: bool) -> str:
    # Text, as in a written page's front matter: site_output/titles.py makes it HTML for the theme.
    meta = {"title": title, "description": description}
    if not searchable:
        meta["search"] = {"exclude": True}
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
