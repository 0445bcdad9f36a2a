"""One page per author (data/people.yml) of the articles of a language; its marker shows the author's
role, then the author's articles as cards (rendering/articles.py)."""

from __future__ import annotations

from ..language_texts import in_language
from ..problems import Problem
from ..publication import GeneratedPage, Publication
from ..rendering.articles import article_collection, cards, people_of
from ..rendering.context import RenderContext
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


def render_author(context: RenderContext, argument: str | None) -> str:
    """`<!-- data: author ID -->`, on each generated author page: the role, then the articles."""
    collection, people = article_collection(context), people_of(context)
    if argument not in people:
        known = ", ".join(people) or "none"
        raise Problem(context.finding(f"no person {argument!r} in data/people.yml – write one of: {known}"))
    person = people[argument]
    role = context.render("article-author.html", role=context.text(person["role"]))
    return role + cards(context, collection.by_author(context.language, argument), heading=2)
