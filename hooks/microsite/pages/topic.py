"""One page per topic of the articles (data/articles.yml), in every language; its marker lists the
topic's articles as cards (rendering/articles.py)."""

from __future__ import annotations

from ..language_texts import in_language
from ..problems import Problem
from ..publication import GeneratedPage, Publication
from ..rendering.articles import article_collection, cards
from ..rendering.context import RenderContext
from .markdown import page_markdown

ORIGIN = "data/articles.yml – delete the file (edit the topic there instead)"


def topic_pages(publication: Publication, language: str) -> dict[str, GeneratedPage]:
    collection = publication.articles
    if collection is None:
        return {}
    pages = {}
    for topic_id, names in collection.topics.items():
        name = in_language(names, language, publication.languages.source).text
        description = publication.words.label(language, "articles.topic_description", topic=name)
        markdown = page_markdown(name, description, f"topic {topic_id}")
        pages[f"{language}/{collection.settings.topic_path(topic_id)}"] = GeneratedPage(markdown, ORIGIN)
    return pages


def render_topic(context: RenderContext, argument: str | None) -> str:
    """`<!-- data: topic ID -->`, on each generated topic page."""
    collection = article_collection(context)
    if argument not in collection.topics:
        known = ", ".join(collection.topics) or "none"
        raise Problem(context.finding(f"no topic {argument!r} in data/articles.yml – write one of: {known}"))
    return cards(context, collection.with_topic(context.language, argument), heading=2)
