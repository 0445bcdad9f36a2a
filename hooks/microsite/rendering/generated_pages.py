"""One page per partnership, in every language, generated from data/partnerships.yml.

Adding a record yields `<page_folder>/<id>.html` and `en/<page_folder>/<id>.html`, with their language
switch, sitemap entries and search entries, because the pages go through mkdocs-static-i18n like any
page. Why this way: the plugin (1.3.1) rebuilds every File from its path in its `on_files`, so content
given to `File.generated` is lost (and crashes it), and files added after it lack its locale and
alternates. So this hook adds plain Files under each language folder *before* the plugin (which then
localizes them like written pages), and gives the plugin's Files their Markdown *after* it, before any
page is read. Nothing is written to docs/.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import yaml
from mkdocs.structure.files import Files

from .. import upstream

if TYPE_CHECKING:
    # Only a type: the build passes its state in.
    from ..state import BuildState

MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|<>")


def generated_paths(state: BuildState) -> dict[str, tuple[str, dict]]:
    """src_uri → (language, partnership) of every generated page."""
    partnerships_file = state.data.get("partnerships")
    if partnerships_file is None:
        return {}
    folder = partnerships_file["page_folder"]
    return {
        f"{language}/{folder}/{record['id']}.md": (language, record)
        for language in state.languages.codes
        for record in partnerships_file["partnerships"]
    }


def render_page(partnership: dict, language: str) -> str:
    """The Markdown of a partnership's page: front matter, title, and the marker for its body."""
    # MkDocs renders templates without autoescaping, and Material writes these into the HTML as they are.
    front_matter = yaml.safe_dump(
        {
            "title": html.escape(partnership["city"]["name"][language]),
            "description": html.escape(partnership["summary"][language]),
        },
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
    )
    title = markdown_text(partnership["city"]["name"][language])
    return f"---\n{front_matter}---\n\n# {title}\n\n<!-- data: partnership {partnership['id']} -->\n"


def markdown_text(text: str) -> str:
    """Text safe for a Markdown heading: HTML-escaped, Markdown punctuation backslash-escaped."""
    return "".join("\\" + char if char in MARKDOWN_PUNCTUATION else char for char in html.escape(text, quote=False))


def add_generated_files(state: BuildState, files: Files) -> Files:
    """Before the i18n plugin's on_files: it then localizes these pages like written ones."""
    for src_uri in generated_paths(state):
        if files.get_file_from_path(src_uri) is not None:
            raise upstream.BuildError(
                f"docs/{src_uri}: this page is generated from data/partnerships.yml – "
                "delete the file (edit the data instead) or give the partnership another id"
            )
        files.append(upstream.new_page_file(src_uri, state.config))
    return files


def give_generated_pages_their_markdown(state: BuildState, files: Files) -> None:
    """After the i18n plugin's on_nav, which rebuilt the Files, and before MkDocs reads the pages."""
    paths = generated_paths(state)
    for file in files.documentation_pages():
        if file.src_uri in paths:
            language, partnership = paths[file.src_uri]
            file.content_string = render_page(partnership, language)
