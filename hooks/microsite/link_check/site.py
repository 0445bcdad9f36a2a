"""The built site as the link check reads it: its pages and their languages, the linking elements of
each page, where a page comes from, and where a link of a page leads."""

from __future__ import annotations

import hashlib
import os
import pickle
import posixpath
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import upstream
from ..languages import Languages
from ..site_output import sitemaps
from ..symbolic_links import followable
from .html_scan import Element, robots_directives, scan
from .markdown_sources import PARSED_PAGES, markdown_sources_in

# An address with a scheme (https:, mailto:, …) names something outside the site's folders.
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")
# The data file whose records become generated pages: `<page_folder>/<id>.html` in every language.
GENERATED_PAGES_DATA = "data/partnerships.yml"
SITEMAP_SOURCE = f"the sitemap, built by the i18n plugin and hooks/{sitemaps.__name__.replace('.', '/')}.py"


@dataclass
class Site:
    root: Path
    # The address the site is served at, ending in '/'.
    site_url: str
    languages: Languages
    # Where mkdocs.yml is: the sources of the pages, and lychee's settings.
    project: Path
    # The pages the live preview kept from its build before (kept_pages.py), which keep that build's
    # findings of the checks that read each page by itself (checks.page_checks).
    kept: frozenset[str] = frozenset()
    # Each page's text's digest as these checks read it: given for the kept pages (whose files are the ones
    # the build before wrote and checked), so that their text is neither read nor hashed again; the digest of
    # every other page read is added, for the next build.
    digests: dict[str, bytes] = field(default_factory=dict)
    # The project's files as the preview's build read them when it started, by their path in the project
    # (rebuild_rule.Sources.texts): the Markdown sources are taken from there, not read again.
    sources: Mapping[str, bytes] | None = None
    _content: dict[str, list[Element]] = field(default_factory=dict, init=False, repr=False)
    _whole: dict[str, list[Element]] = field(default_factory=dict, init=False, repr=False)
    _sources: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def pages(self) -> list[str]:
        """Every HTML page, site-relative, error pages included; the theme's assets excluded."""
        return html_pages(self.root)

    @cached_property
    def checked_pages(self) -> list[str]:
        """The pages the checks that read each page by itself read: those not kept."""
        return [page for page in self.pages if page not in self.kept] if self.kept else self.pages

    @cached_property
    def markdown_sources(self) -> list[tuple[str, str]]:
        """(path in the project, text) of every language's Markdown pages: read once for the checks that read
        them (three, at every save of the preview)."""
        if self.sources is not None:
            return markdown_sources_in(self.sources, self.languages.codes)
        docs = self.project / "docs"
        return [
            (path.relative_to(self.project).as_posix(), read_source(path))
            for language in self.languages.codes
            for path in sorted(path for path in (docs / language).rglob("*.md") if followable(path, docs))
        ]

    @cached_property
    def page_set(self) -> frozenset[str]:
        return frozenset(self.pages)

    @property
    def sub_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    def content_elements(self, page: str) -> list[Element]:
        """The linking elements of the page's content: Material's <article>, or the whole page without one.

        The content is what editors and data write; the rest is the theme's navigation, header and
        footer, the same on every page and many times larger, which lychee checks.
        """
        if page not in self._content:
            self._content[page] = list(self._elements(page, _SCANNED_CONTENT))
        return self._content[page]

    def unindexed(self, page: str) -> bool:
        """The page asks search engines not to index it (`<meta name="robots" content="noindex">`)."""
        return "noindex" in robots_directives((self.root / page).read_text(encoding="utf-8"))

    def page_elements(self, page: str) -> list[Element]:
        """The linking elements of the entire page, theme included."""
        if page not in self._whole:
            self._whole[page] = list(self._elements(page, _SCANNED_WHOLE))
        return self._whole[page]

    def _elements(self, page: str, scanned: _ScannedPages) -> tuple[Element, ...]:
        """The page's elements as `scanned` has them by its text's digest: a kept page's known from the build
        before without reading its file, while the process still has them."""
        digest = self.digests.get(page) if page in self.kept else None
        elements = scanned.known(digest) if digest is not None else None
        if elements is None:
            text = (self.root / page).read_text(encoding="utf-8")
            self.digests[page] = digest = _digest(text)
            elements = scanned.elements(text, digest)
        return elements

    @cached_property
    def _first_pages(self) -> dict[str, str]:
        first: dict[str, str] = {}
        for page in self.pages:
            first.setdefault(posixpath.dirname(page), page)
        return first

    def first_page_in(self, folder: str) -> str | None:
        """The first page (in sorted order) of a folder of the site ('' for the root)."""
        return self._first_pages.get(folder)

    def stands_for_template(self, page: str) -> bool:
        """Whether the page is read whole for what the theme writes into every page: the theme writes the
        same into every page of a folder (addresses relative to the folder), so reading the whole of one page
        per folder, and of each error page (a template of its own), finds it all at a fraction of the cost
        of reading every page whole."""
        return page == self.first_page_in(posixpath.dirname(page)) or page.endswith(upstream.ERROR_PAGE)

    def counterparts(self, page: str) -> list[str]:
        """The same page in each other language, where the site has it."""
        own = self.languages.of_path(page)
        return [
            counterpart
            for language in self.languages.codes
            if language != own and (counterpart := self.languages.counterpart(page, language)) in self.page_set
        ]

    def source_of(self, page: str) -> str:
        """Where a built page or file comes from, for the editor: Markdown, a copied file, data record or theme;
        looked for once a page (several checks ask)."""
        if page not in self._sources:
            self._sources[page] = self._find_source(page)
        return self._sources[page]

    def _find_source(self, page: str) -> str:
        language = self.languages.of_path(page)
        relative = page.removeprefix(self.languages.root(language))
        markdown = self.project / "docs" / language / (relative.removesuffix(".html") + ".md")
        if markdown.is_file():
            return markdown.relative_to(self.project).as_posix()
        # A file copied as it is: from the language's docs folder, the source language's (which serves every
        # language where a translation has no file of its own: rendering/shared_files.py), or the theme's overrides.
        docs = self.project / "docs"
        own, source = docs / language / relative, docs / self.languages.source / relative
        for copied in (own, source, self.project / "overrides" / page):
            if copied.is_file():
                return copied.relative_to(self.project).as_posix()
        if posixpath.basename(page) == upstream.ERROR_PAGE:
            return "overrides/404.html"
        if posixpath.basename(page) == upstream.SITEMAP:
            return SITEMAP_SOURCE
        folder, _, name = relative.rpartition("/")
        generated = folder and "/" not in folder and name.endswith(".html") and name != ".html"
        if generated and (self.project / GENERATED_PAGES_DATA).is_file():
            return f"{GENERATED_PAGES_DATA}#{name.removesuffix('.html')}"
        return "the theme"

    def resolve(self, page: str, href: str) -> str | None:
        """A link of a page as a site-relative path, or None when it leaves the site."""
        target = href.split("#", 1)[0].split("?", 1)[0]
        if not target or SCHEME.match(target) or target.startswith("//"):
            return target[len(self.site_url) :] if target.startswith(self.site_url) else None
        if target.startswith("/"):
            return target[len(self.sub_path) :] if target.startswith(self.sub_path) else None
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target))).removeprefix("./")


def read_source(path: Path) -> str:
    # A byte order mark is not text; a byte that is not UTF-8 is MkDocs' or the data check's to report, and
    # must not hide the file's other lines here.
    return path.read_text(encoding="utf-8-sig", errors="replace")


def detect_site_url(root: Path) -> str:
    """The site's URL, from the canonical address of its home page."""
    home = root / "index.html"
    if not home.is_file():
        raise ValueError(f"{root}: no index.html – build the site first (make build)")
    for element in scan(home.read_text(encoding="utf-8")):
        href = element.attrs.get("href", "")
        is_canonical = element.tag == "link" and "canonical" in element.attrs.get("rel", "").lower().split()
        if is_canonical and href.endswith("index.html"):
            return href.removesuffix("index.html")
    raise ValueError(f"{home}: no canonical link to tell the site's URL from – is site_url set in mkdocs.yml?")


class _ScannedPages:
    """The elements (of the content, or of the whole page) of the pages this process has scanned, by a digest
    of each page's whole text (the same text, the same elements), the least recently asked for dropped first:
    a rebuild of the preview scans only the pages rendered again. A digest, not the text, is kept, which is a
    hundred times larger."""

    def __init__(self, size: int, scan_page: Callable[[str], tuple[Element, ...]]) -> None:
        self._size, self._scan_page = size, scan_page
        self._elements: OrderedDict[bytes, tuple[Element, ...]] = OrderedDict()

    def elements(self, text: str, key: bytes) -> tuple[Element, ...]:
        """The elements of `text`, whose digest is `key`."""
        elements = self.known(key)
        if elements is None:
            elements = self._scan_page(text)
            self.take_in({key: elements})
        return elements

    def known(self, key: bytes) -> tuple[Element, ...] | None:
        """The elements of the text whose digest is `key`, if this process has them."""
        elements = self._elements.get(key)
        if elements is not None:
            self._elements.move_to_end(key)
        return elements

    def take_in(self, scanned: dict[bytes, tuple[Element, ...]]) -> None:
        """Pages' elements by their text's digest, as `scan_pages` scans them (another process's)."""
        for key, elements in scanned.items():
            self._elements[key] = elements
            self._elements.move_to_end(key)
            if len(self._elements) > self._size:
                self._elements.popitem(last=False)


def html_pages(root: Path, left_out: tuple[str, ...] = ()) -> list[str]:
    """Every HTML page below `root`, relative to it, sorted; the theme's assets and the folders `left_out` left
    out. A folder that vanishes as it is listed (another process may be moving files into `root`) is passed
    over. (Walked with strings, not pathlib: a tenth of a second of a save at 1,000 articles went to making a
    Path of every page.)"""
    top, pages = os.fspath(root), []
    for folder, folders, files in os.walk(top):
        below = folder[len(top) + 1 :].replace(os.sep, "/")
        if not below:
            folders[:] = [name for name in folders if name not in ("assets", *left_out)]
        pages += [f"{below}/{name}" if below else name for name in files if name.endswith(".html")]
    return sorted(pages)


def scan_pages(pages: list[str], folders: tuple[Path, ...], into: Path) -> None:
    """The content elements of the pages, each with a digest of its page's text, pickled one page after the other
    into the file `into` (so that no more than a page's are held at once): scanned ahead of the checks in a
    further language's process (language_processes.py), for the first process to take in
    (`take_in_scanned_contents`) while it finishes the site. Each page is read from the first of `folders` that
    has it: the process's own, or the site folder where the first process has moved it (atomically)."""
    with into.open("wb") as scanned:
        for page in pages:
            for folder in folders:
                try:
                    text = (folder / page).read_text(encoding="utf-8")
                except FileNotFoundError:
                    continue
                pickle.dump((_digest(text), _content_elements(text)), scanned)
                break


def take_in_scanned_contents(scanned: Path) -> None:
    """What `scan_pages` scanned elsewhere into the file `scanned`, for this process's checks: a page whose text
    is another is scanned again when it is checked."""
    with scanned.open("rb") as pages:
        while True:
            try:
                key, elements = pickle.load(pages)
            except EOFError:
                return
            _SCANNED_CONTENT.take_in({key: elements})


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _content_elements(text: str) -> tuple[Element, ...]:
    span = upstream.content_span(text)
    if span is None:
        return tuple(scan(text))
    start, end = span
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    return tuple(scan(text[start:end], line, column))


_SCANNED_CONTENT = _ScannedPages(PARSED_PAGES, _content_elements)
# The pages read whole (`Site.stands_for_template`): one a folder and the error pages, each scanned whole (a
# eighth of a save's checks at 1,000 articles when scanned at every save).
_SCANNED_WHOLE = _ScannedPages(1024, lambda text: tuple(scan(text)))
