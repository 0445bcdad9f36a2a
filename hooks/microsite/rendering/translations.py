"""What the rendering knows of the translations in this build: the parity check's status, and where each
language's pages are. The outdated notice and the status pages read it through `RenderContext.translations`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale

from .. import upstream
from ..frontmatter import split_front_matter
from ..languages import Languages
from ..parity.status import TranslationStatus
from ..text_files import UnreadableText, read_utf8

if TYPE_CHECKING:
    from ..state import BuildState


@dataclass(frozen=True)
class Translations:
    """Where each translation stands, and where each language's pages are: a language build's Files hold
    only its own pages, and a status page links to both sides."""

    status: TranslationStatus
    languages: Languages
    docs_dir: Path
    # A page's address below its language folder ('x/y.md' → 'x/y.html'), as MkDocs makes it.
    page_url: Callable[[str], str]

    def link(self, language: str, path: str, from_url: str) -> str:
        """The URL of the page at `path` in `language`, relative to the page at `from_url`."""
        return upstream.relative_url(self.languages.root(language) + self.page_url(path), from_url)

    def title(self, language: str, path: str) -> str:
        """The page's title from its front matter; its path where it has none or cannot be read (the
        parity check names what is wrong with it)."""
        try:
            front_matter, _ = split_front_matter(read_utf8(self.docs_dir / language / path))
        except UnreadableText:
            return path
        title = front_matter.get("title")
        return str(title) if title else path


def translations_of(state: BuildState) -> Translations | None:
    """None in a build whose parity check made no status: then nothing is said about translations."""
    if state.translations is None:
        return None
    page_url = functools.partial(upstream.page_url, state.config)
    return Translations(state.translations, state.languages, Path(state.config.docs_dir), page_url)


def language_name(language: str, in_language: str) -> str:
    """A language's name in another language's words ('de' in English: 'German')."""
    return Locale.parse(language).get_display_name(in_language) or language
