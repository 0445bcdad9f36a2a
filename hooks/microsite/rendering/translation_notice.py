"""The notice on a translation whose original changed after it was made: under the page's title, in the
page's language, it says when the original changed, which sections (where git history shows it) and
links to the original. Readers of a lagging translation learn it from the page itself, not from CI.

What the notice says comes from the parity check's status of this build (parity/status.py); the HTML
from `overrides/partials/data/translation-notice.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..languages import language_name
from ..page_markdown import markdown_parser
from ..parity.status import SourceChange, State
from .context import RenderContext
from .source_changes import changed_section, dated

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..state import BuildState


def add_translation_notice(state: BuildState, markdown: str, page: Page, files: Files) -> str:
    context = RenderContext.of_page(state, page, files, f"docs/{page.file.src_uri}")
    return render_translation_notice(markdown, context, page.file.src_uri.removeprefix(f"{state.language}/"))


def render_translation_notice(markdown: str, context: RenderContext, path: str) -> str:
    """The Markdown of the page at `path` (below its language folder) with the notice under its title if
    it is an outdated translation; any other page's as it is."""
    translations = context.translations
    translation = translations.status.page(context.language, path) if translations else None
    if translation is None or translation.state is not State.OUTDATED:
        return markdown
    source, change = translations.status.source, translation.change
    sections = change.sections if change and change.sections else ()
    notice = context.render(
        "translation-notice.html",
        sentence=_sentence(context, change),
        # Links within this page; its beginning is where the notice stands, so it is named, not linked.
        sections=[changed_section(context, section, "", context.language) for section in sections],
        original={
            "link": translations.link(source, path, context.page_url),
            "lang": source,
            "text": context.label("translation_notice.original", language=language_name(source, context.language)),
        },
    )
    return after_title(markdown, notice)


def _sentence(context: RenderContext, change: SourceChange | None) -> dict:
    """When the original changed; where git history does not tell, since when the translation is older."""
    if change is not None and change.changed_on is not None:
        return dated(context, "translation_notice.changed", change.changed_on)
    if change is not None and change.translated_on is not None:
        return dated(context, "translation_notice.changed_since", change.translated_on)
    return {"before": context.label("translation_notice.changed_undated"), "date": None}


def after_title(markdown: str, block: str) -> str:
    """The Markdown with `block` (whole lines of HTML) after its first top-level title, or at the top
    without one; parsed, so that a `#` line in a code block is no title."""
    title = next(
        (
            token
            for token in markdown_parser().parse(markdown)
            if token.type == "heading_open" and token.tag == "h1" and token.level == 0
        ),
        None,
    )
    lines = markdown.split("\n")
    end = title.map[1] if title is not None else 0
    # Blank lines around it, so that Markdown reads it as an HTML block of its own.
    return "\n".join([*lines[:end], "", block.rstrip("\n"), "", *lines[end:]])
