"""One page per topic of the articles (data/articles.yml), in every language; its marker lists the
topic's articles (rendering/articles.py)."""

from __future__ import annotations

from ..language_texts import in_language
from ..publication import GeneratedPage, Publication
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
