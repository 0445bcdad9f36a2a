"""Generated pages (pages/) in the build: one per partnership, the article collection's further index
pages, one page per topic and one per author, status pages, the accessibility statement and stand-ins.

Adding a record yields `<page_folder>/<id>.html` and `en/<page_folder>/<id>.html`, with their language
switch, sitemap entries and search entries, because the pages go through mkdocs-static-i18n like any
page. Why this way: the plugin (1.3.1) rebuilds every File from its path in its `on_files`, so content
given to `File.generated` is lost (and crashes it), and files added after it lack its locale and
alternates. So this hook adds plain Files under each language folder *before* the plugin (which then
localizes them like written pages), and gives the plugin's Files their Markdown *after* it, before any
page is read. Nothing is written to docs/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import Files

from .. import upstream
from ..findings import Finding
from ..problems import Problem

if TYPE_CHECKING:
    from ..state import BuildState


def add_generated_files(state: BuildState, files: Files) -> Files:
    """Before the i18n plugin's on_files: it then localizes these pages like written ones."""
    for src_uri, page in state.publication.generated.items():
        if files.get_file_from_path(src_uri) is not None:
            # In the live preview the written page stays, until one of them moves.
            state.problems.stop_or_report(
                Problem(Finding(f"docs/{src_uri}", 1, f"this page is generated from {page.origin}"))
            )
            continue
        files.append(upstream.new_page_file(src_uri, state.config))
    return files


def give_generated_pages_their_markdown(state: BuildState, files: Files) -> None:
    """After the i18n plugin's on_nav, which rebuilt the Files, and before MkDocs reads the pages."""
    pages = state.publication.generated
    for file in files.documentation_pages():
        if file.src_uri in pages:
            file.content_string = pages[file.src_uri].markdown
