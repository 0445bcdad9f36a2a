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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import upstream
from ..findings import Finding
from ..languages import Languages
from ..pasted_text import SEARCH_SEPARATORS, searchable_text
from ..problems import Problem

if TYPE_CHECKING:
    from ..state import BuildState


# Material's default, and lunr's, where the index names none.
DEFAULT_SEPARATOR = r"[\s\-]+"


def entry_json(doc: dict[str, Any], root: str, searchable: Callable[[str], str] = searchable_text) -> str:
    """One entry of the merged index as the JSON text of its language's index (below the language root
    `root`): its location relative to that root, its title and text searchable whatever was pasted into them."""
    texts = {field: searchable(doc[field]) for field in ("title", "text") if field in doc}
    return _json({**doc, **texts, "location": doc["location"].removeprefix(root)})


def language_indexes(
    index: dict[str, Any], languages: Languages, entry: Callable[[dict[str, Any], str], str] = entry_json
) -> dict[str, str]:
    """The merged index as one index's JSON text per language, each entry's text made by `entry` (the preview
    keeps a kept page's): the text `json.dumps` would give of the whole index, made of each entry's."""
    configured = index["config"].get("separator") or DEFAULT_SEPARATOR
    config = {**index["config"], "separator": f"(?:{configured})|{SEARCH_SEPARATORS}"}
    docs: dict[str, list[str]] = {language: [] for language in languages.codes}
    for doc in index["docs"]:
        language = languages.of_path(doc["location"])
        docs[language].append(entry(doc, languages.root(language)))
    return {
        language: f'{{"config":{_json({**config, "lang": [language]})},"docs":[{",".join(entries)}]}}'
        for language, entries in docs.items()
    }


def point_search_at_language(state: BuildState, output: str) -> str:
    return upstream.with_search_base(output, state.languages.root(state.language))


def write_language_indexes(state: BuildState) -> None:
    """Each language's index, from the merged one as Material's search holds it after writing it."""
    merged = upstream.merged_search_index(state.config) or _read_merged_index(state.site_dir / upstream.SEARCH_INDEX)
    for language, text in language_indexes(merged, state.languages, state.search_entry or entry_json).items():
        target = state.site_dir / state.languages.root(language) / upstream.SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _read_merged_index(path: Path) -> dict[str, Any]:
    """The merged index as written (without Material's search, which would have written it, nothing is)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        message = f"cannot read the search index to split it by language: {error}"
        raise Problem(Finding(str(path), 1, message)) from error


def _json(value: Any) -> str:
    # As Material writes its index (`default=str` included), with the characters as they are.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
