"""Every generated page of the publication, one module per kind: a partnership, the article index's
further pages, a topic, an author, the translation status page, the accessibility statement, and a
stand-in for a page not translated yet. Made once, when the build assembles the publication
(assemble.py), after where every translation stands is known; the build adds them to its files and gives
them their Markdown (rendering/generated_pages.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..publication import GeneratedPage, Publication
from .accessibility_statement import statement_pages
from .article_index import article_index_pages
from .author import author_pages
from .partnership import partnership_pages
from .stand_in import stand_in_pages
from .status import status_pages
from .topic import topic_pages

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig


def generated_pages(
    publication: Publication, config: MkDocsConfig, templates: jinja2.Environment
) -> dict[str, GeneratedPage]:
    """src_uri → every generated page of every built language."""
    collection_pages = {}
    for language in publication.languages.codes:
        collection_pages |= article_index_pages(publication, language)
        collection_pages |= topic_pages(publication, language)
        collection_pages |= author_pages(publication, language)
    generated = {
        **partnership_pages(publication),
        **collection_pages,
        **status_pages(publication),
        **statement_pages(publication),
    }
    # A page generated in every language needs no stand-in.
    stand_ins = {
        uri: page for uri, page in stand_in_pages(publication, config, templates).items() if uri not in generated
    }
    return generated | stand_ins
