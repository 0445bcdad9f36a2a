"""A data text (`{de: …, en: …}`) in the language of a page, and what is shown where it has none.

Only the source language is required of a text: a translation may follow later. Until it does, the
page shows the source-language text rather than dropping the record. Every use of a data text goes
through `in_language`, so that none indexes a language that may be missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from markupsafe import Markup, escape


class Shown(NamedTuple):
    """A data text as it is shown, and the language it is in."""

    text: str
    language: str


def in_language(text: Mapping[str, str | None], language: str, source: str) -> Shown:
    """The text in `language`; where that is missing (absent, null or blank), the source language's."""
    value = text.get(language)
    if isinstance(value, str) and value.strip():
        return Shown(value, language)
    return Shown(text[source], source)


class MarkedText(str):
    """Text with a form of its own in HTML: where a template writes it (Jinja calls `__html__`), the
    HTML is written; every other use (str(), formatting, joining, the SVG's text, front matter) has
    the plain text, so that no markup ends up where only text may stand."""

    html: Markup

    def __new__(cls, text: str, html: Markup) -> MarkedText:
        marked = super().__new__(cls, text)
        marked.html = html
        return marked

    def __html__(self) -> Markup:
        return self.html


def joined(separator: str, parts: Iterable[str]) -> str:
    """The parts joined like `str.join`, keeping the HTML of any marked part (the fallback of a
    region in a place, of a relation before its year); plain text if none is marked."""
    parts = list(parts)
    plain = separator.join(parts)
    if not any(isinstance(part, MarkedText) for part in parts):
        return plain
    # Markup.join escapes each part, or takes its __html__.
    return MarkedText(plain, escape(separator).join(parts))
