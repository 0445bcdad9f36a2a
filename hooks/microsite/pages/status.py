"""Each language's translation status page, reached from the footer: a generated page whose marker
(rendering/translation_status.py) lists where every translation stands."""

from __future__ import annotations

from ..publication import GeneratedPage, Publication
from .markdown import page_markdown


def status_pages(state: Publication) -> dict[str, GeneratedPage]:
    """Each language's translation status page (rendering/translation_status.py), reached from the footer;
    none in a build whose parity check made no status, which would have nothing to list."""
    if state.translations is None:
        return {}
    origin = (
        "the translation status – delete the file, or set another extra.translation_policy.status_page in mkdocs.yml"
    )
    return {
        f"{language}/{state.translations.policy.status_page}": GeneratedPage(
            page_markdown(
                state.words.label(language, "translation_status.title"),
                state.words.label(language, "translation_status.description"),
                "translation-status",
                # A list of every page's title: it would answer every search, and it grows with the archive
                # in the index every reader downloads.
                searchable=False,
            ),
            origin,
            in_navigation=False,
        )
        for language in state.languages.codes
    }
