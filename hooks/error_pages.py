"""A 404 page per language: `/404.html` in the default language, `/<locale>/404.html` for the others.

MkDocs renders the theme's 404.html into the site root on every build, so the i18n plugin's build of
the second language overwrites the default language's page. For the other languages this hook writes
the page into the language's folder instead and returns empty output, which MkDocs skips writing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import i18n_state

ERROR_PAGE = "404.html"


# Last, so that every other hook has finished the page before it is moved.
@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    language = i18n_state.current_language(config)
    if template_name != ERROR_PAGE or language == i18n_state.default_language(config):
        return output_content
    target = Path(config.site_dir) / i18n_state.language_root(config, language) / ERROR_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""
