"""The 404 pages: `/404.html` in every language, and `/<code>/404.html` in each translation's alone.

GitHub Pages and most static hosts serve the root `404.html` for every missing address of the site,
a translation's (`/en/…`) included, so the root page speaks every built language, the source language
first, each part marked with its `lang`: a reader finds their language without a script choosing it.
Hosts that can route per folder serve `/<code>/404.html` for the addresses below it instead.

MkDocs renders the theme's 404.html into the site root on every build, so the i18n plugin's build of
a second language would overwrite the root page. For the other languages the page is written into the
language's folder instead, and the output returned is empty, which MkDocs skips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import upstream
from ..addresses import home_address

if TYPE_CHECKING:
    from ..state import BuildState


def set_error_page_parts(state: BuildState, template_name: str) -> None:
    """Before the 404 template is rendered: its part in each language it speaks. The links are
    absolute, as hosts serve the page at any depth of the site."""
    if template_name != upstream.ERROR_PAGE:
        return
    languages = state.languages.codes if state.is_first_language_build() else (state.language,)
    parts = [
        {
            "lang": language,
            "title": state.words.label(language, "error_page.title"),
            "text": state.words.label(language, "error_page.text"),
            "home": state.words.label(language, "error_page.home"),
            "link": state.site_url + home_address(state.config, state.languages, language),
        }
        for language in languages
    ]
    upstream.set_error_page_parts(state.config, parts)


def place_error_page(state: BuildState, output: str, template_name: str) -> str:
    if template_name != upstream.ERROR_PAGE or state.is_first_language_build():
        return output
    target = state.site_dir / state.languages.root(state.language) / upstream.ERROR_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
