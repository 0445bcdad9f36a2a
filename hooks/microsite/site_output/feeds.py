"""An Atom 1.0 feed per language, `<language root>feed.xml` (`/feed.xml`, `/en/feed.xml`), and the links
to them in every page's head.

Each feed lists that language's articles newest first, with absolute URLs from `site_url`: the lead as
the summary, the dates, an author element per author (with the address of their author page) and a
category per topic in the feed's language. feedgen writes them: it escapes, declares the namespace
and formats the dates as Atom requires.

- `set_feed_links`, in every language build before any page is rendered: names the feeds a page of
  that language links to, its own first and then every other language's, for overrides/main.html.
- `write_feeds`, once every language is built: writes every language's feed into the site.

A site without an article collection (data/articles.yml), or without any article yet, has no feeds
and no links to them.

Ids (RFC 4287 wants them never to change): `tag:` URIs (RFC 4151), not addresses, which change with
SITE_URL or when a page moves. The authority is the host of the publisher's address (`extra.publisher.url`
in mkdocs.yml), which names the body, not where the site is served; an entry's date is the article's
first publication here (`date`), its key the article's path below the language folder as first published
(its first `moved_from` where it moved: an editor lists old addresses oldest first), and its language:
`tag:example.org,2025-01-24:articles/artikel/name/de`. The feed's own id takes the day of the language's
oldest article: `tag:example.org,2024-03-14:feeds/de`.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from feedgen.feed import FeedGenerator

from .. import upstream
from ..addresses import page_url
from ..content_cache import KeptResults, content_key
from ..findings import Finding
from ..front_matter_fields import front_matter_line
from ..language_texts import in_language
from ..languages import Languages
from ..problems import Problem, Problems
from .site_files import write_into_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..articles import Article, Collection
    from ..publication import Publication


FEED = "feed.xml"
ATOM_TYPE = "application/atom+xml"
HTML_TYPE = "text/html"
# Each language's feed as written, by everything it says: two a save (twice that while a save changes them).
WRITTEN_FEEDS: KeptResults[bytes] = KeptResults(size=8, copy=bytes)
# What XML 1.0 has no place for, and lxml (under feedgen) refuses: control characters but tab and line
# breaks, unpaired surrogates, U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def has_feeds(publication: Publication) -> bool:
    articles = publication.articles
    return articles is not None and any(articles.of(language) for language in publication.languages.codes)


def feed_url(config: MkDocsConfig, publication: Publication, language: str) -> str:
    return (config.site_url or "/") + publication.languages.root(language) + FEED


def tag_authority(config: MkDocsConfig, publication: Publication) -> str:
    """The host of the publisher's address (publisher.py checks it); the site's while it is wrong."""
    publisher = publication.settings.publisher
    address = publisher.get("url") if isinstance(publisher, dict) else None
    return urlsplit(str(address or config.site_url or "/")).hostname or "localhost"


def entry_id(authority: str, article: Article) -> str:
    """The article's id in its language's feed, fixed when it was first published (see the module's text)."""
    first_path = (article.moved_from[0] if article.moved_from else article.path).removesuffix(".md")
    return f"tag:{authority},{article.date.isoformat()}:articles/{quote(first_path)}/{article.language}"


def feed_id(authority: str, language: str, articles: list[Article]) -> str:
    since = min(article.date for article in articles)
    return f"tag:{authority},{since.isoformat()}:feeds/{language}"


def feed_links(config: MkDocsConfig, publication: Publication, current: str) -> list[dict[str, str]]:
    """The feeds a page of the language `current` links to: its own first, then every other one.

    Each is titled with the feed's own title and its language's name as the language selector gives
    it ('Strong Cities (English)'), so that a reader tells them apart in either language."""
    if not has_feeds(publication):
        return []
    ordered = [current, *(language for language in publication.languages.codes if language != current)]
    return [
        {
            "href": feed_url(config, publication, language),
            "lang": language,
            "title": f"{upstream.language_site_name(config, language)} "
            f"({upstream.language_display_name(config, language)})",
        }
        for language in ordered
    ]


def set_feed_links(config: MkDocsConfig, publication: Publication, language: str) -> None:
    """In the build of `language`: the feeds its pages link to, for overrides/main.html."""
    upstream.set_feed_links(config, feed_links(config, publication, language))


def write_feeds(config: MkDocsConfig, publication: Publication, problems: Problems) -> None:
    """Every built language's feed, into its folder of the site (`config.site_dir`).

    An article with a text no feed can carry is named with what to fix: it stops the build, and in
    the preview it is left out of its feed, with a warning, until it is fixed."""
    if not has_feeds(publication):
        return
    people = {person["id"]: person for person in publication.data.records("people")}
    feeds, unwritable = {}, {}
    for language in publication.languages.codes:
        articles = []
        for article in publication.articles.of(language):
            found = _unwritable(config, publication, article, people)
            unwritable |= dict.fromkeys(found)
            if not found:
                articles.append(article)
        feeds[language] = atom_feed(config, publication, language, articles, people)
    if unwritable:
        problems.stop_or_report(Problem(unwritable, header="The Atom feeds cannot be written:"))
    for language, content in feeds.items():
        target = Path(config.site_dir) / publication.languages.root(language) / FEED
        write_into_site(target, content, f"the {Languages.name(language)} Atom feed")


def atom_feed(
    config: MkDocsConfig, publication: Publication, language: str, articles: list[Article], people: dict[str, dict]
) -> bytes:
    """The language's feed as Atom 1.0 (UTF-8 XML), with these of its articles (newest first). The process keeps
    each feed by everything it says (`feed_fields`): a save that changes none of it does not write it again."""
    fields = feed_fields(config, publication, language, articles, people)
    return WRITTEN_FEEDS.get(content_key(repr(fields)), lambda: _written_feed(fields))


def feed_fields(
    config: MkDocsConfig, publication: Publication, language: str, articles: list[Article], people: dict[str, dict]
) -> tuple:
    """Everything the language's feed says, as plain values: its own fields, then each entry's."""
    collection, languages = publication.articles, publication.languages
    every_article = [article for other in languages.codes for article in collection.of(other)]
    authority = tag_authority(config, publication)
    return (
        feed_id(authority, language, collection.of(language) or every_article),
        upstream.language_site_name(config, language),
        upstream.language_site_description(config, language),
        feed_url(config, publication, language),
        page_url(config, languages, language, "index.md"),
        language,
        _moment(_newest_change(collection, languages, language)),
        tuple(_entry_fields(config, publication, authority, article, people) for article in articles),
    )


def _written_feed(fields: tuple) -> bytes:
    feed_id_, title, description, url, home, language, updated, entries = fields
    feed = FeedGenerator()
    feed.id(feed_id_)
    feed.title(title)
    if description:
        feed.subtitle(description)
    feed.link(href=url, rel="self", type=ATOM_TYPE)
    feed.link(href=home, rel="alternate", type=HTML_TYPE, hreflang=language)
    feed.language(language)
    feed.updated(updated)
    for entry_id_, entry_title, entry_url, summary, published, entry_updated, authors, categories in entries:
        # Appended: the collection is newest first already, and feedgen would otherwise prepend.
        entry = feed.add_entry(order="append")
        entry.id(entry_id_)
        entry.title(entry_title)
        # feedgen 1.0 writes only the href of an entry's link (it reads the other attributes back from the
        # element it has just created): Atom takes a link without rel as rel="alternate", the article.
        entry.link(href=entry_url, rel="alternate")
        entry.summary(summary)
        entry.published(published)
        entry.updated(entry_updated)
        for name, uri in authors:
            entry.author(name=name, uri=uri)
        for term, label in categories:
            entry.category(term=term, label=label)
    return feed.atom_str(pretty=True, encoding="UTF-8")


def _newest_change(collection: Collection, languages: Languages, language: str) -> datetime.date:
    """The newest entry's last change; a feed without entries takes the newest of any language's."""
    articles = collection.of(language) or [article for other in languages.codes for article in collection.of(other)]
    return max(article.last_change for article in articles)


def _entry_fields(
    config: MkDocsConfig, publication: Publication, authority: str, article: Article, people: dict[str, dict]
) -> tuple:
    """What the article's entry says: id, title, address, summary, dates, authors and topics."""
    collection, languages = publication.articles, publication.languages
    language = article.language
    authors = tuple(
        (_name(people, person_id), page_url(config, languages, language, collection.settings.author_path(person_id)))
        for person_id in article.authors
    )
    categories = tuple((topic_id, _topic_name(publication, topic_id, language)) for topic_id in article.topics)
    return (
        entry_id(authority, article),
        article.title,
        page_url(config, languages, language, article.path),
        article.description,
        _moment(article.date),
        _moment(article.last_change),
        authors,
        categories,
    )


def _name(people: dict[str, dict], person_id: str) -> str:
    return people.get(person_id, {}).get("name") or person_id


def _topic_name(publication: Publication, topic_id: str, language: str) -> str:
    """The topic's name in the feed's language, else in the source language; its id if it is unknown."""
    names = publication.articles.topics.get(topic_id)
    return in_language(names, language, publication.languages.source).text if names else topic_id


def _unwritable(
    config: MkDocsConfig, publication: Publication, article: Article, people: dict[str, dict]
) -> list[Finding]:
    """What of the article's entry XML has no place for (control characters, which a YAML escape such
    as "\\x01" writes), each named at its line, where an editor finds it. A text's line is looked for only
    when it holds one: that reads the article's file again."""
    # Each text with what it is and where it is written (the article's path too), both looked up only for a text
    # that holds one: a save checks every article's entry again, and naming a language is slow (babel).
    path = (config.docs_dir, article.language, article.path)
    texts = [
        (text, lambda field=field: f"the {field}", functools.partial(_article_place, path, publication.project, field))
        for field, text in (("title", article.title), ("description", article.description))
    ]
    texts += [
        (_name(people, person), lambda person=person: f"the name of '{person}'",
         functools.partial(_data_place, publication, "people", ("people", person, "name")))
        for person in article.authors
    ]  # fmt: skip
    texts += [
        (
            _topic_name(publication, topic, article.language),
            lambda topic=topic: f"the {Languages.name(article.language)} name of the topic '{topic}'",
            functools.partial(_data_place, publication, "articles", ("topics", topic, "name", article.language)),
        )
        for topic in article.topics
    ]
    return [
        Finding(
            *place(), f"{what()} holds the character U+{ord(found.group()):04X}, which no feed can carry – remove it"
        )
        for text, what, place in texts
        if (found := _NOT_IN_XML.search(text))
    ]


def _article_place(parts: tuple[str, str, str], project: Path, field: str) -> tuple[str, int]:
    """The article's file (docs/, its language, its path) as editors know it, and the line of a field of its front
    matter."""
    path = Path(*parts)
    return _shown(path, project), front_matter_line(path.read_text(encoding="utf-8"), field)


def _data_place(publication: Publication, name: str, place: tuple[str, str, *tuple[str, ...]]) -> tuple[str, int]:
    """A data file, and the line of a record's field in it: `place` is the list, the record's id and the field's
    path."""
    file, data_file = f"data/{name}.yml", publication.data.parsed.get(name)
    if data_file is None:
        return file, 1
    records, record_id, *field = place
    for index, record in enumerate(data_file.content.get(records, [])):
        if record.get("id") == record_id:
            return file, data_file.position((records, index, *field))[0]
    return file, 1


def _shown(path: Path, project: Path) -> str:
    """A path as editors know it: below the project where it is there."""
    return path.relative_to(project).as_posix() if path.is_relative_to(project) else path.as_posix()


def _moment(day: datetime.date) -> datetime.datetime:
    """A day as Atom's date-time: its start, in UTC."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
