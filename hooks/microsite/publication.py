"""The publication as the build assembles it (assemble.py): one frozen object, read, never changed, by
rendering and output; and its parts that are no module's own: a generated page, and a published page's
address, sources and the translations it reports. Only types live here, so that every step can name them
without importing the steps that make them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .articles import Collection
from .data import PublicationData
from .languages import Languages
from .parity.status import PageTranslation, TranslationStatus
from .publisher import Publisher
from .settings import Settings
from .words import Words


@dataclass(frozen=True)
class GeneratedPage:
    markdown: str
    # What the page is made from, for the editor who writes a file in its place.
    origin: str
    # False for pages reached from elsewhere (the language switch, the footer), not from the menu.
    in_navigation: bool = True
    # The files the page shows besides what its markers read (page_map.py): a stand-in's original.
    shows: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublishedPage:
    """One page of one language: where the site serves it, and the files it shows, as editors know them
    ('docs/en/x.md', 'data/y.yml')."""

    language: str
    # Below the language's folder ('artikel/x.md').
    path: str
    # Relative to the site root ('en/artikel/x.html'; addresses.py).
    address: str
    sources: frozenset[str]
    # On a status page, the translated pairs it reports, where each stands: what it shows of them is their
    # state, not their text (their titles and addresses are what every page shows).
    reports: tuple[PageTranslation, ...] = ()
    # On a page that lists articles, what its cards show of them, in order (`page_map.card_view`): not the
    # articles' files (a body-text edit that leaves every card as it was leaves the list as it was).
    cards: tuple[tuple, ...] = ()


@dataclass(frozen=True)
class Publication:
    project: Path
    # The generator's settings in mkdocs.yml (settings.py).
    settings: Settings
    # The languages built (the one in the site root first), and those mkdocs.yml configures.
    languages: Languages
    configured_languages: Languages
    # The generator's interface words in every configured language (words/), checked.
    words: Words
    data: PublicationData
    # The articles of every language (None without data/articles.yml).
    articles: Collection | None
    # Where every translation stands (parity/status.py); None where the parity check could not run (the
    # preview goes on without status pages).
    translations: TranslationStatus | None
    # Who publishes the site (`extra.publisher`); in the preview, while that setting is wrong, the site itself.
    publisher: Publisher
    # Every generated page of every built language, by src_uri ('en/partner/x.md').
    generated: Mapping[str, GeneratedPage] = field(default_factory=lambda: MappingProxyType({}))
    # Every page, written or generated, of every built language, by src_uri: its address and its sources.
    pages: Mapping[str, PublishedPage] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def allowed_characters(self) -> frozenset[str]:
        """The invisible characters the publication allows in its texts (allowed_characters.py)."""
        return self.settings.allowed_characters.characters
