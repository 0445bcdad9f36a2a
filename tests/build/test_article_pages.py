"""The article collection as readers meet it: the index and its pages, the home page, topic and author
pages, the header above each article, old addresses, and a navigation that does not grow with the
archive. What is expected comes from the collection itself (read_collection), never from its content.
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import yaml
from babel.dates import format_date
from project import assemble_publication, build_site, collection_folder, microsite, person_ids, publication_data
from site_model import LANGUAGES, BuiltSite, PageHtml, built_path, collection_of, parse_html


def links_of(site: BuiltSite, page: str, selector_class: str | None = None) -> list[str]:
    """The site paths the page's content links to (optionally only links inside cards' titles)."""
    html = site.html(page)
    folder = posixpath.dirname(page)
    return [
        posixpath.normpath(posixpath.join(folder, element.attrs["href"]))
        for element in html.elements
        if element.tag == "a" and "href" in element.attrs and "://" not in element.attrs["href"]
    ]


def card_titles(html: PageHtml) -> int:
    return len(html.find_all("article", **{"class": "article-card"}))


def test_every_article_is_on_the_index_the_home_page_and_its_topic_and_author_pages(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    settings = collection.settings
    people = {person["id"]: person for person in publication_data("people", built_site.project)["people"]}
    for language in LANGUAGES.codes:
        articles = collection.of(language)
        assert articles
        home = links_of(built_site, built_path("index.md", language))
        for position, article in enumerate(articles):
            page = built_path(article.path, language)
            index = built_path(settings.index_path(position // settings.per_page + 1), language)
            assert page in links_of(built_site, index)
            assert (page in home) == (position < settings.on_home_page)
            for topic in article.topics:
                assert page in links_of(built_site, built_path(settings.topic_path(topic), language))
            for person in article.authors:
                author_page = built_path(settings.author_path(person), language)
                assert page in links_of(built_site, author_page)
                role = people[person]["role"][language]
                assert role in built_site.html(author_page).article_text


def test_an_article_starts_with_its_lead_authors_date_and_topics_in_its_language(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    for language in LANGUAGES.codes:
        article = collection.of(language)[0]
        page = built_path(article.path, language)
        html = built_site.html(page)
        text = " ".join(html.article_text)
        assert text.startswith(f"{article.title} {article.description}")
        assert html.find("time", datetime=article.date.isoformat()) is not None
        assert format_date(article.date, "long", locale=language) in text
        links = links_of(built_site, page)
        for person in article.authors:
            assert built_path(collection.settings.author_path(person), language) in links
        for topic in article.topics:
            assert built_path(collection.settings.topic_path(topic), language) in links
            assert collection.topics[topic][language] in html.article_text


def test_every_old_address_answers_in_its_language_and_leads_to_the_article(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    moved = [(language, article) for language in LANGUAGES.codes for article in collection.of(language)]
    old_addresses = [(language, article, old) for language, article in moved for old in article.moved_from]
    assert old_addresses
    sitemap = built_site.sitemap_entries()
    for language, article, old in old_addresses:
        old_page, new_page = built_path(old, language), built_path(article.path, language)
        html = built_site.html(old_page)
        assert html.find("html").attrs["lang"] == language
        refresh = html.find("meta", **{"http-equiv": "refresh"}).attrs["content"]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(old_page), refresh.split("url=", 1)[1]))
        assert target == new_page and (built_site.root / new_page).is_file()
        assert html.find("link", rel="canonical").attrs["href"] == built_site.site_url + new_page
        assert html.find("meta", name="robots").attrs["content"] == "noindex"
        assert built_site.site_url + old_page not in sitemap


def write_articles(project: Path, count: int, first_day: datetime.date) -> None:
    """`count` short articles in every language, a day apart, translated and stamped."""
    folder, author = collection_folder(project), person_ids(project)[0]
    topic = publication_data("articles", project)["topics"][0]["id"]
    for number in range(count):
        day = (first_day + datetime.timedelta(days=number)).isoformat()
        for language in LANGUAGES.codes:
            path = project / "docs" / language / folder / f"generated-{number}.md"
            front_matter = {
                "title": f"Article {number} {language}",
                "description": f"Lead {number} {language}.",
                "date": day,
                "authors": [author],
                "topics": [topic],
            }
            path.write_text(
                f"---\n{yaml.safe_dump(front_matter, allow_unicode=True)}---\n\n# Article {number} {language}\n\n"
                f"Text {number} {language}.\n",
                encoding="utf-8",
            )
    translations = [
        f"docs/{language}/{folder}/generated-{number}.md"
        for language in LANGUAGES.translations
        for number in range(count)
    ]
    marked = microsite("translated", *translations, project=project)
    assert marked.returncode == 0, marked.stderr


def navigation_links(html: PageHtml) -> int:
    return sum(1 for element in html.find_all("a") if "md-nav__link" in element.attrs.get("class", ""))


# The larger archive: as many more articles as make the index three pages or more of PAGE_SIZE each.
ADDED_ARTICLES, PAGE_SIZE = 12, 5


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The publication with ADDED_ARTICLES more articles, newer than all the others, PAGE_SIZE to an index page."""
    tmp_path = tmp_path_factory.mktemp("larger")
    project = assemble_publication(tmp_path / "project")
    settings_file = project / "data" / "articles.yml"
    settings_file.write_text(
        settings_file.read_text(encoding="utf-8").replace(
            f"per_page: {publication_data('articles', project)['per_page']}", f"per_page: {PAGE_SIZE}"
        ),
        encoding="utf-8",
    )
    write_articles(project, ADDED_ARTICLES, datetime.date(2030, 1, 1))
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=tmp_path / "site", site_url="http://127.0.0.1:8000/", log=result.stderr, project=project)


def test_the_navigation_of_an_article_does_not_grow_with_the_archive(
    built_site: BuiltSite, larger_site: BuiltSite
) -> None:
    larger = larger_site
    for language in LANGUAGES.codes:
        article = collection_of(built_site.project).of(language)[-1]
        page = built_path(article.path, language)
        assert navigation_links(larger.html(page)) == navigation_links(built_site.html(page))


def test_the_index_is_paged_newest_first_with_links_between_its_pages(
    built_site: BuiltSite, larger_site: BuiltSite
) -> None:
    site = larger_site
    collection = collection_of(site.project)
    for language in LANGUAGES.codes:
        # The publication's articles and the added ones, PAGE_SIZE to a page, the last page with the rest.
        total = len(collection_of(built_site.project).of(language)) + ADDED_ARTICLES
        sizes = [min(PAGE_SIZE, total - start) for start in range(0, total, PAGE_SIZE)]
        assert len(sizes) >= 3
        pages = collection.index_pages(language)
        assert [len(page) for page in pages] == sizes
        added = [article.path for article in collection.of(language)[:ADDED_ARTICLES]]
        assert added == [
            f"{collection.settings.page_folder}/generated-{number}.md" for number in reversed(range(ADDED_ARTICLES))
        ]
        built = [built_path(collection.settings.index_path(number), language) for number in range(1, len(sizes) + 1)]
        for number, (page, articles) in enumerate(zip(built, pages, strict=True), start=1):
            html = site.html(page)
            assert card_titles(html) == len(articles)
            links = links_of(site, page)
            article_links = [link for link in links if link in {built_path(a.path, language) for a in articles}]
            assert article_links == [built_path(article.path, language) for article in articles]
            assert html.find("span", **{"aria-current": "page"}) is not None
            head_links = {
                element.attrs["rel"]: posixpath.normpath(posixpath.join(posixpath.dirname(page), element.attrs["href"]))
                for element in html.find_all("link")
                if element.attrs.get("rel") in ("prev", "next")
            }
            if number > 1:
                assert head_links["prev"] == built[number - 2]
            if number < len(built):
                assert head_links["next"] == built[number]


def test_each_article_leads_to_the_one_before_and_after_it_by_date(larger_site: BuiltSite) -> None:
    site = larger_site
    collection = collection_of(site.project)
    for language in LANGUAGES.codes:
        articles = collection.of(language)
        for position, article in enumerate(articles):
            page = built_path(article.path, language)
            html = site.html(page)
            footer = {
                kind: posixpath.normpath(posixpath.join(posixpath.dirname(page), element.attrs["href"]))
                for element in html.find_all("a")
                for kind in ("prev", "next")
                if f"md-footer__link--{kind}" in element.attrs.get("class", "")
            }
            older = built_path(articles[position + 1].path, language) if position + 1 < len(articles) else None
            newer = built_path(articles[position - 1].path, language) if position else None
            assert footer.get("prev") == older
            assert footer.get("next") == newer


# Articles added as the editors' guide says: two given a topic (each with its author), one left without topics.
WITH_A_TOPIC = (("second-one", 0), ("third-one", -1))
WITHOUT_TOPICS, TITLE_WITHOUT_TOPICS = "ohne-themen", "Titel ohne Themen"
OLDEST_DATE_LINE = "date: 2000-01-01\n"


@dataclass(frozen=True)
class Added:
    site: BuiltSite
    log: str
    topic: str
    # Each article given a topic, and its author.
    authors: dict[str, str]


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Added:
    """The publication with the articles WITH_A_TOPIC and WITHOUT_TOPICS added with `make new-article`, their
    translations written and stamped with `make translated`, built strictly: one build for both tests below."""
    tmp_path = tmp_path_factory.mktemp("added")
    project = assemble_publication(tmp_path / "project")
    folder, people = collection_folder(project), person_ids(project)
    topic = publication_data("articles", project)["topics"][-1]["id"]
    authors = {slug: people[person] for slug, person in WITH_A_TOPIC}
    for slug, title, author in [
        *((slug, f"Titel {slug}", author) for slug, author in authors.items()),
        (WITHOUT_TOPICS, TITLE_WITHOUT_TOPICS, people[0]),
    ]:
        created = microsite(
            "new-article", slug, "--title", title, "--description", "Ein Satz.", "--author", author,
            project=project,
        )  # fmt: skip
        assert created.returncode == 0, created.stderr
        for language in LANGUAGES.codes:
            path = project / "docs" / language / folder / f"{slug}.md"
            text = path.read_text(encoding="utf-8")
            if slug == WITHOUT_TOPICS:
                # Older than every article: the two given a topic stay the newest, on the index's first page.
                dated = text.splitlines(keepends=True)
                dated = [OLDEST_DATE_LINE if line.startswith("date: ") else line for line in dated]
                text = "".join(dated)
            else:
                text = text.replace("topics: []", f"topics: [{topic}]")
            if language != LANGUAGES.source:
                text = text.replace(title, f"Title {slug} {language}").replace("Ein Satz.", "A sentence.")
            path.write_text(text, encoding="utf-8")
    translations = [
        f"docs/{language}/{folder}/{slug}.md"
        for language in LANGUAGES.translations
        for slug in (*authors, WITHOUT_TOPICS)
    ]
    assert microsite("translated", *translations, project=project).returncode == 0
    site_root = tmp_path / "site"
    result = build_site(site_root, "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(root=site_root, site_url="http://127.0.0.1:8000/", log="", project=project)
    return Added(site, result.stdout + result.stderr, topic, authors)


def test_articles_added_with_make_new_article_appear_everywhere(added: Added) -> None:
    site, project = added.site, added.site.project
    folder = collection_folder(project)
    collection = collection_of(project)
    for language in LANGUAGES.codes:
        for slug, author in added.authors.items():
            page = built_path(f"{folder}/{slug}.md", language)
            assert page in links_of(site, built_path("index.md", language))
            assert page in links_of(site, built_path(collection.settings.index_path(1), language))
            assert page in links_of(site, built_path(collection.settings.topic_path(added.topic), language))
            assert page in links_of(site, built_path(collection.settings.author_path(author), language))
        cards = parse_html((site.root / built_path("index.md", language)).read_text(encoding="utf-8"))
        assert card_titles(cards) == min(collection.settings.on_home_page, len(collection.of(language)))
        feed = feedparser.parse((site.root / LANGUAGES.root(language) / "feed.xml").read_bytes())
        links = [entry.link for entry in feed.entries]
        for slug in added.authors:
            assert site.site_url + built_path(f"{folder}/{slug}.md", language) in links


def test_an_article_without_topics_is_built_strictly_and_the_build_log_says_what_to_add(added: Added) -> None:
    project = added.site.project
    folder = collection_folder(project)
    source = f"docs/{LANGUAGES.source}/{folder}/{WITHOUT_TOPICS}.md"
    [logged] = [line for line in added.log.splitlines() if source in line]
    assert logged.startswith(f"INFO    -  {source}:")
    assert "warning: topics: the article has no topics – add topic ids from data/articles.yml" in logged
    topics = [topic["id"] for topic in publication_data("articles", project)["topics"]]
    assert logged.endswith("known ids: " + ", ".join(topics))
    for language in LANGUAGES.codes:
        assert (added.site.root / built_path(f"{folder}/{WITHOUT_TOPICS}.md", language)).is_file()


def test_an_articles_picture_shows_above_it_and_on_its_cards_with_its_text_alternative(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    collection = collection_of(project)
    folder = collection.settings.page_folder
    # The newest article without a picture: on the home page's cards, next to those of articles with one.
    article = next(article for article in collection.of(LANGUAGES.source) if article.image is None)
    for language in LANGUAGES.codes:
        picture = project / "docs" / language / folder / "pictures" / "harbour.svg"
        picture.parent.mkdir(parents=True, exist_ok=True)
        picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>', encoding="utf-8")
        page = project / "docs" / language / article.path
        text = page.read_text(encoding="utf-8")
        image = f"image:\n  src: pictures/harbour.svg\n  alt: Harbour {language}\n"
        page.write_text(text.replace("\ndate:", f"\n{image}date:", 1), encoding="utf-8")
    translations = [f"docs/{language}/{article.path}" for language in LANGUAGES.translations]
    assert microsite("translated", *translations, project=project).returncode == 0
    site_root = tmp_path / "site"
    result = build_site(site_root, "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(root=site_root, site_url="http://127.0.0.1:8000/", log="", project=project)
    pictured = collection_of(project)
    for language in LANGUAGES.codes:
        on_home_page = pictured.of(language)[: pictured.settings.on_home_page]
        assert article.path in [shown.path for shown in on_home_page]
        expected = {
            built_path(article.path, language): [f"Harbour {language}"],
            built_path("index.md", language): [shown.image["alt"] for shown in on_home_page if shown.image],
        }
        for page, alternatives in expected.items():
            pictures = [
                image for image in site.html(page).find_all("img") if "article-" in image.attrs.get("class", "")
            ]
            assert [image.attrs["alt"] for image in pictures] == alternatives, page
            for image in pictures:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), image.attrs["src"]))
                assert (site_root / resolved).is_file(), resolved


def test_search_finds_an_article_on_its_page_not_on_the_pages_that_list_it(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    for language in LANGUAGES.codes:
        article = collection.of(language)[0]
        listing = [built_path(collection.settings.index_path(1), language), built_path("index.md", language)]
        listing += [built_path(collection.settings.topic_path(topic), language) for topic in article.topics]
        docs = built_site.search_index(language)["docs"]
        found_on = {doc["location"].split("#")[0] for doc in docs if article.description in doc["text"]}
        root = LANGUAGES.root(language)
        assert found_on == {built_path(article.path, language).removeprefix(root)}
        assert not found_on & {page.removeprefix(root) for page in listing}


def english_ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# How the seed texts introduce an article that appeared elsewhere first, in each language.
SOURCE_SENTENCES = {
    "de": lambda name, day: (
        f"Veröffentlicht in „{name}“ ({day.day}. {format_date(day, 'MMMM', locale='de')} {day.year}):"
    ),
    "en": lambda name, day: (
        f"Published in “{name}” ({format_date(day, 'MMMM', locale='en')} {english_ordinal(day.day)}, {day.year}):"
    ),
}


def test_the_header_introduces_an_article_from_elsewhere_in_its_sources_words(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    seen = 0
    for language in LANGUAGES.codes:
        for article in collection.of(language):
            first = article.first_published
            if first is None:
                continue
            seen += 1
            text = "".join(built_site.html(built_path(article.path, language)).article_text)
            assert SOURCE_SENTENCES[language](first.name, first.date) in text, built_path(article.path, language)
            page = (built_site.root / built_path(article.path, language)).read_text(encoding="utf-8")
            assert f'<a href="{first.url}">{first.name}</a>' in page
            # The date is a <time>, which never ends a line halfway (tests/browser/test_publication_design.py).
            source_sentence = page.partition('<p class="article-header__source">')[2].partition("</p>")[0]
            assert f'<time datetime="{first.date.isoformat()}">' in source_sentence
    assert seen, "the fixture has no article that appeared elsewhere first"


class _Figure(HTMLParser):
    """The article header's figure: the classes of what it holds, in order, and its caption's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.in_caption = False, False
        self.classes: list[str] = []
        self.caption: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "figure" and classes == "article-header__figure":
            self.inside = True
        elif self.inside:
            self.classes.append(classes or tag)
            self.in_caption = self.in_caption or tag == "figcaption"

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self.inside = self.in_caption = False

    def handle_data(self, data: str) -> None:
        if self.in_caption:
            self.caption.append(data)


def test_an_articles_picture_shows_its_caption_and_credit_under_it(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    pictured = [
        (language, article)
        for language in LANGUAGES.codes
        for article in collection.of(language)
        if article.image and article.image.get("caption") and article.image.get("credit")
    ]
    assert pictured, "the fixture has no article whose picture has a caption and a credit"
    for language, article in pictured:
        figure = _Figure()
        figure.feed((built_site.root / built_path(article.path, language)).read_text(encoding="utf-8"))
        assert figure.classes[:2] == ["article-header__image", "figcaption"], figure.classes
        caption = " ".join("".join(figure.caption).split())
        assert caption == f"{article.image['caption']} {article.image['credit']}"
