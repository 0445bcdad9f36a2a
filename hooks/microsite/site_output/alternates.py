"""Language alternates of every page: hreflang links in the head and the language selector.

Material renders `config.extra.alternate` twice: as `<link rel="alternate" hreflang>` in the head and,
through `overrides/partials/alternate.html`, as the language selector. The i18n plugin fills it with
the counterpart page, but as site-relative or root-relative paths and without `x-default`. This
replaces it per page with entries that carry both an absolute URL (`link`, for hreflang) and a
site-relative path (`path`, for the selector, so that it works wherever the site is served).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

from .. import upstream

if TYPE_CHECKING:
    from ..state import BuildState


def render_alternates(state: BuildState, paths: dict[str, str]) -> list[dict[str, Any]]:
    """One entry per language (selector and hreflang), then x-default for the source language's page."""
    entries = [
        {
            "name": upstream.language_display_name(state.config, language),
            "lang": language,
            "link": state.site_url + path,
            "path": path,
            "current": language == state.language,
        }
        for language, path in paths.items()
    ]
    default_path = paths[state.languages.source]
    entries.append(
        {
            "name": None,
            "lang": "x-default",
            "link": state.site_url + default_path,
            "path": default_path,
            "current": False,
        }
    )
    return entries


def counterpart_paths(state: BuildState, page: Page) -> dict[str, str]:
    """The page's URL in every language; a language without a translation falls back to its home page."""
    alternates = getattr(page.file, "alternates", {}) or {}
    return {
        language: alternates[language].url if language in alternates else state.languages.root(language) + "index.html"
        for language in state.languages.codes
    }


def set_page_alternates(state: BuildState, page: Page) -> None:
    upstream.set_alternates(state.config, render_alternates(state, counterpart_paths(state, page)))


def set_error_page_alternates(state: BuildState, template_name: str) -> None:
    """The error page of each language is the counterpart of the other's (see error_pages)."""
    if template_name == upstream.ERROR_PAGE:
        paths = {language: state.languages.root(language) + upstream.ERROR_PAGE for language in state.languages.codes}
        upstream.set_alternates(state.config, render_alternates(state, paths))
