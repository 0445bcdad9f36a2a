"""The Markdown of a generated page: front matter, a title and the data marker that renders its body.
Written here, not in docs/: a generated page is given its Markdown when the build reads it
(rendering/generated_pages.py)."""

from __future__ import annotations

import yaml

from ..page_markdown import markdown_text


def page_markdown(title: str, description: str, marker: str, *, searchable: bool = True) -> str:
    """The Markdown of a generated page: front matter, title, and the marker for its body."""
    # Text, as in a written page's front matter: site_output/titles.py makes it HTML for the theme.
    meta = {"title": title, "description": description}
    if not searchable:
        meta["search"] = {"exclude": True}
    front_matter = yaml.safe_dump(
        meta,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
    )
    return f"---\n{front_matter}---\n\n# {markdown_text(title)}\n\n<!-- data: {marker} -->\n"
