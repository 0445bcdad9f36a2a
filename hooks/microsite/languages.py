"""The publication's languages: which one is the source, where each lives in the site, what a page
is called in another language.

The first language is the source and is built into the site root; every other language is a
translation, built into `<code>/` with the same relative paths. This is the one place that knows it:
the build, the checks and the tests all ask a `Languages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class Languages:
    """Language codes, source (default) language first."""

    codes: tuple[str, ...]

    @property
    def source(self) -> str:
        return self.codes[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.codes[1:]

    def root(self, language: str) -> str:
        """The language's folder in the site: '' for the source language, else 'en/'."""
        return "" if language == self.source else f"{language}/"

    def of_path(self, site_path: str) -> str:
        """The language a site-relative path belongs to, from its first folder."""
        first = site_path.split("/", 1)[0]
        return first if first in self.translations else self.source

    def counterpart(self, site_path: str, language: str) -> str:
        """The same page in another language: the same path below that language's folder."""
        return self.root(language) + site_path.removeprefix(self.root(self.of_path(site_path)))

    @staticmethod
    def name(language: str) -> str:
        """The language's English name, for messages to editors ('German')."""
        try:
            return Locale.parse(language).get_display_name("en") or language
        except (ValueError, UnknownLocaleError):
            return language


def language_name(language: str, in_language: str) -> str:
    """A language's name in another language's words ('de' in English: 'German'), for readers."""
    return Locale.parse(language).get_display_name(in_language) or language


def is_page_path(value: object) -> bool:
    """A Markdown page's path below the language folders: relative, ending in .md, no '.' or '..'."""
    if not isinstance(value, str):
        return False
    parts = PurePosixPath(value).parts
    return value.endswith(".md") and not value.startswith("/") and all(part not in (".", "..") for part in parts)
