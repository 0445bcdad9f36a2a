"""A 404 page per language: `/404.html` in the source language, `/<code>/404.html` for the others.

MkDocs renders the theme's 404.html into the site root on every build, so the i18n plugin's build of
a second language would overwrite the source language's page. For the other languages the page is
written into the language's folder instead, and the output returned is empty, which MkDocs skips.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import upstream

if TYPE_CHECKING:
    from ..state import BuildState


def place_error_page(state: BuildState, output: str, template_name: str) -> str:
    if template_name != upstream.ERROR_PAGE or state.is_first_language_build():
        return output
    target = state.site_dir / state.languages.root(state.language) / upstream.ERROR_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
