"""The article index: its further pages (the first is written: the collection's index page), one per
`page_size` articles, in every language, and the marker of every page of it, which lists that page's
cards (rendering/articles.py) and links to the other pages."""

from __future__ import annotations

from ..problems import Problem
from ..publication import GeneratedPage, Publication
from ..rendering.articles import article_collection, cards
from ..rendering.context import RenderContext
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


def render_article_index(context: RenderContext, argument: str | None) -> str:
    """`<!-- data: article-index -->` on the collection's index page; its further pages are generated."""
    collection = article_collection(context)
    pages = collection.index_pages(context.language)
    number = int(argument) if argument and argument.isdigit() else 1
    if argument is not None and not 1 <= (int(argument) if argument.isdigit() else 0) <= len(pages):
        raise Problem(
            context.finding(
                f"the article index has no page {argument!r} – write '<!-- data: article-index -->' on the index "
                "page; its further pages are made by the build"
            )
        )
    if number == 1:
        # The index lists every article, so its first page shows the problems of those that cannot be listed.
        context.shows.update(collection.sources.get(context.language, ()))
    links = [
        {
            "number": page,
            "link": context.link(collection.settings.index_path(page)),
            "label": context.label("articles.page_link", number=page),
        }
        for page in range(1, len(pages) + 1)
    ]
    return cards(context, pages[number - 1], heading=2, featured=number == 1) + context.render(
        "article-pages.html",
        pages=links if len(pages) > 1 else [],
        current=number,
        newer=links[number - 2] if number > 1 else None,
        older=links[number] if number < len(pages) else None,
    )
