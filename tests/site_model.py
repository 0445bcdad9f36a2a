"""The built site as the tests see it: its pages, their language, and what their HTML declares."""

from __future__ import annotations

import contextlib
import functools
import json
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from microsite.articles import Collection, read_collection
from microsite.data import load
from microsite.settings import project_languages, project_settings
from microsite.site_output.sitemaps import NAMESPACES as SITEMAP_NS
from microsite.upstream import ERROR_PAGE
from microsite.words import read_words
from mkdocs.config import load_config
from project import PUBLICATION, assemble_publication, publication_data

# The languages of the fixture publication (tests/publication/mkdocs.yml). Every project the tests build
# is assembled from it and has them, so that tests can be parametrized by them before anything is built.
LANGUAGES = project_languages(PUBLICATION)
# The generator's interface words in the fixture's languages (hooks/microsite/words/).
WORDS = read_words(LANGUAGES)


def label(language: str, key: str, /, **values: object) -> str:
    """An interface word as the generator writes it, for tests that look for it on a page."""
    return WORDS.label(language, key, **values)


def configured_languages() -> tuple[str, ...]:
    """The languages of the i18n plugin in the fixture's mkdocs.yml, default language first."""
    return LANGUAGES.codes


@functools.cache
def site_name(project: Path, language: str) -> str:
    """The project's site name in `language` (mkdocs.yml: the language's own, else the top-level one)."""
    config = load_config(str(project / "mkdocs.yml"))
    for configured in config.plugins["i18n"].config.languages:
        if configured.locale == language:
            return configured.site_name or config.site_name
    return config.site_name


def default_language() -> str:
    return LANGUAGES.source


def other_languages() -> tuple[str, ...]:
    return LANGUAGES.translations


def generated_pages(project: Path) -> list[str]:
    """The pages generated from the project's data/ and articles, below each language root: one per
    partnership, the article index's further pages, and one per topic and per author."""
    languages = project_languages(project)
    data = load(project / "data", project / "docs", languages)
    partnerships = data.get("partnerships")
    pages = [
        languages.root(language) + f"{partnerships['page_folder']}/{record['id']}.html"
        for language in languages.codes
        for record in (partnerships["partnerships"] if partnerships else [])
    ]
    collection, _ = read_collection(project / "docs", languages, data.files, project)
    if collection is None:
        return pages
    settings = collection.settings
    for language in languages.codes:
        paths = [settings.index_path(number) for number in range(2, len(collection.index_pages(language)) + 1)]
        paths += [settings.topic_path(topic) for topic in collection.topics]
        paths += [settings.author_path(person) for person in collection.authors(language)]
        pages += [languages.root(language) + path.removesuffix(".md") + ".html" for path in paths]
    return pages


def status_pages(project: Path) -> list[str]:
    """Each language's translation status page (mkdocs.yml, extra.translation_policy.status_page): generated
    too, and reached from every page's footer rather than from the menu."""
    languages = project_languages(project)
    status_page = project_settings(project).translation_policy.status_page
    return [languages.root(language) + status_page.removesuffix(".md") + ".html" for language in languages.codes]


def accessibility_statement_pages(project: Path) -> list[str]:
    """Each language's accessibility statement (data/accessibility.yml, its `page`): generated, and reached
    from every page's footer rather than from the menu; none without that file."""
    if not (project / "data" / "accessibility.yml").exists():
        return []
    languages = project_languages(project)
    page = publication_data("accessibility", project)["page"]
    return [languages.root(language) + page.removesuffix(".md") + ".html" for language in languages.codes]


def written_pages(project: Path) -> list[str]:
    """The pages written in Markdown, below each language root (docs/<language>/…)."""
    languages = project_languages(project)
    pages = []
    for language in languages.codes:
        folder = project / "docs" / language
        pages += [
            languages.root(language) + path.relative_to(folder).with_suffix(".html").as_posix()
            for path in sorted(folder.rglob("*.md"))
        ]
    return pages


def reader_pages(project: Path) -> list[str]:
    """Every page readers navigate to, from the project's Markdown and data: known before it is built."""
    return (
        written_pages(project)
        + generated_pages(project)
        + status_pages(project)
        + accessibility_statement_pages(project)
    )


def review_pages(project: Path) -> dict[str, str]:
    """The pages that show a publication's design, per language: the home page, the article index, the
    newest article (the one the index features) and the first partnership page of data/partnerships.yml,
    named `<language>-<kind>` ('en-article'); a kind the project lacks (no articles, no partnerships) is left
    out. For `make screenshots` and `make bench`, which read the real project, and for their tests."""
    languages = project_languages(project)
    data = load(project / "data", project / "docs", languages)
    collection, _ = read_collection(project / "docs", languages, data.files, project)
    partnerships = data.get("partnerships")
    pages = {}
    for language in languages.codes:
        root = languages.root(language)
        pages[f"{language}-home"] = root + "index.html"
        if collection is not None:
            pages[f"{language}-index"] = root + collection.settings.index_path(1).removesuffix(".md") + ".html"
            if collection.of(language):
                pages[f"{language}-article"] = root + collection.of(language)[0].path.removesuffix(".md") + ".html"
        if partnerships and partnerships["partnerships"]:
            first = partnerships["partnerships"][0]["id"]
            pages[f"{language}-partnership"] = root + f"{partnerships['page_folder']}/{first}.html"
    return pages


@contextlib.contextmanager
def assembled_publication() -> Iterator[Path]:
    """The fixture publication assembled for a moment, for what tests must know of it before anything is
    built (their parameters): its data are read as the build reads them, with the generator's schemas."""
    with tempfile.TemporaryDirectory(prefix="publication-") as folder:
        yield assemble_publication(Path(folder) / "project")


def article_collection(project: Path) -> Collection | None:
    """The project's articles as the build reads them (None without data/articles.yml)."""
    languages = project_languages(project)
    data = load(project / "data", project / "docs", languages)
    collection, findings = read_collection(project / "docs", languages, data.files, project)
    # Warnings (an article without topics) do not stop the build.
    errors = [finding for finding in findings if finding.is_error]
    assert not errors, errors
    return collection


def collection_of(project: Path) -> Collection:
    """The articles of a project that has them."""
    collection = article_collection(project)
    assert collection is not None, f"{project}: no article collection (data/articles.yml)"
    return collection


def built_path(path: str, language: str) -> str:
    """The built page of a Markdown path below the language folder (the site has .html addresses)."""
    return LANGUAGES.root(language) + path.removesuffix(".md") + ".html"


language_of = LANGUAGES.of_path
language_root = LANGUAGES.root
counterpart_path = LANGUAGES.counterpart


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


class PageHtml(HTMLParser):
    """Elements of a page, and its visible text split into the article and the surrounding chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.article_text: list[str] = []
        self.chrome_text: list[str] = []
        self._article_depth = 0
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append(Element(tag, attributes))
        if tag in ("script", "style", "svg"):
            self._skip_depth += 1
        # Void elements have no end tag to count down again.
        if (tag == "article" or self._article_depth) and tag not in ("br", "img", "input", "hr", "meta", "link"):
            self._article_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg") and self._skip_depth:
            self._skip_depth -= 1
        if self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip_depth or not data.strip():
            return
        (self.article_text if self._article_depth else self.chrome_text).append(data.strip())

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with these attributes; `rel` is a list of words, as browsers and search engines read it."""
        return [e for e in self.elements if e.tag == tag and all(_has(e, k, v) for k, v in attrs.items())]

    def find(self, tag: str, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


def _has(element: Element, name: str, value: str) -> bool:
    if name == "rel":
        return value.lower() in element.attrs.get(name, "").lower().split()
    return element.attrs.get(name) == value


def parse_html(text: str) -> PageHtml:
    parser = PageHtml()
    parser.feed(text)
    parser.close()
    return parser


class _TextLanguages(HTMLParser):
    """Each piece of visible text with its language: the `lang` of the innermost element around it
    that has one, as a browser or screen reader takes it."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            inherited = self.open[-1][1] if self.open else None
            self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (`<circle/>` in an SVG) holds no text."""

    def handle_endtag(self, tag: str) -> None:
        # Back to the element this ends: HTML lets some end tags be left out (</p>, </li>).
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self.open and self.open[-1][0] in ("script", "style")):
            self.texts.append((self.open[-1][1] if self.open else None, " ".join(data.split())))


def texts_with_language(text: str) -> list[tuple[str | None, str]]:
    """(language, text) of each piece of a page's visible text, in order (whitespace made single spaces)."""
    parser = _TextLanguages()
    parser.feed(text)
    parser.close()
    return parser.texts


@dataclass
class BuiltSite:
    root: Path
    site_url: str
    log: str
    # The project it was built from (its mkdocs.yml, docs/ and data/): what the site is expected to show.
    project: Path

    def html_files(self) -> list[str]:
        """Every HTML file, site-relative; theme assets excluded."""
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
            if not path.relative_to(self.root).as_posix().startswith("assets/")
        )

    def redirect_paths(self) -> frozenset[str]:
        """The pages at old addresses, which only send the reader on (a meta refresh)."""
        return frozenset(
            path
            for path in self.html_files()
            if parse_html((self.root / path).read_text(encoding="utf-8")).find("meta", **{"http-equiv": "refresh"})
        )

    def page_paths(self) -> list[str]:
        """Every page the theme rendered, site-relative, error pages included; not the redirects at
        old addresses."""
        redirects = self.redirect_paths()
        return [path for path in self.html_files() if path not in redirects]

    def content_paths(self) -> list[str]:
        """The pages readers navigate to: every page but the error pages."""
        return [path for path in self.page_paths() if path.rsplit("/", 1)[-1] != ERROR_PAGE]

    def html(self, path: str) -> PageHtml:
        return parse_html((self.root / path).read_text(encoding="utf-8"))

    def sitemap(self, folder: str = "") -> ElementTree.ElementTree:
        return ElementTree.parse(self.root / folder / "sitemap.xml")

    def sitemap_entries(self, folder: str = "") -> dict[str, dict[str, str]]:
        """loc → {hreflang: href} of the sitemap in `folder`."""
        entries = {}
        for url in self.sitemap(folder).getroot().findall("s:url", SITEMAP_NS):
            loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
            entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)}
        return entries

    def search_index(self, language: str) -> dict:
        return json.loads(
            (self.root / language_root(language) / "search" / "search_index.json").read_text(encoding="utf-8")
        )
