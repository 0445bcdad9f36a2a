"""An article on paper: printed to PDF by Debian's Chromium with the site's print styles, its text read
back with pypdf. The page's own HTML says what must be left out (the header with the site's name, the
navigation, the search box, the language menu, the footer) and what must be kept (the title, the text,
the citation, the address of a link to another site); nothing here names the publication's content.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from microsite.articles import Article
from site_model import LANGUAGES, BuiltSite, article_collection, assembled_publication

pytestmark = pytest.mark.browser

A4 = "A4"
# AAA contrast against the white of the paper: text readers can read in any light.
TEXT_CONTRAST = 7.0
# A background darker than this (relative luminance) would print grey or black under the text.
LIGHTEST_DARK_BACKGROUND = 0.7


# Which part of the theme a text belongs to, by the class of an element around it (the search box's
# placeholder is taken from its attribute).
CHROME = {
    "md-header__topic": "header",
    "md-nav__link": "navigation",
    "md-select__link": "language menu",
    "md-footer": "footer",
    "md-skip": "skip link",
}


def squeezed(text: str) -> str:
    """Text without its whitespace: a PDF breaks lines where the page does, inside addresses too."""
    return "".join(text.split())


@dataclass
class PageParts:
    """What a built page shows where: the theme's parts around the article, and the article's."""

    # Texts of the theme around the content, by what they are.
    chrome: dict[str, list[str]] = field(default_factory=dict)
    # Every text of the content (Material's <article>), and its paragraphs outside the header and citation.
    content: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    citation: list[str] = field(default_factory=list)
    # (address, text, in the citation?) of the content's links to other sites.
    links: list[tuple[str, str, bool]] = field(default_factory=list)


class _PageParser(HTMLParser):
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts = PageParts()
        self.open: list[tuple[str, set[str]]] = []
        self._paragraph: list[str] | None = None
        self._link: tuple[str, list[str], bool] | None = None

    def _inside(self, name: str) -> bool:
        return any(name in classes for _, classes in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = set(attributes.get("class", "").split())
        if tag == "input" and "md-search__input" in classes:
            self.parts.chrome.setdefault("search", []).append(attributes.get("placeholder", ""))
        if tag in self.VOID:
            return
        self.open.append((tag, classes))
        in_article = any(open_tag == "article" for open_tag, _ in self.open)
        if tag == "p" and in_article and not self._inside("article-header") and not self._inside("article-citation"):
            self._paragraph = []
        if tag == "a" and in_article and attributes.get("href", "").startswith("http"):
            self._link = (attributes["href"], [], self._inside("article-citation"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._paragraph is not None:
            self.parts.paragraphs.append(" ".join(self._paragraph))
            self._paragraph = None
        if tag == "a" and self._link is not None:
            self.parts.links.append((self._link[0], " ".join(self._link[1]), self._link[2]))
            self._link = None
        # Back to the element this ends: HTML lets some end tags be left out.
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if not text or any(tag in ("script", "style") for tag, _ in self.open):
            return
        for name, part in CHROME.items():
            if self._inside(name):
                self.parts.chrome.setdefault(part, []).append(text)
        if any(tag == "article" for tag, _ in self.open):
            self.parts.content.append(text)
        if self._inside("article-citation"):
            self.parts.citation.append(text)
        for collected in (self._paragraph, self._link[1] if self._link else None):
            if collected is not None:
                collected.append(text)


def page_parts(site: BuiltSite, page: str) -> PageParts:
    parser = _PageParser()
    parser.feed((site.root / page).read_text(encoding="utf-8"))
    parser.close()
    return parser.parts


def newest_articles(project: Path) -> dict[str, Article]:
    """The newest article of each language, by its page."""
    collection = article_collection(project)
    assert collection is not None
    return {
        LANGUAGES.root(language) + article.path.removesuffix(".md") + ".html": article
        for language in LANGUAGES.codes
        for article in collection.of(language)[:1]
    }


# The fixture publication's newest articles, known before its site is built.
with assembled_publication() as publication:
    NEWEST_ARTICLES = newest_articles(publication)


def article_pages() -> list[str]:
    return list(NEWEST_ARTICLES)


def article_of(page: str) -> Article:
    return NEWEST_ARTICLES[page]


@dataclass
class Printed:
    text: str
    # As computed for print: (element, colour) of each element with text of its own, and (element,
    # background colour) of each element, of those a reader can see (not transparent nor hidden).
    colours: list[tuple[str, str]]
    backgrounds: list[tuple[str, str]]


@pytest.fixture(scope="module")
def printed(browser, served_site: str) -> dict[str, Printed]:
    # Imported here, not at the top: every test process collects this module, and only one runs it.
    from pypdf import PdfReader

    results = {}
    for page_path in article_pages():
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        # The print layout needs the stylesheets and pictures, in by `load`, not the search index that follows.
        page.goto(served_site + page_path, wait_until="load")
        page.emulate_media(media="print")
        # Material fades a link's colour (a transition): read the colours once the page has settled on paper's.
        page.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
        shown = page.evaluate(
            """() => [...document.querySelectorAll("body, body *")]
                .filter((element) => element.checkVisibility({opacityProperty: true, visibilityProperty: true}))
                .map((element) => [
                    element.tagName.toLowerCase() + (element.className ? "." + element.className : ""),
                    getComputedStyle(element).color,
                    getComputedStyle(element).backgroundColor,
                    [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()),
                ])"""
        )
        pdf = page.pdf(format=A4)
        context.close()
        text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
        results[page_path] = Printed(
            text=text,
            colours=[(element, colour) for element, colour, _, has_text in shown if has_text],
            backgrounds=[(element, background) for element, _, background, _ in shown],
        )
    return results


def _channels(colour: str) -> tuple[float, float, float, float]:
    """'rgb(0, 0, 0)' or 'rgba(0, 0, 0, 0.5)' as red, green, blue (0–255) and alpha."""
    values = [float(part) for part in colour.partition("(")[2].rstrip(")").split(",")]
    return (*values[:3], values[3] if len(values) == 4 else 1.0)


def _luminance(red: float, green: float, blue: float) -> float:
    """WCAG's relative luminance."""
    linear = [value / 255 for value in (red, green, blue)]
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in linear]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _on_white(colour: str) -> float:
    """The luminance of a colour as printed on white paper (its transparency mixed with the white)."""
    red, green, blue, alpha = _channels(colour)
    return _luminance(*(alpha * value + (1 - alpha) * 255 for value in (red, green, blue)))


@pytest.mark.parametrize("page", article_pages())
def test_print_leaves_out_the_header_navigation_search_languages_and_footer(
    built_site: BuiltSite, printed: dict[str, Printed], page: str
) -> None:
    parts = page_parts(built_site, page)
    assert set(parts.chrome) >= {"header", "navigation", "search", "language menu", "footer"}, parts.chrome.keys()
    paper = squeezed(printed[page].text)
    content = squeezed(" ".join(parts.content))
    # A word of the theme may be a word of the article too: on paper, it may only be as often as there.
    leaked = [
        (part, text)
        for part, texts in parts.chrome.items()
        for text in texts
        if squeezed(text) and paper.count(squeezed(text)) > content.count(squeezed(text))
    ]
    assert not leaked, leaked


@pytest.mark.parametrize("page", article_pages())
def test_print_keeps_the_title_the_text_and_the_citation_at_the_end(
    built_site: BuiltSite, printed: dict[str, Printed], page: str
) -> None:
    parts = page_parts(built_site, page)
    paper = squeezed(printed[page].text)
    opening = [" ".join(paragraph.split()[:6]) for paragraph in (parts.paragraphs[0], parts.paragraphs[-1])]
    for kept in (article_of(page).title, *opening):
        assert squeezed(kept) in paper, kept
    assert parts.citation, f"{page} has no citation block"
    # Every text of the citation, in its order, after the article's last paragraph.
    position = paper.index(squeezed(opening[-1]))
    for text in parts.citation:
        found = paper.find(squeezed(text), position)
        assert found != -1, f"“{text}” of the citation is not on paper after the article's text"
        position = found + len(squeezed(text))


@pytest.mark.parametrize("page", article_pages())
def test_print_writes_where_a_link_leads_unless_its_text_says_it(
    built_site: BuiltSite, printed: dict[str, Printed], page: str
) -> None:
    paper = squeezed(printed[page].text)
    first = article_of(page).first_published
    if first is not None and first.url:
        assert squeezed(f"{first.name} ({first.url})") in paper, f"{first.name} printed without its address"
    links = page_parts(built_site, page).links
    assert [link for link in links if link[2]], f"{page}: no link to another site in its citation"
    for address, text, in_citation in links:
        assert squeezed(f"{address} ({address})") not in paper, f"{address} is printed twice"
        if in_citation and text != address:
            assert squeezed(f"{text} ({address})") in paper, f"“{text}” printed without its address {address}"


@pytest.mark.parametrize("page", article_pages())
def test_print_is_black_text_without_dark_backgrounds(printed: dict[str, Printed], page: str) -> None:
    white = _luminance(255, 255, 255)
    pale = [
        (element, colour)
        for element, colour in printed[page].colours
        if (white + 0.05) / (_on_white(colour) + 0.05) < TEXT_CONTRAST
    ]
    dark = [
        (element, background)
        for element, background in printed[page].backgrounds
        if _on_white(background) < LIGHTEST_DARK_BACKGROUND
    ]
    assert not pale, pale
    assert not dark, dark
