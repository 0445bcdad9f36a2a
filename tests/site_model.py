"""The built site as the tests see it: its pages, their language, and what their HTML declares."""

from __future__ import annotations

import functools
import json
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# The hooks' own modules (the data loader) are what the tests check against.
sys.path.insert(0, str(ROOT / "hooks"))

import publication_data  # noqa: E402

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ERROR_PAGE = "404.html"


@functools.cache
def configured_languages() -> tuple[str, ...]:
    """The languages of the i18n plugin in mkdocs.yml, default language first."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    languages = config.plugins["i18n"].config.languages
    default = [language.locale for language in languages if language.default]
    return tuple(default + [language.locale for language in languages if not language.default])


@functools.cache
def site_name(language: str) -> str:
    config = load_config(str(ROOT / "mkdocs.yml"))
    for configured in config.plugins["i18n"].config.languages:
        if configured.locale == language:
            return configured.site_name or config.site_name
    return config.site_name


def default_language() -> str:
    return configured_languages()[0]


def other_languages() -> tuple[str, ...]:
    return configured_languages()[1:]


def generated_pages(root: Path = ROOT) -> list[str]:
    """The pages generated from data/ (one per partnership and language), below each language root."""
    data = publication_data.load(root / "data", root / "docs", list(configured_languages()))
    partnerships = data.get("partnerships")
    if partnerships is None:
        return []
    return [
        language_root(language) + f"{partnerships['page_folder']}/{record['id']}.html"
        for language in configured_languages()
        for record in partnerships["partnerships"]
    ]


def language_of(path: str) -> str:
    """The language of a site-relative path: its first folder, or the default language."""
    first = path.split("/", 1)[0]
    return first if first in other_languages() else default_language()


def language_root(language: str) -> str:
    return "" if language == default_language() else f"{language}/"


def counterpart_path(path: str, language: str) -> str:
    """The same page in another language: same path below the language root."""
    return language_root(language) + path.removeprefix(language_root(language_of(path)))


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
        if tag == "article" or self._article_depth:
            if tag not in ("br", "img", "input", "hr", "meta", "link"):
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
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def find(self, tag: str, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


def parse_html(text: str) -> PageHtml:
    parser = PageHtml()
    parser.feed(text)
    parser.close()
    return parser


@dataclass
class BuiltSite:
    root: Path
    site_url: str
    log: str

    def page_paths(self) -> list[str]:
        """Every HTML page, site-relative, error pages included; theme assets excluded."""
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
            if not path.relative_to(self.root).as_posix().startswith("assets/")
        )

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
