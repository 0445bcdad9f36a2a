"""Every article as a reference: what the "cite this article" block under the article cites
(rendering/articles.py, overrides/partials/data/article-citation.html), and the BibTeX, RIS and CSL-JSON
files per article and language next to its page (`<page_folder>/<slug>.bib`, `.ris`, `.csl.json`;
written in citation_formats.py, into the site by site_output/citation_files.py), which the block links to.

The "cite this article" block cites the same item as the files, in the same words.

What is cited is the page a reader has in front of them: this language's text at its address, dated
when it was published here. The site has no volume, issue or ISSN, so it is cited as what it is, a web
page, in the type each format has for one; all three are what Zotero's importers turn into its "Web
page" item (its BibTeX, RIS and CSL-JSON translators: `online`, `ELEC`, `webpage`). One exception, the
same as the page's Highwire tags make (site_output/metadata.py), so that a reference manager gets the
same item from the page and from its files: the source-language text of an article that appeared
elsewhere first *is* that publication's text, so it is cited as it appeared there, a journal article
(`@article` with `journal`, RIS `JOUR` with `T2`, CSL `article-journal` with `container-title`) dated
as it appeared, with this page's address as where to read it. A translation did not appear there: it
is a web page of this site, with the first publication in its note.

Authors: data/people.yml holds a name as it is written ("Ludwig van Beethoven"), and the formats want
family and given names apart. They are split as BibTeX itself splits such a name ("First von Last"):
the last word is the family name, together with the lowercase particles before it ("van Beethoven");
the words before those are the given names. That is right for the usual European names with
particles, and it is what BibTeX would make of the name written whole; a family name of several
capitalised words ("García Márquez") would need a field people.yml does not have. A name of one word
is a family name alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel.dates import format_date

if TYPE_CHECKING:
    from ..languages import Languages
    from ..words import Words
    from .model import Article, FirstPublication

# What a BibTeX key may hold: other characters of an article's file name become hyphens.
KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


@dataclass(frozen=True)
class Name:
    family: str
    given: str

    @classmethod
    def split(cls, name: str) -> Name:
        """The family and given names of a name written as "First von Last" (see the module's text)."""
        words = name.split()
        family_from = next(
            (index for index, word in enumerate(words[:-1]) if word[:1].islower()), max(len(words) - 1, 0)
        )
        return cls(family=" ".join(words[family_from:]), given=" ".join(words[:family_from]))


@dataclass(frozen=True)
class Reference:
    """What the block under an article and its files cite: the article in one language, on this site."""

    key: str
    language: str
    title: str
    # As data/people.yml writes them.
    authors: tuple[str, ...]
    site_name: str
    url: str
    date: datetime.date
    first_published: FirstPublication | None
    # Where the files are, site-relative, without their extension ('en/<page_folder>/<slug>').
    files: str
    # Whether this is the source language's text: the first publication's own text, where there is one.
    is_original: bool = False
    # Where the article appeared first, as a sentence in its language, with the address there; none where
    # the reference cites that publication itself.
    note: str | None = None

    @property
    def journal(self) -> FirstPublication | None:
        """The publication this text is cited as (see the module's text); None for a web page of this site."""
        return self.first_published if self.is_original else None

    @property
    def cited_date(self) -> datetime.date:
        return self.journal.date if self.journal else self.date

    @property
    def names(self) -> tuple[Name, ...]:
        return tuple(Name.split(author) for author in self.authors)


def long_date(day: datetime.date, language: str) -> str:
    """A day as the article's header writes it (rendering/articles.py): "24. Januar 2025"."""
    return format_date(day, "long", locale=language)


def reference_files(article: Article, languages: Languages) -> str:
    """Where the article's files are, site-relative, without their extension ('en/<page_folder>/<slug>')."""
    return languages.root(article.language) + article.path.removesuffix(".md")


def reference(
    article: Article, people: dict[str, dict], site_name: str, url: str, languages: Languages, words: Words
) -> Reference:
    """The article in its language as cited: `people` are data/people.yml's records by id, `site_name` the
    site's name in that language, `url` the article's absolute address (addresses.page_url)."""
    language = article.language
    key = "".join(char if char in KEY_CHARACTERS else "-" for char in article.slug)
    cited = Reference(
        key=f"{key}-{language}",
        language=language,
        title=article.title,
        # Only the preview builds an article naming someone people.yml lacks (the data check says so).
        authors=tuple(people.get(person, {}).get("name", person) for person in article.authors),
        site_name=site_name,
        url=url,
        date=article.date,
        first_published=article.first_published,
        files=reference_files(article, languages),
        is_original=language == languages.source,
    )
    first = article.first_published
    if first is None or cited.journal is not None:
        return cited
    date = long_date(first.date, language)
    sentence = words.label(language, "citation.first_published", name=first.name, date=date)
    return replace(cited, note=f"{sentence} {first.url}" if first.url else sentence)
