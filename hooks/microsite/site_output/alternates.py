"""Language alternates of every page: hreflang links in the head and the language selector.

Material renders `config.extra.alternate` as `<link rel="alternate" hreflang>` in the head; the
selector (`overrides/partials/alternate.html`) renders `config.extra.language_switch`. The two differ
where a page is not translated: the selector leads to the page's stand-in in that language
(pages/stand_in.py), or to that language's home page where there is none, while hreflang
claims only real translations. A stand-in is no translation: its hreflang names only itself, and its
selector leads back to the original.

The i18n plugin gives each page's counterparts as site-relative or root-relative paths and without
`x-default`; this replaces them per page with entries that carry an absolute URL (`link`, for
hreflang) or a site-relative path (`path`, for the selector, so that it works wherever the site is
served).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

from .. import upstream
from ..addresses import home_address
from ..pages.stand_in import is_stand_in

if TYPE_CHECKING:
    from ..state import BuildState


def render_alternates(state: BuildState, paths: dict[str, str]) -> list[dict[str, Any]]:
    """hreflang: one entry per language with a translation, then x-default for the source language's page."""
    entries = [{"lang": language, "link": state.site_url + path} for language, path in paths.items()]
    if state.languages.source in paths:
        entries.append({"lang": "x-default", "link": state.site_url + paths[state.languages.source]})
    return entries


def render_selector(state: BuildState, paths: dict[str, str]) -> list[dict[str, Any]]:
    """The language selector: every language, the one being built marked as current."""
    return [
        {
            "name": upstream.language_display_name(state.config, language),
            "lang": language,
            "path": path,
            "current": language == state.language,
        }
        for language, path in paths.items()
    ]


def translation_paths(state: BuildState, page: Page) -> dict[str, str]:
    """The page's URL in every language it is written in, itself included: what hreflang may claim.
    A stand-in is a translation of nothing."""
    if is_stand_in(state.publication, page.file.src_uri):
        return {state.language: page.url}
    alternates = getattr(page.file, "alternates", {}) or {}
    return {
        language: alternates[language].url
        for language in state.languages.codes
        if language in alternates and not is_stand_in(state.publication, alternates[language].src_uri)
    }


def selector_paths(state: BuildState, page: Page) -> dict[str, str]:
    """Where the selector leads in every language: the page there (its stand-in, if it is not translated),
    or that language's home page for a page that only a translation has."""
    alternates = getattr(page.file, "alternates", {}) or {}
    return {
        language: alternates[language].url
        if language in alternates
        else home_address(state.config, state.languages, language)
        for language in state.languages.codes
    }


def set_page_alternates(state: BuildState, page: Page) -> None:
    hreflang = render_alternates(state, translation_paths(state, page))
    upstream.set_alternates(state.config, hreflang, render_selector(state, selector_paths(state, page)))


def set_error_page_alternates(state: BuildState, template_name: str) -> None:
    """The error page of each language is the counterpart of the other's (see error_pages)."""
    if template_name == upstream.ERROR_PAGE:
        paths = {language: state.languages.root(language) + upstream.ERROR_PAGE for language in state.languages.codes}
        upstream.set_alternates(state.config, render_alternates(state, paths), render_selector(state, paths))
