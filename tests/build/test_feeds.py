"""The Atom feeds: one per language, valid Atom with absolute addresses of built pages, the articles
newest first; and every page's head links to its language's feed first, then to the others'.

The feeds are read with feedparser, as a feed reader reads them, and their structure with the standard
library's XML parser against what RFC 4287 requires. What they should say comes from the articles'
front matter and data/, read here without the generator's code.
"""

from __future__ import annotations

import datetime
import functools
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from mkdocs.config import load_config
from mkdocs.utils import meta
from preview_server import POLL_SECONDS
from project import (
    SUB_PATH,
    assemble_publication,
    build_site,
    collection_folder,
    free_port,
    microsite,
    mkdocs_env,
    person_ids,
)
from project import publication_data as data_file
from site_model import BuiltSite, configured_languages, language_of, language_root, site_name

FEED = "feed.xml"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_LINK_TYPE = "application/atom+xml"


@functools.cache
def language_config(project: Path, language: str):
    """The language's entry under the i18n plugin in the project's mkdocs.yml (name, site_name, site_description)."""
    config = load_config(str(project / "mkdocs.yml"))
    return next(entry for entry in config.plugins["i18n"].config.languages if entry.locale == language)


def feed_url(site: BuiltSite, language: str) -> str:
    return site.site_url + language_root(language) + FEED


def read_feed(site: BuiltSite, language: str) -> feedparser.FeedParserDict:
    # Bytes, never a path or an address: feedparser fetches whatever address it is given.
    return feedparser.parse((site.root / language_root(language) / FEED).read_bytes())


def site_file(site: BuiltSite, url: str) -> Path:
    """The file of the site an absolute address of it stands for."""
    assert url.startswith(site.site_url), f"{url} is not an address of the site ({site.site_url})"
    return site.root / url.removeprefix(site.site_url)


def day(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def midnight_utc(value) -> tuple[int, ...]:
    """A day as feedparser reads an Atom date of that day at 00:00 UTC."""
    return (*day(value).timetuple()[:3], 0, 0, 0)


def articles_of(project: Path, language: str) -> list[dict]:
    """The language's articles from their front matter, newest first (same day: by file name)."""
    folder = project / "docs" / language / collection_folder(project)
    articles = []
    for path in sorted(folder.glob("*.md")):
        if path.name != "index.md":
            _, front_matter = meta.get_data(path.read_text(encoding="utf-8"))
            articles.append({**front_matter, "slug": path.stem})
    return sorted(articles, key=lambda article: (-day(article["date"]).toordinal(), article["slug"]))


def article_url(site: BuiltSite, project: Path, language: str, slug: str) -> str:
    return site.site_url + language_root(language) + f"{collection_folder(project)}/{slug}.html"


def publisher_host(project: Path) -> str:
    return urlsplit(load_config(str(project / "mkdocs.yml")).extra["publisher"]["url"]).hostname


def entry_id(project: Path, language: str, article: dict) -> str:
    """The tag: URI of the article's entry: the publisher's host, the day it was first published, the path it
    was first published at (its first old address, where it moved) and the language."""
    first_path = (article.get("moved_from") or [f"{collection_folder(project)}/{article['slug']}.md"])[0]
    return f"tag:{publisher_host(project)},{day(article['date'])}:articles/{first_path.removesuffix('.md')}/{language}"


def last_change(article: dict):
    return article.get("updated") or article["date"]


@pytest.mark.parametrize("language", configured_languages())
def test_each_language_has_a_valid_atom_feed_of_its_own(built_site: BuiltSite, language: str) -> None:
    parsed = read_feed(built_site, language)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    project = built_site.project
    assert feed.language == language
    assert feed.title == site_name(project, language)
    assert feed.subtitle == language_config(project, language).site_description
    oldest = min(day(article["date"]) for article in articles_of(project, language))
    assert feed.id == f"tag:{publisher_host(project)},{oldest}:feeds/{language}"
    assert [(link.rel, link.href, link.get("hreflang")) for link in feed.links] == [
        ("self", feed_url(built_site, language), None),
        ("alternate", built_site.site_url + language_root(language) + "index.html", language),
    ]
    newest = max(last_change(article) for article in articles_of(project, language))
    assert tuple(feed.updated_parsed[:6]) == midnight_utc(newest)


@pytest.mark.parametrize("language", configured_languages())
def test_feed_lists_the_languages_articles_newest_first_with_lead_and_dates(
    built_site: BuiltSite, language: str
) -> None:
    project = built_site.project
    expected = [
        (
            entry_id(project, language, article),
            article_url(built_site, project, language, article["slug"]),
            article["title"],
            article["description"],
            midnight_utc(article["date"]),
            midnight_utc(last_change(article)),
        )
        for article in articles_of(project, language)
    ]
    assert expected, f"no articles in docs/{language}/{collection_folder(project)}/ to test the feed with"
    entries = read_feed(built_site, language).entries
    assert [
        (
            entry.id,
            entry.link,
            entry.title,
            entry.summary,
            tuple(entry.published_parsed[:6]),
            tuple(entry.updated_parsed[:6]),
        )
        for entry in entries
    ] == expected
    assert all(entry.title_detail.language == language for entry in entries)


@pytest.mark.parametrize("language", configured_languages())
def test_feed_entries_name_their_authors_and_topics(built_site: BuiltSite, language: str) -> None:
    project = built_site.project
    people = {person["id"]: person["name"] for person in data_file("people", project)["people"]}
    settings = data_file("articles", project)
    topics = {topic["id"]: topic["name"][language] for topic in settings["topics"]}
    author_page = built_site.site_url + language_root(language) + settings["author_folder"] + "/{}.html"
    entries = read_feed(built_site, language).entries
    articles = articles_of(project, language)
    assert [[(author.name, author.href) for author in entry.authors] for entry in entries] == [
        [(people[person], author_page.format(person)) for person in article["authors"]] for article in articles
    ]
    assert [[(tag.term, tag.label) for tag in entry.get("tags", [])] for entry in entries] == [
        [(topic, topics[topic]) for topic in article.get("topics", [])] for article in articles
    ]


def test_every_address_in_the_feeds_is_a_built_page_of_the_feeds_language(built_site: BuiltSite) -> None:
    problems = []
    for language in configured_languages():
        parsed = read_feed(built_site, language)
        addresses = [link.href for link in parsed.feed.links]
        for entry in parsed.entries:
            addresses += [*(link.href for link in entry.links), *(author.href for author in entry.authors)]
        for address in addresses:
            if not address.startswith(built_site.site_url):
                problems.append(f"{language} feed: {address} is not an absolute address of the site")
                continue
            path = address.removeprefix(built_site.site_url)
            if not (built_site.root / path).is_file():
                problems.append(f"{language} feed: {address} is no file of the built site")
            elif language_of(path) != language:
                problems.append(f"{language} feed: {address} is a page of another language")
    assert not problems, "\n".join(problems)


def children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return element.findall(ATOM + name)


@pytest.mark.parametrize("language", configured_languages())
def test_feed_has_what_rfc_4287_requires(built_site: BuiltSite, language: str) -> None:
    """Each required element exactly once, dates as RFC 3339 with their offset, ids unique."""
    root = ElementTree.parse(built_site.root / language_root(language) / FEED).getroot()
    assert root.tag == ATOM + "feed" and root.get(XML_LANG) == language
    problems = [
        f"feed: {len(children(root, name))} <{name}>"
        for name in ("id", "title", "updated")
        if len(children(root, name)) != 1
    ]
    entries = children(root, "entry")
    dates = [root.find(ATOM + "updated")]
    for number, entry in enumerate(entries, 1):
        for name in ("id", "title", "updated", "published", "summary"):
            if len(children(entry, name)) != 1:
                problems.append(f"entry {number}: {len(children(entry, name))} <{name}>")
        if not children(entry, "author") or any(
            author.find(ATOM + "name") is None for author in children(entry, "author")
        ):
            problems.append(f"entry {number}: no author with a name")
        if not [link for link in children(entry, "link") if link.get("rel", "alternate") == "alternate"]:
            problems.append(f"entry {number}: no alternate link")
        dates += children(entry, "updated") + children(entry, "published")
    for date in dates:
        if date is None or datetime.datetime.fromisoformat(date.text).utcoffset() is None:
            problems.append(f"date without offset: {None if date is None else date.text}")
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    if len(set(ids)) != len(ids):
        problems.append(f"entry ids repeat: {ids}")
    assert not problems, "\n".join(problems)


def expected_feed_links(site: BuiltSite, language: str) -> list[tuple[str, str, str]]:
    """(href, hreflang, title) of the feed links in a page's head: its own language's feed first."""
    ordered = [language, *(other for other in configured_languages() if other != language)]
    return [
        (
            feed_url(site, feed_language),
            feed_language,
            f"{site_name(site.project, feed_language)} ({language_config(site.project, feed_language).name})",
        )
        for feed_language in ordered
    ]


def test_every_page_links_to_its_languages_feed_first_then_the_others(built_site: BuiltSite) -> None:
    pages = built_site.page_paths()
    named = []
    folder = collection_folder(built_site.project)
    for language in configured_languages():
        first_article = articles_of(built_site.project, language)[0]["slug"]
        named += [
            language_root(language) + page for page in ("index.html", "404.html", f"{folder}/{first_article}.html")
        ]
    assert set(named) <= set(pages), set(named) - set(pages)
    problems = []
    for path in pages:
        page = built_site.html(path)
        # The page left at an old address sends the reader on at once and has no head of the theme's.
        if page.find("meta", **{"http-equiv": "refresh"}):
            continue
        links = page.find_all("link", rel="alternate", type=FEED_LINK_TYPE)
        declared = [(link.attrs["href"], link.attrs.get("hreflang"), link.attrs.get("title")) for link in links]
        if declared != expected_feed_links(built_site, language_of(path)):
            problems.append(f"{path}: feed links {declared}")
    assert not problems, "\n".join(problems[:10])
    for href, _, _ in expected_feed_links(built_site, configured_languages()[0]):
        assert site_file(built_site, href).is_file(), href


# Two articles an editor adds: one newer than every article, one older but updated after all of them.
ADDED = {
    "neuester-artikel": {
        "de": ("Der neueste Artikel", "Ein Satz über den neuesten Artikel.", "Hier steht der Text des Artikels."),
        "en": ("The newest article", "A sentence about the newest article.", "Here is the text of the article."),
    },
    "aeltester-artikel": {
        "de": ("Der älteste Artikel", "Ein Satz über den ältesten Artikel.", "Hier steht ein anderer Text."),
        "en": ("The oldest article", "A sentence about the oldest article.", "Here is some other text."),
    },
}


def added_dates(publication: Path) -> dict[str, dict[str, datetime.date]]:
    """When the added articles appeared and changed, from the dates of the publication's own articles."""
    existing = [day(article["date"]) for article in articles_of(publication, configured_languages()[0])]
    newest, oldest = max(existing), min(existing)
    return {
        "neuester-artikel": {"date": newest + datetime.timedelta(days=10)},
        "aeltester-artikel": {
            "date": oldest - datetime.timedelta(days=100),
            "updated": newest + datetime.timedelta(days=20),
        },
    }


def add_article(
    project: Path, slug: str, language: str, added: dict[str, datetime.date], authors: list[str], topics: list[str]
) -> Path:
    title, description, text = ADDED[slug][language]
    dates = "".join(f"{field}: {value.isoformat()}\n" for field, value in added.items())
    page = project / "docs" / language / collection_folder(project) / f"{slug}.md"
    page.write_text(
        f"---\ntitle: {title}\ndescription: {description}\n{dates}"
        f"authors: [{', '.join(authors)}]\ntopics: [{', '.join(topics)}]\n---\n\n# {title}\n\n{text}\n",
        encoding="utf-8",
    )
    return page


@pytest.fixture(scope="module")
def site_with_two_more_articles(tmp_path_factory: pytest.TempPathFactory, publication_project: Path) -> BuiltSite:
    """The fixture publication (publication_project, unchanged) with the two articles of ADDED."""
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    topics = [topic["id"] for topic in data_file("articles", project)["topics"]]
    dates = added_dates(publication_project)
    translations = []
    for language in configured_languages():
        add_article(
            project, "neuester-artikel", language, dates["neuester-artikel"], person_ids(project)[:2], topics[:1]
        )
        page = add_article(
            project, "aeltester-artikel", language, dates["aeltester-artikel"], person_ids(project)[-1:], []
        )
        if language != configured_languages()[0]:
            translations += [
                page.relative_to(project).as_posix(),
                page.with_name("neuester-artikel.md").relative_to(project).as_posix(),
            ]
    # As an editor does once both languages are written: record that the translations are complete.
    marked = microsite("translated", *translations, project=project)
    assert marked.returncode == 0, marked.stdout + marked.stderr
    site_url = f"http://127.0.0.1:{free_port()}{SUB_PATH}"
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination, site_url, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr, project=project)


@pytest.mark.parametrize("language", configured_languages())
def test_added_articles_appear_in_each_feed_by_date_of_first_publication(
    site_with_two_more_articles: BuiltSite, publication_project: Path, language: str
) -> None:
    site, project = site_with_two_more_articles, site_with_two_more_articles.project
    before = [article["slug"] for article in articles_of(publication_project, language)]
    parsed = read_feed(site, language)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.link for entry in parsed.entries] == [
        article_url(site, project, language, slug) for slug in ["neuester-artikel", *before, "aeltester-artikel"]
    ]
    newest, oldest = parsed.entries[0], parsed.entries[-1]
    dates = added_dates(publication_project)
    assert (newest.title, newest.summary) == ADDED["neuester-artikel"][language][:2]
    assert len(newest.authors) == 2 and len(newest.tags) == 1
    assert tuple(oldest.published_parsed[:6]) == midnight_utc(dates["aeltester-artikel"]["date"])
    # The feed was last changed when the oldest article was updated, after every publication.
    assert tuple(oldest.updated_parsed[:6]) == midnight_utc(dates["aeltester-artikel"]["updated"])
    assert tuple(parsed.feed.updated_parsed[:6]) == midnight_utc(dates["aeltester-artikel"]["updated"])


def with_a_control_character_in_a_title(project: Path, language: str) -> str:
    """Puts a control character (a YAML escape such as "\\x01" writes one) into the title of the
    language's newest article, which XML has no place for; returns the article's source file and the
    title's line, as `file:line`."""
    slug = articles_of(project, language)[0]["slug"]
    source = f"docs/{language}/{collection_folder(project)}/{slug}.md"
    page = project / source
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(number for number, line in enumerate(lines) if line.startswith("title:"))
    _, front_matter = meta.get_data("\n".join(lines))
    lines[title] = "title: " + json.dumps(front_matter["title"] + "\x01", ensure_ascii=False)
    page.write_text("\n".join(lines), encoding="utf-8")
    return f"{source}:{title + 1}"


def control_character_message(place: str) -> str:
    return f"{place}: the title holds the character U+0001, which no feed can carry – remove it"


def test_a_text_no_feed_can_carry_stops_the_build_with_where_to_fix_it(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    source = with_a_control_character_in_a_title(project, configured_languages()[-1])
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert f"The Atom feeds cannot be written:\n{control_character_message(source)}\n" in output, output


def test_the_preview_leaves_such_an_article_out_of_its_feed_and_goes_on(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    language = configured_languages()[-1]
    source = with_a_control_character_in_a_title(project, language)
    port, log_path = free_port(), tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*command, "--config-file", str(project / "mkdocs.yml")],
            cwd=project,
            env=mkdocs_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            feeds = {
                other: served_feed(f"http://127.0.0.1:{port}/{language_root(other)}{FEED}", server)
                for other in configured_languages()
            }
            assert server.poll() is None, "the preview stopped"
        finally:
            server.terminate()
            server.wait(timeout=20)
    logged = log_path.read_text(encoding="utf-8")
    assert f"WARNING -  {control_character_message(source)}" in logged and "Traceback" not in logged, logged
    slug = Path(source.rsplit(":", 1)[0]).stem
    assert [entry.link.rsplit("/", 1)[-1] for entry in feeds[language].entries] == [
        f"{article['slug']}.html" for article in articles_of(project, language) if article["slug"] != slug
    ]
    for other in configured_languages():
        if other != language:
            assert len(feeds[other].entries) == len(articles_of(project, other))


def served_feed(url: str, server: subprocess.Popen, seconds: float = 60) -> feedparser.FeedParserDict:
    """The feed as the preview serves it, once it does (only the preview on 127.0.0.1 is asked)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return feedparser.parse(response.read())
        except urllib.error.HTTPError as error:
            # The preview answers once its first build is done: the feed is missing, not late.
            raise AssertionError(f"{url}: HTTP {error.code}") from None
        except OSError:
            time.sleep(POLL_SECONDS)
    raise AssertionError(f"{url} was not served within {seconds} s, or the preview stopped")


def test_a_language_without_a_site_name_of_its_own_takes_the_top_level_one(tmp_path: Path) -> None:
    """The i18n plugin overwrites `site_name` in each language build: the feeds, written after the last
    one, must still find the top-level name for the language that gives none."""
    project = assemble_publication(tmp_path / "project")
    source, other = configured_languages()[0], configured_languages()[1]
    mkdocs_yml = project / "mkdocs.yml"
    configured = {language: language_config(project, language) for language in (source, other)}
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    top_level = next(number for number, line in enumerate(lines) if line.startswith("site_name:"))
    lines[top_level] = "site_name: Die Publikation"
    own = f"site_name: {configured[source].site_name}"
    lines.remove(next(line for line in lines[top_level + 1 :] if line.strip() == own))
    mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")
    site = BuiltSite(
        root=tmp_path / "site", site_url=f"http://127.0.0.1:{free_port()}{SUB_PATH}", log="", project=project
    )
    result = build_site(site.root, site.site_url, config_file=mkdocs_yml)
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_feed(site, source).feed.title == "Die Publikation"
    assert read_feed(site, other).feed.title == configured[other].site_name
    links = site.html(language_root(other) + "index.html").find_all("link", rel="alternate", type=FEED_LINK_TYPE)
    assert [link.attrs["title"] for link in links] == [
        f"{configured[other].site_name} ({configured[other].name})",
        f"Die Publikation ({configured[source].name})",
    ]


def test_feed_and_entry_ids_stay_when_the_site_moves_to_another_address(
    built_site: BuiltSite, publication_project: Path, tmp_path: Path
) -> None:
    moved = build_site(tmp_path / "site", "https://elsewhere.example.net/archive/", publication_project / "mkdocs.yml")
    assert moved.returncode == 0, moved.stdout + moved.stderr
    moved_site = BuiltSite(
        root=tmp_path / "site", site_url="https://elsewhere.example.net/archive/", log="", project=publication_project
    )
    for language in configured_languages():
        before, after = read_feed(built_site, language), read_feed(moved_site, language)
        assert [entry.link for entry in before.entries] != [entry.link for entry in after.entries]
        assert after.feed.id == before.feed.id
        assert after.feed.id.startswith(f"tag:{publisher_host(publication_project)},")
        assert [entry.id for entry in after.entries] == [entry.id for entry in before.entries]


def test_a_name_in_the_data_no_feed_can_carry_is_named_at_its_line_in_the_data_file(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    author = articles_of(project, configured_languages()[0])[0]["authors"][0]
    people = project / "data" / "people.yml"
    lines = people.read_text(encoding="utf-8").split("\n")
    record = lines.index(f"  - id: {author}")
    name = next(number for number in range(record, len(lines)) if lines[number].startswith("    name:"))
    # A YAML escape writes the control character.
    lines[name] = f'    name: "{lines[name].removeprefix("    name: ")}\\x01"'
    people.write_text("\n".join(lines), encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    message = f"data/people.yml:{name + 1}: the name of '{author}' holds the character U+0001, which no feed can carry"
    assert result.returncode != 0 and message in output, output
