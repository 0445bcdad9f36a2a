"""Search in the reader's language: one search index per language, each with its own stemmer.

mkdocs-static-i18n merges every language into one index at `search/search_index.json` and lists all
languages in its `lang`, so a German page finds English pages and the other way round. After the last
language is built, this hook splits that index into one per language root (`search/…` and
`en/search/…`) with locations relative to that root, and points each page's Material configuration
(`__config.base`, from which Material fetches the index) at its language root.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import i18n_state

SEARCH_INDEX = Path("search") / "search_index.json"
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def with_search_root(page_html: str, language_root: str) -> str:
    """Point Material's `base` at the language root; it is relative to the page (or absolute on 404 pages)."""
    match = MATERIAL_CONFIG.search(page_html)
    if match is None or not language_root:
        return page_html
    material_config = json.loads(html.unescape(match.group(2)))
    material_config["base"] = material_config["base"].rstrip("/") + "/" + language_root
    replacement = match.group(1) + json.dumps(material_config, ensure_ascii=False) + match.group(3)
    return page_html[: match.start()] + replacement + page_html[match.end() :]


def split_index(index: dict, config: MkDocsConfig) -> dict[str, dict]:
    """The merged index as one index per language, locations relative to the language root."""
    per_language = {language: {"config": {**index["config"], "lang": [language]}, "docs": []} for language in i18n_state.languages(config)}
    for doc in index["docs"]:
        language = i18n_state.language_of_url(config, doc["location"])
        root = i18n_state.language_root(config, language)
        per_language[language]["docs"].append({**doc, "location": doc["location"].removeprefix(root)})
    return per_language


# The rendered value, not the template's base_url: Material also scopes the browser's stored
# preferences by base_url (partials/javascripts/base.html), which must stay the same in both languages.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_search_root(output, i18n_state.language_root(config, i18n_state.current_language(config)))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return with_search_root(output_content, i18n_state.language_root(config, i18n_state.current_language(config)))


# After the i18n plugin (-100), which writes the merged index once every language is built.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not i18n_state.is_last_language_build(config):
        return
    merged_path = Path(config.site_dir) / SEARCH_INDEX
    try:
        merged = json.loads(merged_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PluginError(f"{merged_path}: cannot read the search index to split it by language: {error}") from error
    for language, index in split_index(merged, config).items():
        target = Path(config.site_dir) / i18n_state.language_root(config, language) / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
