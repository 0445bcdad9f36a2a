"""The article collection in pages, as every kind of page shows it: an article as a card (the article
index, topic and author pages in pages/ list them, the home page its latest articles), the header every
article page gets above its text, and how to cite it below.

Every article is shown as the same card: title, date in the page's language, authors, lead, reading
time and topics, each author and topic linking to its page.
"""

from __future__ import annotations

import datetime
import posixpath
from typing import TYPE_CHECKING
from urllib.parse import quote

from babel.dates import format_date
from babel.lists import format_list

from .. import upstream
from ..addresses import page_url
from ..articles import Article, Collection, citations
from ..articles.citation_formats import FORMATS
from ..articles.collection import image_path
from ..dates import day_view
from ..markers import find_markers
from ..page_markdown import markdown_text
from ..problems import Problem
from .context import RenderContext
from .picture_files import variant_name

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..articles.model import FirstPublication
    from ..state import BuildState


def article_collection(context: RenderContext) -> Collection:
    if context.articles is None:
        context.require("articles")
    return context.articles


def people_of(context: RenderContext) -> dict[str, dict]:
    return {person["id"]: person for person in context.data.records("people")}


def _authors(context: RenderContext, article: Article) -> list[dict[str, str]]:
    """Each author's name and page, with the words before it in a list of this language ("A und B")."""
    collection, people = context.articles, people_of(context)
    marked = format_list([f"\0{index}\0" for index in range(len(article.authors))], locale=context.language)
    before = marked.split("\0")[0::2]
    return [
        {
            "name": people[person]["name"],
            "link": context.link(collection.settings.author_path(person)),
            "before": before[index],
        }
        for index, person in enumerate(article.authors)
    ]


def _topics(context: RenderContext, article: Article) -> list[dict[str, str]]:
    collection = context.articles
    return [
        {
            "name": context.text(collection.topics[topic]),
            "link": context.link(collection.settings.topic_path(topic)),
        }
        for topic in article.topics
    ]


def _image(context: RenderContext, article: Article) -> dict | None:
    """The article's picture: its address relative to the page, its WebP sizes for `srcset`, the pixels
    of the picture at its address (so that its place is kept before it loads), its text alternative, and
    the caption and credit shown under it in the article's header (either may be missing)."""
    if not article.image:
        return None
    site_path = image_path(context.articles.settings.page_folder, article.image["src"])
    image = {
        "src": context.link(site_path),
        "alt": article.image["alt"],
        "caption": article.image.get("caption"),
        "credit": article.image.get("credit"),
        "srcset": None,
    }
    sizes = context.pictures.get(f"{context.language}/{site_path}")
    if sizes is None:
        # A drawing (SVG), published as it is.
        return image
    folder = posixpath.dirname(site_path)
    srcset = (
        f"{context.link(posixpath.join(folder, variant_name(site_path, size.width)))} {size.width}w"
        for size in sizes.variants
    )
    return image | {"srcset": ", ".join(srcset), "width": sizes.fallback.width, "height": sizes.fallback.height}


def card(context: RenderContext, article: Article) -> dict:
    """What a card shows of an article, in the page's language."""
    context.shows_article(article)
    return {
        "image": _image(context, article),
        "title": article.title,
        "link": context.link(article.path),
        "date": day_view(article.date, context.language),
        "authors": _authors(context, article),
        "lead": article.description,
        "reading_time": context.label("articles.reading_time", minutes=article.reading_minutes),
        "topics": _topics(context, article),
    }


def cards(context: RenderContext, articles: list[Article], heading: int, featured: bool = False) -> str:
    """The cards in a grid; with `featured`, the first (the newest article) spans the grid's width."""
    return context.render(
        "article-cards.html",
        cards=[card(context, article) for article in articles],
        featured=featured,
        heading=heading,
        by=context.label("articles.by"),
        topics_label=context.label("articles.topics"),
        none=context.label("articles.none"),
    )


def render_latest_articles(context: RenderContext, argument: str | None) -> str:
    """`<!-- data: latest-articles -->`: the newest articles, as many as data/articles.yml says."""
    collection = article_collection(context)
    latest = collection.of(context.language)[: collection.settings.on_home_page]
    return cards(context, latest, heading=3, featured=True) + context.render(
        "article-all.html",
        link=context.link(collection.settings.index_path(1)),
        text=context.label("articles.all"),
    )


def source_date(context: RenderContext, day: datetime.date) -> str:
    """A day as the source of an article writes it: "24. Januar 2025", "January 24th, 2025"."""
    ordinal = context.words.counted(context.language, "date.ordinal", day.day, day=day.day)
    month = format_date(day, "MMMM", locale=context.language.replace("-", "_"))
    return context.label("date.source", day=ordinal, month=month, year=day.year)


def render_article_header(context: RenderContext, article: Article) -> str:
    """Above an article's text: its lead, authors, dates, reading time, topics, and where it first
    appeared, in the words its source introduces it with, the name linking there."""
    first = article.first_published
    return context.render(
        "article-header.html",
        image=_image(context, article),
        lead=article.description,
        by=context.label("articles.by"),
        authors=_authors(context, article),
        date=day_view(article.date, context.language),
        updated={
            "iso": article.updated.isoformat(),
            "text": context.label("articles.updated", date=day_view(article.updated, context.language)["text"]),
        }
        if article.updated
        else None,
        reading_time=context.label("articles.reading_time", minutes=article.reading_minutes),
        first_published=_first_published(
            context,
            "articles.first_published",
            first,
            {"iso": first.date.isoformat(), "text": source_date(context, first.date)},
        )
        if first
        else None,
        topics=_topics(context, article),
        topics_label=context.label("articles.topics"),
    )


def _first_published(context: RenderContext, key: str, first: FirstPublication, date: dict[str, str]) -> list[dict]:
    """Where the article appeared first, in the words of `key`: the name, linking there where it has an
    address, and the date (a `<time>`)."""
    return context.sentence(key, name=_name(first), date={"time": date})


def _name(first: FirstPublication) -> dict:
    """Where an article appeared first, as a part of a sentence: its name, linking there where it has an address."""
    return {"link": {"href": first.url, "text": first.name}} if first.url else {"value": first.name}


def render_article_citation(context: RenderContext, reference: citations.Reference) -> str:
    """Under an article's text: how to cite it in the page's language, and the files to import it from.
    It cites what the files cite (articles/citations.py, site_output/citation_files.py): the journal
    article, with this page's address, where this text appeared elsewhere first; otherwise this page, and
    where the article appeared first."""
    first, journal = reference.first_published, reference.journal
    cited = {
        "authors": {"value": format_list(list(reference.authors), locale=context.language)},
        "title": {"value": reference.title},
        "url": {"address": reference.url},
    }
    if journal:
        sentence = context.sentence(
            "citation.reference_journal",
            **cited,
            journal=_name(journal),
            date={"time": day_view(journal.date, context.language)},
        )
    else:
        sentence = context.sentence(
            "citation.reference",
            **cited,
            site={"value": reference.site_name},
            date={"time": day_view(reference.date, context.language)},
        )
    return context.render(
        "article-citation.html",
        heading=context.label("citation.title"),
        reference=sentence,
        first_published=_first_published(
            context, "citation.first_published", first, day_view(first.date, context.language)
        )
        if first and not journal
        else None,
        files_label=context.label("citation.files"),
        files=[
            {
                "href": upstream.relative_url(quote(reference.files + kind.extension), context.page_url),
                "type": kind.media_type,
                "name": kind.name,
            }
            for kind in FORMATS
        ],
    )


# The markers that list articles as cards (pages/data_markers.py).
ARTICLE_LISTS = frozenset({"article-index", "latest-articles", "topic", "author"})


def leave_out_table_of_contents(state: BuildState, markdown: str, page: Page) -> None:
    """No table of contents beside an article, which reads from its title to its end like a journal's, nor beside
    a page that lists articles (the home page, the index, a topic's or an author's), whose cards are its sections."""
    path = upstream.page_source(page).removeprefix(f"{state.language}/")
    is_article = state.articles is not None and state.articles.article_at(state.language, path) is not None
    if is_article or any(marker.name in ARTICLE_LISTS for marker in find_markers(markdown)):
        upstream.hide_table_of_contents(page)


def _reference(state: BuildState, article: Article) -> citations.Reference:
    """The article as its page cites it, and as its files cite it (site_output/citation_files.py)."""
    people = {person["id"]: person for person in state.data.records("people")}
    site_name = upstream.language_site_name(state.config, article.language)
    url = page_url(state.config, state.languages, article.language, article.path)
    return citations.reference(article, people, site_name, url, state.languages, state.words)


def frame_article(state: BuildState, markdown: str, page: Page, files: Files) -> str:
    """An article's Markdown with its header under the title and how to cite it at its end; the title
    heading is added if the article does not start with one. Other pages are returned as they are."""
    collection = state.articles
    path = page.file.src_uri.removeprefix(f"{state.language}/")
    article = collection.article_at(state.language, path) if collection else None
    if article is None:
        return markdown
    context = RenderContext.of_page(state, page, files, f"docs/{page.file.src_uri}")
    try:
        header = render_article_header(context, article)
        citation = render_article_citation(context, _reference(state, article))
    except Problem as problem:
        state.problems.stop_or_report(problem)
        return markdown
    lines = markdown.split("\n")
    first = next((number for number, line in enumerate(lines) if line.strip()), len(lines))
    if first < len(lines) and lines[first].startswith("# "):
        return "\n".join([*lines[: first + 1], "", header, *lines[first + 1 :], "", citation])
    return "\n".join([f"# {markdown_text(article.title)}", "", header, "", markdown, "", citation])
