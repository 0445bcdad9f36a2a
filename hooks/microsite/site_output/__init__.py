"""What the site needs beyond its pages, per language: hreflang alternates and the language selector,
each page's metadata (JSON-LD, Open Graph, citation tags), a 404 page per language, the sitemap, a
search index per language, an Atom feed per language, each article's reference files, the navigation's
order, the footer's links, page titles (plain, and HTML for the theme), and every page's
Content-Security-Policy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .alternates import set_error_page_alternates, set_page_alternates
from .citation_files import write_citations
from .content_security import (
    add_content_security_policy,
    add_policy_to_written_page,
    allow_reload_script,
    note_theme_environment,
    note_theme_scripts,
)
from .error_pages import place_error_page, set_error_page_parts
from .feeds import set_feed_links, write_feeds
from .footer import link_footer_pages, link_status_page
from .link_previews import write_link_previews
from .metadata import add_error_page_metadata, add_page_metadata
from .navigation import link_collection_pages, order_navigation
from .redirects import write_redirects
from .search import point_search_at_language, write_language_indexes
from .sitemaps import finish_sitemap
from .titles import prepare_page_titles

if TYPE_CHECKING:
    from ..state import BuildState


def finish_site(state: BuildState) -> None:
    """Once every language is built: the sitemap, a search index per language, an Atom feed
    per language, a page at each old address of an article, each article's reference files, and the
    pictures of link previews."""
    finish_sitemap(state)
    write_language_indexes(state)
    write_feeds(state.config, state.publication, state.problems)
    write_redirects(state)
    write_citations(state.config, state.publication, state.problems, state.take_back)
    write_link_previews(state, state.publication.publisher)


__all__ = [
    "add_content_security_policy",
    "add_error_page_metadata",
    "add_page_metadata",
    "add_policy_to_written_page",
    "allow_reload_script",
    "finish_site",
    "link_collection_pages",
    "link_footer_pages",
    "link_status_page",
    "note_theme_environment",
    "note_theme_scripts",
    "order_navigation",
    "place_error_page",
    "point_search_at_language",
    "prepare_page_titles",
    "set_error_page_alternates",
    "set_error_page_parts",
    "set_feed_links",
    "set_page_alternates",
]
