"""Every page of the publication, in every language built: its address, and which sources it shows.

A page shows its own Markdown (a stand-in, the original's), the data files its markers read, what its
cards show of the articles it lists (not their files: a body-text edit that leaves the reading time as it was
leaves every card as it was), and, on a status page, the data files of the records it reports on and
where each translated pair it reports on stands (not the pair's files: a body-text edit that leaves a
pair where it stood leaves the status page as it was). The map is made
when the build assembles the publication (assemble.py), before anything is rendered, from the pages'
Markdown and the assembled data, so that a preview can tell from an edited file which pages to build
again. What a marker reads is told here by its name: a new marker that reads data adds its files to
`MARKER_DATA`, or a rule to `_marker_sources`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from .addresses import page_address
from .articles.model import Article
from .markers import find_markers
from .parity.status import PageTranslation
from .publication import Publication, PublishedPage
from .symbolic_links import followable_entries, path_below
from .text_files import UnreadableText, read_utf8

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Every field of an article but its word count (`card_view`), read at once: thousands of cards a save.
_CARD_FIELDS = attrgetter(*(field.name for field in fields(Article) if field.name != "words"))

# The data files (by name, data/<name>.yml) each marker that renders records reads.
MARKER_DATA: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "partnership-cards": ("partnerships",),
        "partnership-map": ("partnerships",),
        "partnership": ("partnerships",),
        "timeline": ("timeline",),
        "networks": ("networks",),
        "recommendations": ("recommendations",),
        "key-figures": ("figures",),
        "contacts": ("people",),
        "accessibility-statement": ("accessibility",),
        # The article lists name topics (data/articles.yml) and authors (data/people.yml) on every card.
        "article-index": ("articles", "people"),
        "latest-articles": ("articles", "people"),
        "topic": ("articles", "people"),
        "author": ("articles", "people"),
    }
)


def page_map(publication: Publication, config: MkDocsConfig) -> Mapping[str, PublishedPage]:
    """src_uri ('en/artikel/x.md') → every written and generated page of every built language."""
    docs = Path(config.docs_dir)
    pages = {}
    for language in publication.languages.codes:
        for path in _written_pages(docs, language):
            markdown = _markdown(docs / language / path)
            sources = {f"docs/{language}/{path}", *_article_sources(publication, language, path)}
            pages[f"{language}/{path}"] = (language, path, sources, markdown)
    for src_uri, generated in publication.generated.items():
        language, path = src_uri.split("/", 1)
        pages[src_uri] = (language, path, set(generated.shows), generated.markdown)
    return MappingProxyType(
        {
            src_uri: PublishedPage(
                language,
                path,
                page_address(config, publication.languages, language, path),
                frozenset(sources | _markers_sources(publication, language, markdown)),
                _reports(publication, language, markdown),
                _cards(publication, language, markdown),
            )
            for src_uri, (language, path, sources, markdown) in sorted(pages.items())
        }
    )


def _written_pages(docs: Path, language: str) -> list[str]:
    """The Markdown files below the language's folder, by their path below it (those MkDocs builds)."""
    folder = docs / language
    entries = followable_entries(folder, docs, ".md")
    return sorted(path_below(entry.path, folder) for entry in entries if not entry.is_dir())


def _markdown(file: Path) -> str:
    """The page's text; none for one that cannot be read (the build names its problem, page_sources.py)."""
    try:
        return read_utf8(file)
    except UnreadableText:
        return ""


def _article_sources(publication: Publication, language: str, path: str) -> set[str]:
    """An article's page shows, besides its Markdown, its topics' and authors' names in its header."""
    collection = publication.articles
    if collection is None or collection.article_at(language, path) is None:
        return set()
    return {"data/articles.yml", "data/people.yml"}


def _markers_sources(publication: Publication, language: str, markdown: str) -> set[str]:
    sources: set[str] = set()
    for marker in find_markers(markdown):
        if marker.name is not None:
            sources |= {f"data/{name}.yml" for name in MARKER_DATA.get(marker.name, ())}
            sources |= _marker_sources(publication, language, marker.name, marker.argument)
    return sources


def _marker_sources(publication: Publication, language: str, name: str, argument: str | None) -> set[str]:
    """What a marker shows beyond its data files: the pairs a status page reports."""
    if name == "translation-status" and publication.translations is not None:
        shown = _reported_languages(publication, language)
        return {record.file for record in publication.translations.records if record.language in shown}
    return set()


def _cards(publication: Publication, language: str, markdown: str) -> tuple[tuple, ...]:
    """What the cards of the page's markers show of the articles they list, in order."""
    return tuple(
        card_view(article)
        for marker in find_markers(markdown)
        if marker.name is not None
        for article in _listed(publication, language, marker.name, marker.argument)
    )


def card_view(article: Article) -> tuple:
    """What a card shows of an article (rendering/articles.py `card`), and more: every field but its word count,
    of which a card shows only the reading time."""
    return (*_CARD_FIELDS(article), article.reading_minutes)


def _listed(publication: Publication, language: str, name: str, argument: str | None) -> list[Article]:
    """The articles a marker lists as cards."""
    collection = publication.articles
    if collection is None:
        return []
    if name == "article-index":
        pages = collection.index_pages(language)
        number = int(argument) if argument and argument.isdigit() else 1
        return pages[number - 1] if 1 <= number <= len(pages) else []
    if name == "latest-articles":
        return collection.of(language)[: collection.settings.on_home_page]
    if name == "topic" and argument is not None:
        return collection.with_topic(language, argument)
    if name == "author" and argument is not None:
        return collection.by_author(language, argument)
    return []


def _reports(publication: Publication, language: str, markdown: str) -> tuple[PageTranslation, ...]:
    """The translated pairs a page's status marker reports on, where each stands (none without the marker)."""
    status = publication.translations
    if status is None or not any(marker.name == "translation-status" for marker in find_markers(markdown)):
        return ()
    shown = _reported_languages(publication, language)
    return tuple(page for page in status.pages if page.language in shown)


def _reported_languages(publication: Publication, language: str) -> set[str]:
    """A status page reports on every translation into its language; the source language's on every one."""
    source = publication.translations.source
    return {language} if language != source else set(publication.languages.translations)
