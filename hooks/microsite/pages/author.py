"""One page per author (data/people.yml) of the articles of a language; its marker lists the author's
articles (rendering/articles.py)."""

from __future__ import annotations

from ..language_texts import in_language
from ..publication import GeneratedPage, Publication
from .markdown import page_markdown

ORIGIN = "data/people.yml – delete the file (edit the person there instead)"


def author_pages(publication: Publication, language: str) -> dict[str, GeneratedPage]:
    collection = publication.articles
    if collection is None:
        return {}
    people = {person["id"]: person for person in publication.data.records("people")}
    pages = {}
    for person_id in collection.authors(language):
        person = people[person_id]
        role = in_language(person["role"], language, publication.languages.source).text
        markdown = page_markdown(person["name"], role, f"author {person_id}")
        pages[f"{language}/{collection.settings.author_path(person_id)}"] = GeneratedPage(markdown, ORIGIN)
    return pages
