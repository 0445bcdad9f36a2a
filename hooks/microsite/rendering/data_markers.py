"""Data rendered into pages where the Markdown asks for it: `<!-- data: NAME [ARGUMENT] -->`.

One hook dispatches each marker to a small pure `render_*` function, which builds a view model in the
page's language and renders it with a template of `overrides/partials/data/` (see templates.py); the
result is Markdown, mostly HTML blocks. Links to other pages are resolved through MkDocs' files, so a
link to a page that does not exist fails the build. An unknown marker is an error naming the file and
line, not silence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import upstream
from ..markers import SYNTAX, Marker, replace_markers
from .context import RenderContext
from .partnership_map import render_partnership_map
from .partnership_page import render_partnership
from .record_lists import (
    render_contacts,
    render_key_figures,
    render_networks,
    render_partnership_cards,
    render_recommendations,
)
from .timeline import render_timeline

if TYPE_CHECKING:
    # Only a type: the build passes its state in.
    from ..state import BuildState

RENDERERS: dict[str, Callable[[RenderContext, str | None], str]] = {
    "partnership-cards": render_partnership_cards,
    "partnership-map": render_partnership_map,
    "partnership": render_partnership,
    "timeline": render_timeline,
    "networks": render_networks,
    "recommendations": render_recommendations,
    "key-figures": render_key_figures,
    "contacts": render_contacts,
}


def render_problems(context: RenderContext, problems: list[str]) -> str:
    """What the live preview shows in place of data it cannot render: the problems, named."""
    return context.render("problems.html", problems=problems)


def render_markers(state: BuildState, markdown: str, page: Page, files: Files) -> str:
    source = f"docs/{page.file.src_uri}"
    # The Markdown comes without its front matter; count its lines back in for the editor.
    body_start = page.file.content_string.rstrip("\n").count("\n") - markdown.rstrip("\n").count("\n")

    def replace(marker: Marker) -> str:
        line = body_start + markdown.count("\n", 0, marker.start) + 1
        where = f"{source}:{line}"
        if marker.name is None:
            raise upstream.BuildError(f"{where}: cannot read the data marker '{marker.written}' – write it as {SYNTAX}")
        renderer = RENDERERS.get(marker.name)
        if renderer is None:
            raise upstream.BuildError(
                f"{where}: unknown data marker '{marker.name}' – use one of: {', '.join(sorted(RENDERERS))}"
            )
        context = RenderContext(
            language=state.language,
            page_url=page.url,
            files=files,
            data=state.data,
            templates=state.templates,
            where=where,
        )
        # A blank line before the output (whole lines), so that Markdown treats it as blocks of its own.
        if context.data.findings:
            return "\n" + render_problems(context, [str(finding) for finding in context.data.findings])
        return "\n" + renderer(context, marker.argument)

    return replace_markers(markdown, replace)
