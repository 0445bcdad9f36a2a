"""Text is text: a copy of the fixture publication whose page and article titles and descriptions, an
author's name, a topic's name and a partner city's name are markup (tests/hostile_project.py), built
once without --strict (the checks refuse markup with a script in these texts; the site must be safe even
where one slips past, as in the preview). Wherever the site shows one of them (the browser tab, the header, the navigation, the footer, the
cards, the generated pages, the metadata) readers see the characters that were typed, and nothing of
them is an element or an attribute; the search index, the feed, the JSON-LD and the citation files hold
each text escaped once, as their format needs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import rispy
from chromium import open_quietly
from hostile_project import (
    ARTICLE_DESCRIPTION,
    ARTICLE_TITLE,
    AUTHOR_NAME,
    CITY_NAME,
    MARKUP,
    PAGE_AUTHOR,
    PAGE_DESCRIPTION,
    PAGE_SUBTITLE,
    PAGE_TITLE,
    PWNED,
    SHOWN_HEADING,
    TOPIC_NAME,
    Hostile,
    hostile_project,
)
from project import SUB_PATH, build_site, free_port
from site_model import LANGUAGES, BuiltSite, site_name
from static_host import served_under_sub_path
from test_citations import latex_text, read_bibtex

# The browser test serves the site at the address it was built for.
PORT = free_port()
SITE_URL = f"http://127.0.0.1:{PORT}{SUB_PATH}"
# The word each hostile text starts with, in every language: where a reader meets one, MARKUP follows.
WORDS = sorted(
    {
        text.removesuffix(" " + MARKUP)
        for texts in (
            PAGE_TITLE,
            PAGE_DESCRIPTION,
            PAGE_SUBTITLE,
            PAGE_AUTHOR,
            ARTICLE_TITLE,
            ARTICLE_DESCRIPTION,
            TOPIC_NAME,
            CITY_NAME,
        )
        for text in texts.values()
    }
    | {AUTHOR_NAME.removesuffix(" " + MARKUP)}
)
# The attributes whose values readers are shown or read to them.
SHOWN_ATTRIBUTES = ("content", "aria-label", "title", "alt", "label")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    return hostile_project(tmp_path_factory.mktemp("hostile") / "project")


@pytest.fixture(scope="module")
def site(hostile: Hostile, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    destination = tmp_path_factory.mktemp("hostile-site")
    # The checks refuse these texts (page-script), so a strict build stops; built without --strict, as
    # the preview goes on with them, the site must still show them as text.
    result = build_site(destination, SITE_URL, config_file=hostile.project / "mkdocs.yml", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[page-script] title: script:" in result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=SITE_URL, log=result.stdout + result.stderr, project=hostile.project)


class _Page(HTMLParser):
    """What a browser makes of a page: the elements and attributes that came from the hostile texts,
    the text of every element, and the texts readers are shown (the text and the shown attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.shown: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.scripts: list[tuple[str | None, str]] = []
        self._open: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on") and PWNED in (value or ""):
                self.injected.append(f"line {line}: <{tag} {name}={value!r}>")
            if name in SHOWN_ATTRIBUTES and value:
                self.shown.append(value)
        if tag == "img" and dict(attrs).get("src") == "x":
            self.injected.append(f"line {line}: <img src=x>")
        if tag == "script":
            self.scripts.append((dict(attrs).get("type"), ""))
        classes = dict(attrs).get("class") or ""
        self._open.append((tag, classes))
        for key in (tag, *(f".{name}" for name in classes.split())):
            self.texts.setdefault(key, []).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] == "script":
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
            if kind != "application/ld+json" and PWNED in data:
                self.injected.append(f"line {self.getpos()[0]}: a script of the text: {data.strip()[:60]!r}")
            return
        self.shown.append(data)
        for tag, classes in self._open:
            for key in (tag, *(f".{name}" for name in classes.split())):
                self.texts[key][-1] += data


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def as_typed(shown: str) -> Iterator[str]:
    """Each place in `shown` where one of the hostile texts' words stands, and what follows it, as
    long as the markup: a reader must see the markup there as it was typed."""
    for word in WORDS:
        start = shown.find(word)
        while start != -1:
            yield shown[start + len(word) + 1 : start + len(word) + 1 + len(MARKUP)]
            start = shown.find(word, start + 1)


def collapsed(text: str) -> str:
    return " ".join(text.split())


def test_no_page_has_an_element_or_attribute_from_the_texts(site: BuiltSite) -> None:
    pages = sorted(site.root.rglob("*.html"))
    assert pages
    injected = {str(path.relative_to(site.root)): found for path in pages if (found := read_page(path).injected)}
    assert not injected, injected


def test_readers_see_every_text_as_typed_wherever_it_is_shown(site: BuiltSite) -> None:
    shown_at = 0
    wrong = {}
    for path in sorted(site.root.rglob("*.html")):
        texts = read_page(path).shown
        # Markup split over several text nodes or elements would be a text no longer.
        followers = [follower for text in texts for follower in as_typed(text)]
        shown_at += len(followers)
        if mismatched := [follower for follower in followers if follower != MARKUP]:
            wrong[str(path.relative_to(site.root))] = mismatched[:2]
    assert not wrong, wrong
    assert shown_at > 0


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_page_title_is_text_in_the_tab_the_header_the_navigation_and_the_head(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    title = PAGE_TITLE[language]
    page = read_page(site.root / hostile.html(language, hostile.page))
    assert page.texts["title"] == [f"{title} - {site_name(hostile.project, language)}"]
    topics = [collapsed(text) for text in page.texts[".md-header__topic"]]
    assert title in topics
    # The navigation's entry: the title, and the subtitle on a line below it.
    entry = f"{title} {PAGE_SUBTITLE[language]}"
    assert entry in [collapsed(text) for text in page.texts[".md-nav__link"]]
    home = read_page(site.root / hostile.html(language, "index.md"))
    assert entry in [collapsed(text) for text in home.texts[".md-nav__link"]]
    assert PAGE_DESCRIPTION[language] in page.shown  # <meta name="description">
    assert PAGE_AUTHOR[language] in page.shown  # <meta name="author">


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_a_title_from_the_first_heading_is_text_in_the_tab_and_the_navigation(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    heading = SHOWN_HEADING[language]
    page = read_page(site.root / hostile.html(language, hostile.untitled))
    assert not page.injected, page.injected
    assert page.texts["title"] == [f"{heading} - {site_name(hostile.project, language)}"]
    assert heading in [collapsed(text) for text in page.texts[".md-header__topic"]]
    assert heading in [collapsed(text) for text in page.texts[".md-nav__link"]]


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_article_names_its_title_lead_author_and_topic_as_text(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    page = read_page(site.root / hostile.html(language, hostile.article))
    assert collapsed(page.texts["h1"][0]) == ARTICLE_TITLE[language]
    text = collapsed(" ".join(page.texts["article"]))
    for shown in (ARTICLE_DESCRIPTION[language], AUTHOR_NAME, TOPIC_NAME[language]):
        assert shown in text


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_generated_pages_are_titled_with_the_data_names_as_text(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    names = {"author": AUTHOR_NAME, "topic": TOPIC_NAME[language], "partnership": CITY_NAME[language]}
    built = {
        path.stem: read_page(path)
        for path in site.root.rglob("*.html")
        if LANGUAGES.of_path(path.relative_to(site.root).as_posix()) == language
    }
    for kind, name in names.items():
        page = built[getattr(hostile, kind)]
        assert collapsed(page.texts["h1"][0]) == name, kind
        assert page.texts["title"] == [f"{name} - {site_name(hostile.project, language)}"], kind


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_metadata_hold_the_texts_and_the_json_ld_stays_one_script(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    article = read_page(site.root / hostile.html(language, hostile.article))
    [json_ld] = [text for kind, text in article.scripts if kind == "application/ld+json"]
    assert "</" not in json_ld and "<!--" not in json_ld
    item = json.loads(json_ld)
    assert (item["headline"], item["description"]) == (ARTICLE_TITLE[language], ARTICLE_DESCRIPTION[language])
    assert [author["name"] for author in item["author"]] == [AUTHOR_NAME]
    assert ARTICLE_TITLE[language] in article.shown  # og:title, citation_title
    page = read_page(site.root / hostile.html(language, hostile.page))
    [json_ld] = [text for kind, text in page.scripts if kind == "application/ld+json"]
    assert (json.loads(json_ld)["name"], json.loads(json_ld)["description"]) == (
        PAGE_TITLE[language],
        PAGE_DESCRIPTION[language],
    )


def html_text(html: str) -> str:
    """The text a browser shows of a piece of HTML, as the search shows its results."""
    page = _Page()
    page.feed(html)
    page.close()
    assert not page.injected, page.injected
    return "".join(page.shown)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_search_index_holds_the_texts_as_html_that_shows_them(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    documents = site.search_index(language)["docs"]
    shown = {
        document["location"]: (html_text(document["title"]), html_text(document["text"])) for document in documents
    }
    article = hostile.html(language, hostile.article).removeprefix(LANGUAGES.root(language))
    title, text = shown[article]
    assert title == ARTICLE_TITLE[language]
    assert ARTICLE_DESCRIPTION[language] in text
    followers = [follower for texts in shown.values() for text in texts for follower in as_typed(text)]
    assert followers and set(followers) == {MARKUP}


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_feed_holds_each_text_escaped_once(site: BuiltSite, hostile: Hostile, language: str) -> None:
    feed = ElementTree.parse(site.root / LANGUAGES.root(language) / "feed.xml").getroot()
    article = site.site_url + hostile.html(language, hostile.article)
    [entry] = [entry for entry in feed.iter(f"{ATOM}entry") if entry.find(f"{ATOM}link").get("href") == article]
    assert entry.findtext(f"{ATOM}title") == ARTICLE_TITLE[language]
    assert entry.findtext(f"{ATOM}summary") == ARTICLE_DESCRIPTION[language]
    assert [author.findtext(f"{ATOM}name") for author in entry.iter(f"{ATOM}author")] == [AUTHOR_NAME]
    assert [category.get("label") for category in entry.iter(f"{ATOM}category")] == [TOPIC_NAME[language]]


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_citation_files_hold_the_title_as_their_format_writes_text(
    site: BuiltSite, hostile: Hostile, language: str
) -> None:
    stem = (site.root / hostile.html(language, hostile.article)).with_suffix("")
    title = ARTICLE_TITLE[language]
    assert latex_text(read_bibtex(stem.with_suffix(".bib"))["title"]) == title
    [record] = rispy.loads(stem.with_suffix(".ris").read_text(encoding="utf-8"))
    assert record["title"] == title
    [item] = json.loads(stem.with_suffix(".csl.json").read_text(encoding="utf-8"))
    assert item["title"] == title


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_in_the_browser_nothing_runs_and_the_title_shows_as_typed(
    browser, site: BuiltSite, hostile: Hostile, language: str
) -> None:
    title = PAGE_TITLE[language]
    with served_under_sub_path(site.root, PORT) as address:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            for path in (hostile.page, hostile.article):
                open_quietly(page, address + hostile.html(language, path))
                assert page.evaluate(f"typeof window.{PWNED}") == "undefined", path
            open_quietly(page, address + hostile.html(language, hostile.page))
            assert page.title() == f"{title} - {site_name(hostile.project, language)}"
            assert title in [collapsed(text) for text in page.locator(".md-header__topic").all_inner_texts()]
            # The search lists the article by its title, HTML from the index.
            page.locator(".md-search__input").click()
            page.keyboard.type(ARTICLE_TITLE[language].split()[0])
            result = page.locator(".md-search-result__item h1").first
            result.wait_for()
            assert collapsed(result.inner_text()) == ARTICLE_TITLE[language]
            assert page.evaluate(f"typeof window.{PWNED}") == "undefined"
        finally:
            context.close()
