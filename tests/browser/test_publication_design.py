"""The publication's design as a reader sees it, on a phone (390 px) and a desktop (1280 px), on the fixture
publication: a readable line length, one column in the middle of a desktop for articles and lists of articles, key
figures at the text's edge, topics as chips, the article lists as a grid of cards with the newest featured, its
picture beside its text, and no date or reading time broken across two lines. Which pages to look at is read from
the fixture's articles and data markers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest
from project import assemble_publication, collection_folder
from site_model import LANGUAGES, BuiltSite, built_path, collection_of
from static_host import built_and_served_like_github_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# Characters a line, the measure typographers agree on for running text.
SHORTEST_LINE, LONGEST_LINE = 60, 75
# A target a finger hits on a phone (WCAG 2.5.5), and the least any pointer needs (WCAG 2.5.8).
PHONE_TARGET, LEAST_TARGET = 44, 24

# Characters on each line of the article's paragraphs as the browser laid them out: every character's box, through a
# Range, grouped by the line it stands on. A paragraph's last line and a line ended by a break are short by intent.
LINE_LENGTHS = """() => {
  const lengths = [];
  for (const paragraph of document.querySelectorAll(".md-content__inner > p")) {
    const lines = new Map();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let index = 0; index < node.length; index++) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = range.getClientRects()[0];
        if (box) lines.set(Math.round(box.top), (lines.get(Math.round(box.top)) || 0) + 1);
      }
    }
    const full = [...lines.values()];
    full.pop();
    if (!paragraph.querySelector("br")) lengths.push(...full);
  }
  return lengths;
}"""

GEOMETRY = """() => {
  const box = (element) => element && element.getBoundingClientRect().toJSON();
  const text = document.querySelector(".md-content__inner > p");
  const topics = document.querySelector(".article-header ul.article-topics");
  const cards = document.querySelector(".article-cards");
  // A column beside the text is shown where it takes room on the screen (Material keeps the drawer's in the page).
  const shown = (selector) => {
    const element = document.querySelector(selector);
    return Boolean(element) && getComputedStyle(element).display !== "none" && element.getBoundingClientRect().width > 0;
  };
  return {
    screenWidth: document.documentElement.clientWidth,
    column: box(document.querySelector(".md-content__inner")),
    navigationShown: shown(".md-sidebar--primary"),
    contentsShown: shown(".md-sidebar--secondary"),
    text: box(text),
    keyFigures: box(document.querySelector("ul.key-figures")),
    topics: topics && {
      listStyle: getComputedStyle(topics).listStyleType,
      display: getComputedStyle(topics).display,
      chips: [...topics.querySelectorAll("a")].map(box),
    },
    cards: cards && {
      grid: box(cards),
      each: [...cards.querySelectorAll(":scope > article.article-card")].map(box),
    },
  };
}"""


# The dates and reading times of the page's text that the browser laid out over more than one line.
BROKEN_ACROSS_LINES = """() => [...document.querySelectorAll(".md-content time, .md-content .reading-time")]
  .filter((element) => element.getClientRects().length > 1)
  .map((element) => element.textContent)"""
# Phones' widths, from the narrowest in use: where a line of a byline ends moves through its date and reading time.
PHONE_WIDTHS = range(320, 432, 16)


@dataclass
class Seen:
    line_lengths: list[int]
    geometry: dict


def design_pages(site: BuiltSite) -> dict[str, str]:
    """The pages of each kind, in every language: the newest article (it has topics), the index's first and second
    page, the home page (which has the key figures and the latest articles) and the newest article's first topic."""
    collection = collection_of(site.project)
    pages = {}
    for language in LANGUAGES.codes:
        newest = collection.of(language)[0]
        pages[f"article {language}"] = built_path(newest.path, language)
        pages[f"index {language}"] = built_path(collection.settings.index_path(1), language)
        pages[f"second index page {language}"] = built_path(collection.settings.index_path(2), language)
        pages[f"home {language}"] = built_path("index.md", language)
        pages[f"topic {language}"] = built_path(collection.settings.topic_path(newest.topics[0]), language)
    return pages


@pytest.fixture(scope="module")
def seen(browser, served_site: str, built_site: BuiltSite) -> dict[tuple[str, str], Seen]:
    """Every design page at both widths, measured once."""
    measured = {}
    for width_name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for kind, path in design_pages(built_site).items():
            # What is measured is laid out by `load` (stylesheets, pictures, Material's script): no need to wait
            # for the search index that loads after it.
            page.goto(served_site + path, wait_until="load")
            measured[(width_name, kind)] = Seen(page.evaluate(LINE_LENGTHS), page.evaluate(GEOMETRY))
        context.close()
    return measured


def of_kind(seen: dict[tuple[str, str], Seen], width: str, kind: str) -> dict[str, Seen]:
    return {page: value for (at, page), value in seen.items() if at == width and page.startswith(kind)}


def test_an_article_reads_at_60_to_75_characters_a_line_on_a_desktop_and_never_longer_on_a_phone(seen) -> None:
    for page, measured in of_kind(seen, "desktop", "article").items():
        assert measured.line_lengths, f"{page}: no full line of text measured"
        typical = statistics.median(measured.line_lengths)
        assert SHORTEST_LINE <= typical <= LONGEST_LINE, f"{page} at 1280 px: lines of {measured.line_lengths}"
        assert max(measured.line_lengths) <= LONGEST_LINE + 1, f"{page} at 1280 px: lines of {measured.line_lengths}"
    # A phone's screen is the measure: 16 px text fits about 45 characters, and no line is longer than on a desktop.
    for page, measured in of_kind(seen, "phone", "article").items():
        assert max(measured.line_lengths) <= LONGEST_LINE, f"{page} at 390 px: lines of {measured.line_lengths}"


def test_a_date_or_a_reading_time_never_ends_a_line_halfway_on_a_phone(
    browser, served_site: str, built_site: BuiltSite
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    broken = {}
    for kind, path in design_pages(built_site).items():
        page.goto(served_site + path, wait_until="load")
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            if texts := page.evaluate(BROKEN_ACROSS_LINES):
                broken[f"{kind} at {width} px"] = texts
    context.close()
    assert broken == {}


def test_articles_and_lists_of_articles_are_one_column_in_the_middle_of_a_desktop(seen) -> None:
    # The sections are the tabs under the header; an article, the index, the home page and a topic's page have no
    # column of navigation or contents beside them, and their own stands in the middle, as a page of print does.
    for kind in ("article", "index", "second index page", "home", "topic"):
        for page, measured in of_kind(seen, "desktop", kind).items():
            geometry = measured.geometry
            assert not geometry["navigationShown"], f"{page} at 1280 px: the navigation stands beside the text"
            assert not geometry["contentsShown"], f"{page} at 1280 px: a table of contents stands beside the text"
            left, right = geometry["column"]["left"], geometry["screenWidth"] - geometry["column"]["right"]
            assert abs(left - right) <= 2, (
                f"{page} at 1280 px: the column is {left} px from the left, {right} from the right"
            )


@pytest.mark.parametrize("width", WIDTHS)
def test_key_figures_start_at_the_left_edge_of_the_text(seen, width: str) -> None:
    homes = of_kind(seen, width, "home")
    assert all(measured.geometry["keyFigures"] for measured in homes.values()), "the home pages show no key figures"
    for page, measured in homes.items():
        figures, text = measured.geometry["keyFigures"], measured.geometry["text"]
        assert abs(figures["left"] - text["left"]) <= 2, f"{page}: key figures at {figures['left']}, text at {text}"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_articles_topics_are_a_row_of_chips_a_finger_can_hit(seen, width: str) -> None:
    least = PHONE_TARGET if width == "phone" else LEAST_TARGET
    for page, measured in of_kind(seen, width, "article").items():
        topics = measured.geometry["topics"]
        assert topics and topics["chips"], f"{page}: no topics in the header"
        assert topics["listStyle"] == "none" and topics["display"] == "flex", f"{page}: topics are a list: {topics}"
        for chip in topics["chips"]:
            assert chip["height"] >= least and chip["width"] >= least, f"{page}: a topic chip of {chip}"


def columns(cards: list[dict]) -> int:
    return len({round(card["left"]) for card in cards})


def test_article_lists_are_a_grid_of_two_columns_on_a_desktop_and_one_on_a_phone(seen) -> None:
    # The home page's cards below the featured one, and every card of the index's second page.
    for kind, first in (("home", 1), ("second index page", 0)):
        for page, measured in of_kind(seen, "desktop", kind).items():
            others = measured.geometry["cards"]["each"][first:]
            assert len(others) >= 2, f"{page}: too few cards to see a grid"
            assert columns(others) >= 2, f"{page} at 1280 px: the cards stand in one column: {others}"
        for page, measured in of_kind(seen, "phone", kind).items():
            each = measured.geometry["cards"]["each"]
            assert columns(each) == 1, f"{page} at 390 px: the cards stand side by side: {each}"


def test_the_newest_article_is_featured_across_the_grid_on_the_home_page_and_the_index(seen) -> None:
    for kind in ("index", "home"):
        for page, measured in of_kind(seen, "desktop", kind).items():
            grid, (newest, *others) = measured.geometry["cards"]["grid"], measured.geometry["cards"]["each"]
            assert abs(newest["width"] - grid["width"]) <= 1, f"{page}: the newest card is {newest}, the grid {grid}"
            assert all(card["width"] < grid["width"] / 1.5 for card in others), f"{page}: cards of {others}"
    # A topic's page lists its articles alike, none featured.
    for page, measured in of_kind(seen, "desktop", "topic").items():
        each = measured.geometry["cards"]["each"]
        assert len({round(card["width"]) for card in each}) == 1, f"{page}: cards of different widths: {each}"


FEATURED = """() => {
  const card = document.querySelector(".article-cards--featured > .article-card");
  const box = (element) => element.getBoundingClientRect().toJSON();
  return {picture: box(card.querySelector(".article-card__image")), title: box(card.querySelector(".article-card__title"))};
}"""


def test_a_featured_article_with_a_picture_shows_it_beside_its_text_on_a_desktop_and_above_it_on_a_phone(
    browser, tmp_path: Path
) -> None:
    # A copy of the fixture whose newest article has a picture (the fixture's newest has none): the picture of an
    # older article, with an alt text in each language.
    project = assemble_publication(tmp_path / "project")
    collection = collection_of(project)
    pictured = next(article for article in collection.of(LANGUAGES.source) if article.image)
    newest = collection.of(LANGUAGES.source)[0]
    assert not newest.image, "the fixture's newest article has a picture already: this copy is needless"
    for language in LANGUAGES.codes:
        source = project / "docs" / language / newest.path
        text = source.read_text(encoding="utf-8")
        end = text.index("\n---\n", 3)
        image = f"\nimage:\n  src: {Path(pictured.image['src']).name}\n  alt: {language} {pictured.image['alt']}"
        source.write_text(text[:end] + image + text[end:], encoding="utf-8")
    assert (project / "docs" / LANGUAGES.source / collection_folder(project) / pictured.image["src"]).exists()
    index = built_path(collection.settings.index_path(1), LANGUAGES.source)
    with built_and_served_like_github_pages(project, tmp_path / "site") as address:
        for viewport in (DESKTOP, PHONE):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.goto(address + index, wait_until="load")
            featured = page.evaluate(FEATURED)
            context.close()
            picture, title = featured["picture"], featured["title"]
            if viewport is DESKTOP:
                assert picture["right"] <= title["left"] and picture["top"] <= title["top"], f"at 1280 px: {featured}"
                assert picture["width"] > title["width"], f"at 1280 px, the picture is the lesser part: {featured}"
            else:
                assert picture["bottom"] <= title["top"], f"at 390 px, the picture is not above the title: {featured}"
