"""Search in the reader's language: one search index per language, each with its own stemmer.

mkdocs-static-i18n merges every language into one index at `search/search_index.json` and lists all
languages in its `lang`, so a German page finds English pages and the other way round. After the last
language is built, that index is split into one per language root (`search/…` and `en/search/…`)
with locations relative to that root, and each page's search is pointed at its language root.

Text pasted from word processors brings soft hyphens, non-breaking and zero-width spaces and
typographic quotes into the pages. Readers keep seeing them (a soft hyphen is a hyphenation hint), but
Material's search would index a word with a soft hyphen inside, or „in quotes“, as a word of its own
that nobody types: each index is written with its titles and texts made searchable
(pasted_text.searchable_text), and with those quotes and characters separating words for the browser
(its `separator`, which Material's search worker applies to the index and to what a reader types).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import upstream
from ..findings import Finding
from ..languages import Languages
from ..pasted_text import SEARCH_SEPARATORS, searchable_text
from ..problems import Problem

if TYPE_CHECKING:
    from ..state import BuildState


# Material's default, and lunr's, where the index names none.
DEFAULT_SEPARATOR = r"[\s\-]+"


def split_index(
    index: dict, languages: Languages, searchable: Callable[[str], str] = searchable_text
) -> dict[str, dict]:
    """The merged index as one index per language, locations relative to the language root, its
    titles and texts searchable whatever was pasted into them (by `searchable`)."""
    configured = index["config"].get("separator") or DEFAULT_SEPARATOR
    config = {**index["config"], "separator": f"(?:{configured})|{SEARCH_SEPARATORS}"}
    per_language = {language: {"config": {**config, "lang": [language]}, "docs": []} for language in languages.codes}
    for doc in index["docs"]:
        language = languages.of_path(doc["location"])
        location = doc["location"].removeprefix(languages.root(language))
        texts = {field: searchable(doc[field]) for field in ("title", "text") if field in doc}
        per_language[language]["docs"].append({**doc, **texts, "location": location})
    return per_language


def point_search_at_language(state: BuildState, output: str) -> str:
    return upstream.with_search_base(output, state.languages.root(state.language))


def write_language_indexes(state: BuildState) -> None:
    merged_path = state.site_dir / upstream.SEARCH_INDEX
    try:
        merged = json.loads(merged_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        message = f"cannot read the search index to split it by language: {error}"
        raise Problem(Finding(str(merged_path), 1, message)) from error
    for language, index in split_index(merged, state.languages, state.searchable_text).items():
        target = state.site_dir / state.languages.root(language) / upstream.SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
