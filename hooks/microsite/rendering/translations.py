"""What the rendering knows of the translations in this build: the parity check's status, and where each
language's pages are. The outdated notice and the status pages read it through `RenderContext.translations`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..addresses import page_address
from ..languages import Languages
from ..page_titles import page_title
from ..parity.status import TranslationStatus

if TYPE_CHECKING:
    from ..state import BuildState


@dataclass(frozen=True)
class Translations:
    """Where each translation stands, and where each language's pages are: a language build's Files hold
    only its own pages, and a status page links to both sides."""

    status: TranslationStatus
    languages: Languages
    docs_dir: Path
    # A page's address relative to the site root, by its language and its path below the language's folder
    # (addresses.py: 'en', 'x/y.md' → 'en/x/y.html').
    address: Callable[[str, str], str]

    def link(self, language: str, path: str, from_url: str) -> str:
        """The URL of the page at `path` in `language`, relative to the page at `from_url`."""
        return upstream.relative_url(self.address(language, path), from_url)

    def title(self, language: str, path: str) -> str:
        """The page's title, by the rule the footer and the stand-ins follow too (page_titles.py)."""
        return page_title(self.docs_dir / language / path, path)


def translations_of(state: BuildState) -> Translations | None:
    """None in a build whose parity check made no status: then nothing is said about translations."""
    if state.translations is None:
        return None
    address = functools.partial(page_address, state.config, state.languages)
    return Translations(state.translations, state.languages, Path(state.config.docs_dir), address)
