"""The one address function: where the site serves a page, relative to the site root.

Every link, feed entry, sitemap entry, redirect and status row that names a page asks this function, so
that a page is never named at two addresses. The rule is MkDocs' own (upstream.page_url: `x/y.md` is
`x/y.html`, or `x/y/` with directory URLs; a folder's `index.md` is the folder), below the language's
folder (languages.py: none for the source language, `en/` for English).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import upstream

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .languages import Languages


def page_address(config: MkDocsConfig, languages: Languages, language: str, path: str) -> str:
    """The address of the page at `path` below `language`'s folder ('artikel/x.md'), relative to the site
    root: 'artikel/x.html' for the source language, 'en/artikel/x.html' for English ('' and 'en/' for
    each language's home page)."""
    return languages.root(language) + upstream.page_url(config, path)


def page_url(config: MkDocsConfig, languages: Languages, language: str, path: str) -> str:
    """The absolute URL of the page at `path` below `language`'s folder ('artikel/x.md'), from `site_url`:
    for feeds, citations and metadata, which are read away from the site."""
    return (config.site_url or "/") + page_address(config, languages, language, path)


def home_address(config: MkDocsConfig, languages: Languages, language: str) -> str:
    """The address of `language`'s home page, relative to the site root."""
    return page_address(config, languages, language, "index.md")
