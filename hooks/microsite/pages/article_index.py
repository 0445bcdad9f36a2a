"""The article index's further pages (the first is written: the collection's index page), one per
`page_size` articles, in every language; their marker lists that page's cards (rendering/articles.py)."""

from __future__ import annotations

from ..publication import GeneratedPage, Publication
from .markdown import page_markdown

ORIGIN = "the articles – delete the file: the index's pages"


def article_index_pages(publication: Publication, language: str) -> dict[str, GeneratedPage]:
    collection = publication.articles
    if collection is None:
        return {}
    index_title, words = collection.index_titles[language], publication.words
    pages = {}
    for number in range(2, len(collection.index_pages(language)) + 1):
        title = f"{index_title} – {words.label(language, 'articles.page', number=number)}"
        description = words.label(language, "articles.page_description", title=index_title, number=number)
        markdown = page_markdown(title, description, f"article-index {number}")
        pages[f"{language}/{collection.settings.index_path(number)}"] = GeneratedPage(markdown, ORIGIN)
    return pages
