"""Data rendered into pages where the Markdown asks for it: `<!-- data: NAME [ARGUMENT] -->`.

One hook dispatches each marker to a small pure `render_*` function, which builds a view model in the
page's language and renders it with a template of `overrides/partials/data/` (see templates.py); the
result is Markdown, mostly HTML blocks. Links to other pages are resolved through MkDocs' files, so a
link to a page that does not exist fails the build. An unknown marker is an error naming the file and
line, not silence.

The table of every marker stands here, above both kinds of renderer: a page kind's from its module in
pages/, and those any written page may hold (the partnership cards, the map, the timeline, the latest
articles, …) from rendering/. So a page kind takes what it shares from rendering/, and rendering/
never imports a page kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..markers import Marker, replace_markers
from ..problems import Problem
from ..rendering.articles import render_latest_articles
from ..rendering.context import RenderContext
from ..rendering.partnership_map import render_partnership_map
from ..rendering.record_lists import (
    render_contacts,
    render_key_figures,
    render_networks,
    render_partnership_cards,
    render_recommendations,
)
from ..rendering.third_party_hosts import render_third_party_hosts
from ..rendering.timeline import render_timeline
from .accessibility_statement import render_accessibility_statement
from .article_index import render_article_index
from .author import render_author
from .partnership import render_partnership
from .status import render_translation_status
from .topic import render_topic

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
    "article-index": render_article_index,
    "latest-articles": render_latest_articles,
    "topic": render_topic,
    "author": render_author,
    "translation-status": render_translation_status,
    "accessibility-statement": render_accessibility_statement,
    "third-party-hosts": render_third_party_hosts,
}


def render_problems(context: RenderContext, problems: list[str]) -> str:
    """What the live preview shows in place of data it cannot render: the problems, named."""
    return context.render("problems.html", problems=problems)


def render_markers(state: BuildState, markdown: str, page: Page, files: Files) -> str:
    source = f"docs/{page.file.src_uri}"
    # The Markdown comes without its front matter; count its lines back in for the editor.
    body_start = page.file.content_string.rstrip("\n").count("\n") - markdown.rstrip("\n").count("\n")

    def replace(marker: Marker) -> str:
        # Where the marker starts; for one an invisible character keeps from being read, where that is.
        invisible = marker.invisible_character()
        at = marker.start + (invisible or 0)
        line = body_start + markdown.count("\n", 0, at) + 1
        column = "" if invisible is None else ":" + str(at - markdown.rfind("\n", 0, at))
        context = RenderContext.of_page(state, page, files, f"{source}:{line}{column}")
        # A blank line before the output (whole lines), so that Markdown treats it as blocks of its own.
        try:
            return "\n" + render_marker(context, marker)
        except Problem as problem:
            # While an editor types a marker or a record, the preview shows the problem and goes on.
            state.problems.stop_or_report(problem)
            return "\n" + render_problems(context, [finding.text() for finding in problem.findings])

    return replace_markers(markdown, replace)


def render_marker(context: RenderContext, marker: Marker) -> str:
    if marker.name is None:
        raise Problem(context.finding(marker.problem()))
    renderer = RENDERERS.get(marker.name)
    if renderer is None:
        known = ", ".join(sorted(RENDERERS))
        raise Problem(context.finding(f"unknown data marker '{marker.name}' – use one of: {known}"))
    return renderer(context, marker.argument)
