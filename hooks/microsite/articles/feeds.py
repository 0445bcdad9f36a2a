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
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from feedgen.feed import FeedGenerator

from .. import upstream
from ..addresses import page_address
from ..findings import Finding
from ..front_matter_fields import front_matter_line
from ..language_texts import in_language
from ..languages import Languages
from ..problems import Problem

if TYPE_CHECKING:
    from ..state import BuildState
    from .collection import Collection
    from .model import Article


FEED = "feed.xml"
ATOM_TYPE = "application/atom+xml"
HTML_TYPE = "text/html"
# What XML 1.0 has no place for, and lxml (under feedgen) refuses: control characters but tab and line
# breaks, unpaired surrogates, U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def has_feeds(state: BuildState) -> bool:
    return state.articles is not None and any(state.articles.of(language) for language in state.languages.codes)


def feed_url(state: BuildState, language: str) -> str:
    return state.site_url + state.languages.root(language) + FEED


def tag_authority(state: BuildState) -> str:
    """The host of the publisher's address (publisher.py checks it); the site's while it is wrong."""
    publisher = state.settings.publisher
    address = publisher.get("url") if isinstance(publisher, dict) else None
    return urlsplit(str(address or state.site_url)).hostname or "localhost"


def entry_id(authority: str, article: Article) -> str:
    """The article's id in its language's feed, fixed when it was first published (see the module's text)."""
    first_path = (article.moved_from[0] if article.moved_from else article.path).removesuffix(".md")
    return f"tag:{authority},{article.date.isoformat()}:articles/{quote(first_path)}/{article.language}"


def feed_id(authority: str, language: str, articles: list[Article]) -> str:
    since = min(article.date for article in articles)
    return f"tag:{authority},{since.isoformat()}:feeds/{language}"


def page_url(state: BuildState, language: str, path: str) -> str:
    """The absolute URL of the page at `path` below the language's folder ('artikel/x.md')."""
    return state.site_url + page_address(state.config, state.languages, language, path)


def feed_links(state: BuildState) -> list[dict[str, str]]:
    """The feeds a page of the language being built links to: its own first, then every other one.

    Each is titled with the feed's own title and its language's name as the language selector gives
    it ('Strong Cities (English)'), so that a reader tells them apart in either language."""
    if not has_feeds(state):
        return []
    current = state.language
    ordered = [current, *(language for language in state.languages.codes if language != current)]
    return [
        {
            "href": feed_url(state, language),
            "lang": language,
            "title": f"{upstream.language_site_name(state.config, language)} "
            f"({upstream.language_display_name(state.config, language)})",
        }
        for language in ordered
    ]


def set_feed_links(state: BuildState) -> None:
    upstream.set_feed_links(state.config, feed_links(state))


def write_feeds(state: BuildState) -> None:
    """Every built language's feed, into its folder of the site.

    An article with a text no feed can carry is named with what to fix: it stops the build, and in
    the preview it is left out of its feed, with a warning, until it is fixed."""
    if not has_feeds(state):
        return
    people = {person["id"]: person for person in state.data.records("people")}
    feeds, problems = {}, {}
    for language in state.languages.codes:
        articles = []
        for article in state.articles.of(language):
            found = _unwritable(state, article, people)
            problems |= dict.fromkeys(found)
            if not found:
                articles.append(article)
        feeds[language] = atom_feed(state, language, articles, people)
    if problems:
        state.problems.stop_or_report(Problem(problems, header="The Atom feeds cannot be written:"))
    for language, content in feeds.items():
        target = state.site_dir / state.languages.root(language) / FEED
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as error:
            message = f"cannot write the {Languages.name(language)} Atom feed ({error.strerror or error})"
            raise Problem(Finding(str(target), 1, message)) from None


def atom_feed(state: BuildState, language: str, articles: list[Article], people: dict[str, dict]) -> bytes:
    """The language's feed as Atom 1.0 (UTF-8 XML), with these of its articles (newest first)."""
    feed = FeedGenerator()
    every_article = [article for other in state.languages.codes for article in state.articles.of(other)]
    feed.id(feed_id(tag_authority(state), language, state.articles.of(language) or every_article))
    feed.title(upstream.language_site_name(state.config, language))
    description = upstream.language_site_description(state.config, language)
    if description:
        feed.subtitle(description)
    feed.link(href=feed_url(state, language), rel="self", type=ATOM_TYPE)
    feed.link(href=page_url(state, language, "index.md"), rel="alternate", type=HTML_TYPE, hreflang=language)
    feed.language(language)
    feed.updated(_moment(_newest_change(state, language)))
    for article in articles:
        _add_entry(feed, state, article, people)
    return feed.atom_str(pretty=True, encoding="UTF-8")


def _newest_change(state: BuildState, language: str) -> datetime.date:
    """The newest entry's last change; a feed without entries takes the newest of any language's."""
    articles = state.articles.of(language) or [
        article for other in state.languages.codes for article in state.articles.of(other)
    ]
    return max(article.last_change for article in articles)


def _add_entry(feed: FeedGenerator, state: BuildState, article: Article, people: dict[str, dict]) -> None:
    collection: Collection = state.articles
    language = article.language
    url = page_url(state, language, article.path)
    # Appended: the collection is newest first already, and feedgen would otherwise prepend.
    entry = feed.add_entry(order="append")
    entry.id(entry_id(tag_authority(state), article))
    entry.title(article.title)
    # feedgen 1.0 writes only the href of an entry's link (it reads the other attributes back from the
    # element it has just created): Atom takes a link without rel as rel="alternate", the article.
    entry.link(href=url, rel="alternate")
    entry.summary(article.description)
    entry.published(_moment(article.date))
    entry.updated(_moment(article.last_change))
    for person_id in article.authors:
        uri = page_url(state, language, collection.settings.author_path(person_id))
        entry.author(name=_name(people, person_id), uri=uri)
    for topic_id in article.topics:
        entry.category(term=topic_id, label=_topic_name(state, topic_id, language))


def _name(people: dict[str, dict], person_id: str) -> str:
    return people.get(person_id, {}).get("name") or person_id


def _topic_name(state: BuildState, topic_id: str, language: str) -> str:
    """The topic's name in the feed's language, else in the source language; its id if it is unknown."""
    names = state.articles.topics.get(topic_id)
    return in_language(names, language, state.languages.source).text if names else topic_id


def _unwritable(state: BuildState, article: Article, people: dict[str, dict]) -> list[Finding]:
    """What of the article's entry XML has no place for (control characters, which a YAML escape such
    as "\\x01" writes), each named at its line, where an editor finds it."""
    source = _source(state, article)
    article_text = (Path(state.config.docs_dir) / article.language / article.path).read_text(encoding="utf-8")
    texts = [
        (source, front_matter_line(article_text, field), f"the {field}", text)
        for field, text in (("title", article.title), ("description", article.description))
    ]
    texts += [
        ("data/people.yml", _data_line(state, "people", ("people", person, "name")), f"the name of '{person}'",
         _name(people, person))
        for person in article.authors
    ]  # fmt: skip
    texts += [
        (
            "data/articles.yml",
            _data_line(state, "articles", ("topics", topic, "name", article.language)),
            f"the {Languages.name(article.language)} name of the topic '{topic}'",
            _topic_name(state, topic, article.language),
        )
        for topic in article.topics
    ]
    return [
        Finding(
            file, line, f"{what} holds the character U+{ord(found.group()):04X}, which no feed can carry – remove it"
        )
        for file, line, what, text in texts
        if (found := _NOT_IN_XML.search(text))
    ]


def _data_line(state: BuildState, name: str, place: tuple[str, str, *tuple[str, ...]]) -> int:
    """The line of a record's field in a data file: `place` is the list, the record's id and the field's path."""
    data_file = state.data.parsed.get(name)
    if data_file is None:
        return 1
    records, record_id, *field = place
    for index, record in enumerate(data_file.content.get(records, [])):
        if record.get("id") == record_id:
            return data_file.position((records, index, *field))[0]
    return 1


def _source(state: BuildState, article: Article) -> str:
    path = Path(state.config.docs_dir) / article.language / article.path
    return path.relative_to(state.project).as_posix() if path.is_relative_to(state.project) else path.as_posix()


def _moment(day: datetime.date) -> datetime.datetime:
    """A day as Atom's date-time: its start, in UTC."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
