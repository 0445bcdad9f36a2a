"""Language alternates of every page: hreflang links in the head and the language selector.

Material renders `config.extra.alternate` twice: as `<link rel="alternate" hreflang>` in the head and,
through `overrides/partials/alternate.html`, as the language selector. The i18n plugin fills it with
the counterpart page, but as site-relative or root-relative paths and without `x-default`. This hook
replaces it per page with entries that carry both an absolute URL (`link`, for hreflang) and a
site-relative path (`path`, for the selector, so that it works wherever the site is served).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import i18n_state

ERROR_PAGE = "404.html"


def absolute_url(config: MkDocsConfig, path: str) -> str:
    return (config.site_url or "/") + path


def render_alternates(config: MkDocsConfig, paths: dict[str, str], current: str) -> list[dict[str, Any]]:
    """One entry per language (selector and hreflang), then x-default for the default language's page."""
    entries = [
        {
            "name": i18n_state.language_name(config, language),
            "lang": language,
            "link": absolute_url(config, path),
            "path": path,
            "current": language == current,
        }
        for language, path in paths.items()
    ]
    default_path = paths[i18n_state.default_language(config)]
    entries.append({"name": None, "lang": "x-default", "link": absolute_url(config, default_path), "path": default_path, "current": False})
    return entries


def set_alternates(config: MkDocsConfig, entries: list[dict[str, Any]]) -> None:
    # The i18n plugin assigns `config.extra.alternate` as an attribute, which Jinja reads before the
    # mapping item: set both so that neither shadows the other.
    config.extra["alternate"] = entries
    config.extra.alternate = entries


def counterpart_paths(config: MkDocsConfig, page: Page, home_paths: dict[str, str]) -> dict[str, str]:
    """The page's URL in every language; a language without a translation falls back to its home page."""
    alternates = getattr(page.file, "alternates", {}) or {}
    return {
        language: alternates[language].url if language in alternates else home_paths[language]
        for language in i18n_state.languages(config)
    }


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    home_paths = {language: i18n_state.language_root(config, language) + "index.html" for language in i18n_state.languages(config)}
    paths = counterpart_paths(config, page, home_paths)
    set_alternates(config, render_alternates(config, paths, i18n_state.current_language(config)))
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # The error page of each language is the counterpart of the other's (see hooks/error_pages.py).
    if template_name == ERROR_PAGE:
        paths = {language: i18n_state.language_root(config, language) + ERROR_PAGE for language in i18n_state.languages(config)}
        set_alternates(config, render_alternates(config, paths, i18n_state.current_language(config)))
    return context
