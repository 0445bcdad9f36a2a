"""Pages generated from data: one per partnership (data/partnerships.yml), and the article
collection's further index pages, one page per topic and one per author, in every language.

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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml
from mkdocs.structure.files import Files

from .. import upstream
from ..findings import Finding
from ..problems import Problem
from .texts import in_language

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig

    from ..assemble import Publication
    from ..state import BuildState

MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|<>")


@dataclass(frozen=True)
class GeneratedPage:
    markdown: str
    # What the page is made from, for the editor who writes a file in its place.
    origin: str
    # False for pages reached from elsewhere (the language switch, the footer), not from the menu.
    in_navigation: bool = True
    # The files the page shows besides what its markers read (page_map.py): a stand-in's original.
    shows: tuple[str, ...] = ()


def generated_pages(
    publication: Publication, config: MkDocsConfig, templates: jinja2.Environment
) -> dict[str, GeneratedPage]:
    """src_uri → every generated page of every built language: partnerships, the article index's
    further pages, topic and author pages, the translation status pages, the accessibility statement, and a
    stand-in for each page not translated yet. Made once, when the build assembles the publication
    (assemble.py), after where every translation stands is known."""
    generated = {
        **_partnership_pages(publication),
        **_collection_pages(publication),
        **_status_pages(publication),
        **_accessibility_pages(publication),
    }
    # A page generated in every language needs no stand-in.
    stand_ins = {
        uri: page for uri, page in _stand_in_pages(publication, config, templates).items() if uri not in generated
    }
    return generated | stand_ins


def _stand_in_pages(
    publication: Publication, config: MkDocsConfig, templates: jinja2.Environment
) -> dict[str, GeneratedPage]:
    # Imported here: a stand-in is a GeneratedPage, so its module imports this one.
    from .stand_in_pages import stand_in_pages

    return stand_in_pages(publication, config, templates)


def _accessibility_pages(publication: Publication) -> dict[str, GeneratedPage]:
    # Imported here: the statement's module imports this one for GeneratedPage.
    from .accessibility_statement import statement_pages

    return statement_pages(publication)


def _status_pages(state: Publication) -> dict[str, GeneratedPage]:
    """Each language's translation status page (rendering/translation_status.py), reached from the footer;
    none in a build whose parity check made no status, which would have nothing to list."""
    if state.translations is None:
        return {}
    origin = (
        "the translation status – delete the file, or set another extra.translation_policy.status_page in mkdocs.yml"
    )
    return {
        f"{language}/{state.translations.policy.status_page}": GeneratedPage(
            page_markdown(
                state.words.label(language, "translation_status.title"),
                state.words.label(language, "translation_status.description"),
                "translation-status",
                # A list of every page's title: it would answer every search, and it grows with the archive
                # in the index every reader downloads.
                searchable=False,
            ),
            origin,
            in_navigation=False,
        )
        for language in state.languages.codes
    }


def _partnership_pages(state: Publication) -> dict[str, GeneratedPage]:
    partnerships_file = state.data.get("partnerships")
    if partnerships_file is None:
        return {}
    folder, source = partnerships_file["page_folder"], state.languages.source
    return {
        f"{language}/{folder}/{record['id']}.md": GeneratedPage(
            page_markdown(
                in_language(record["city"]["name"], language, source).text,
                in_language(record["summary"], language, source).text,
                f"partnership {record['id']}",
            ),
            "data/partnerships.yml – delete the file (edit the data instead) or give the partnership another id",
        )
        for language in state.languages.codes
        for record in partnerships_file["partnerships"]
    }


def _collection_pages(state: Publication) -> dict[str, GeneratedPage]:
    collection = state.articles
    if collection is None:
        return {}
    settings, people = collection.settings, {person["id"]: person for person in state.data.records("people")}
    origin = "the articles – delete the file: "
    pages = {}
    for language in state.languages.codes:
        index_title = collection.index_titles[language]
        for number in range(2, len(collection.index_pages(language)) + 1):
            title = f"{index_title} – {state.words.label(language, 'articles.page', number=number)}"
            description = state.words.label(language, "articles.page_description", title=index_title, number=number)
            markdown = page_markdown(title, description, f"article-index {number}")
            pages[f"{language}/{settings.index_path(number)}"] = GeneratedPage(markdown, origin + "the index's pages")
        for topic_id, names in collection.topics.items():
            name = in_language(names, language, state.languages.source).text
            description = state.words.label(language, "articles.topic_description", topic=name)
            markdown = page_markdown(name, description, f"topic {topic_id}")
            pages[f"{language}/{settings.topic_path(topic_id)}"] = GeneratedPage(
                markdown, "data/articles.yml – delete the file (edit the topic there instead)"
            )
        for person_id in collection.authors(language):
            person = people[person_id]
            role = in_language(person["role"], language, state.languages.source).text
            markdown = page_markdown(person["name"], role, f"author {person_id}")
            pages[f"{language}/{settings.author_path(person_id)}"] = GeneratedPage(
                markdown, "data/people.yml – delete the file (edit the person there instead)"
            )
    return pages


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


def markdown_text(text: str) -> str:
    """Text safe for a Markdown heading: HTML-escaped, Markdown punctuation backslash-escaped."""
    return "".join("\\" + char if char in MARKDOWN_PUNCTUATION else char for char in html.escape(text, quote=False))


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
