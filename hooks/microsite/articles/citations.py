"""Every article as a reference to import: a BibTeX, a RIS and a CSL-JSON file per article and language,
next to its page (`<page_folder>/<slug>.bib`, `.ris`, `.csl.json`), which the "cite this article" block
under the article links to (rendering/articles.py, overrides/partials/data/article-citation.html).

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

- BibTeX: `@online`, biblatex's type for a web page, which Zotero and JabRef import as one; classic
  BibTeX styles, which lack it, print it as `@misc` (their default type). Texts are LaTeX-escaped as
  Zotero's export escapes them (`\\&`, `\\%`, `{\\textbackslash}`, braces as `\\{` and `\\}`, and
  one without a partner with an invisible one, `\\vphantom`, so that every field's braces pair up), and
  the title is wrapped in a second pair of braces: a style must not lowercase a German noun or a name.
  Text stays UTF-8 (biber, Zotero and JabRef read it; LaTeX has read UTF-8 by default since 2018). The
  site's name goes into `titleaddon`, where Zotero's own biblatex export puts a web site's name and
  biblatex's standard styles print it; the day is biblatex's `date` (ISO 8601, `2025-01-24`), which biber,
  Zotero and JabRef read whole, where `year` and `month` would lose the day. `language` is the language's
  English name (`german`), which biblatex turns into its localisation key.
- RIS: `TY  - ELEC` with `T2` (Zotero's "Website Title"), `PY` (year) and `DA` (YYYY/MM/DD), `LA` (the
  language code). RIS cannot escape anything: every value is one line, its whitespace collapsed;
  lines end in CR LF, as the format's specification and Zotero's export write them.
- CSL-JSON: an array of one item of type `webpage` with `container-title` (the site's name; Zotero's
  "Website Title"), written by `json.dumps`.

No access date (`urldate`, `Y2`, `accessed`): that is the day a reader looked at the page, which a build
cannot know. Where the article appeared first, all three say so in a note in the file's language
("First published in <name>, <date>. <address>"): a note is what every importer keeps and every
style can print, unlike the reprint fields (biblatex `orig…`, CSL `original-…`), which importers drop
or styles render as a second date of this page.

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
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from .. import upstream
from ..findings import Finding
from ..problems import Problem
from .feeds import page_url

if TYPE_CHECKING:
    from ..state import BuildState
    from .model import Article, FirstPublication

# What LaTeX reads as markup, written as the character it stands for (as Zotero's BibTeX export writes
# it). A brace without a partner in the text gets an invisible one (\vphantom): BibTeX counts every
# brace, escaped or not, and a field's braces must pair up.
LATEX = {
    "\\": "{\\textbackslash}",
    "{": "\\{\\vphantom{\\}}",
    "}": "\\vphantom{\\{}\\}",
    "~": "{\\textasciitilde}",
    "^": "{\\textasciicircum}",
    "<": "{\\textless}",
    ">": "{\\textgreater}",
    "|": "{\\textbar}",
    **{char: "\\" + char for char in "#$%&_"},
}
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


def reference(state: BuildState, article: Article) -> Reference:
    people = {person["id"]: person for person in state.data.records("people")}
    language = article.language
    key = "".join(char if char in KEY_CHARACTERS else "-" for char in article.slug)
    cited = Reference(
        key=f"{key}-{language}",
        language=language,
        title=article.title,
        # Only the preview builds an article naming someone people.yml lacks (the data check says so).
        authors=tuple(people.get(person, {}).get("name", person) for person in article.authors),
        site_name=upstream.language_site_name(state.config, language),
        url=page_url(state, language, article.path),
        date=article.date,
        first_published=article.first_published,
        files=state.languages.root(language) + article.path.removesuffix(".md"),
        is_original=language == state.languages.source,
    )
    first = article.first_published
    if first is None or cited.journal is not None:
        return cited
    date = long_date(first.date, language)
    sentence = state.words.label(language, "citation.first_published", name=first.name, date=date)
    return replace(cited, note=f"{sentence} {first.url}" if first.url else sentence)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _latex(text: str) -> str:
    text = _one_line(text)
    paired, opened = set(), []
    for index, char in enumerate(text):
        if char == "{":
            opened.append(index)
        elif char == "}" and opened:
            paired |= {opened.pop(), index}
    # Braces that pair up in the text are LaTeX's \{ and \}, which every importer reads back.
    return "".join("\\" + char if index in paired else LATEX.get(char, char) for index, char in enumerate(text))


def _bibtex_name_part(text: str) -> str:
    """A family or given name; braced where BibTeX would split it (at a comma, or at the word "and")."""
    escaped = _latex(text)
    return f"{{{escaped}}}" if "," in text or "and" in text.lower().split() else escaped


def _bibtex_name(name: Name) -> str:
    family = _bibtex_name_part(name.family)
    return f"{family}, {_bibtex_name_part(name.given)}" if name.given else family


def _bibtex_url(url: str) -> str:
    """biblatex reads `url` verbatim: only braces and backslashes, which would end or escape the field,
    are percent-encoded (they are no part of a valid address anyway)."""
    return "".join(f"%{ord(char):02X}" if char in "{}\\" else char for char in _one_line(url))


def _english_language_name(language: str) -> str:
    try:
        return Locale.parse(language.replace("-", "_")).get_language_name("en").lower()
    except (ValueError, UnknownLocaleError):
        return language


def bibtex(reference: Reference) -> str:
    date, journal = reference.cited_date, reference.journal
    fields = [
        ("author", "{" + " and ".join(map(_bibtex_name, reference.names)) + "}"),
        # Twice braced: styles keep the title's capitals.
        ("title", "{{" + _latex(reference.title) + "}}"),
        ("journal", "{" + _latex(journal.name) + "}")
        if journal
        else ("titleaddon", "{" + _latex(reference.site_name) + "}"),
        # biblatex's date, the day included (year and month alone would lose it).
        ("date", "{" + date.isoformat() + "}"),
        ("url", "{" + _bibtex_url(reference.url) + "}"),
        ("language", "{" + _latex(_english_language_name(reference.language)) + "}"),
    ]
    note = reference.note
    if note:
        fields.append(("note", "{" + _latex(note) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{'article' if journal else 'online'}{{{reference.key},\n{body}\n}}\n"


def ris(reference: Reference) -> str:
    date, journal = reference.cited_date, reference.journal
    tags = [
        ("TY", "JOUR" if journal else "ELEC"),
        *(("AU", f"{name.family}, {name.given}" if name.given else name.family) for name in reference.names),
        ("TI", reference.title),
        ("T2", journal.name if journal else reference.site_name),
        ("PY", str(date.year)),
        ("DA", f"{date.year:04d}/{date.month:02d}/{date.day:02d}"),
        ("UR", reference.url),
        ("LA", reference.language),
    ]
    note = reference.note
    if note:
        tags.append(("N1", note))
    tags.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in tags)


def csl_json(reference: Reference) -> str:
    date, journal = reference.cited_date, reference.journal
    item = {
        "id": reference.key,
        "type": "article-journal" if journal else "webpage",
        "title": reference.title,
        "author": [
            {"family": name.family, "given": name.given} if name.given else {"family": name.family}
            for name in reference.names
        ],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "container-title": journal.name if journal else reference.site_name,
        "URL": reference.url,
        "language": reference.language,
    }
    note = reference.note
    if note:
        item["note"] = note
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Format:
    # As the block under the article names it.
    name: str
    extension: str
    media_type: str
    write: Callable[[Reference], str]


# Not .json alone: `.csl.json` says which JSON it is, as the CSL project names such files.
FORMATS = (
    Format("BibTeX", ".bib", "application/x-bibtex", bibtex),
    Format("RIS", ".ris", "application/x-research-info-systems", ris),
    Format("CSL-JSON", ".csl.json", "application/vnd.citationstyles.csl+json", csl_json),
)


def write_citations(state: BuildState) -> None:
    """Once every language is built: each article's files in each of its languages, never over a file
    the build copied from docs/."""
    if state.articles is None:
        return
    for language in state.languages.codes:
        for article in state.articles.of(language):
            cited = reference(state, article)
            for kind in FORMATS:
                target = state.site_dir / (cited.files + kind.extension)
                if target.exists():
                    written = f"docs/{language}/{article.path.removesuffix('.md')}{kind.extension}"
                    message = f"the build writes the article's {kind.name} reference there – rename or remove this file"
                    state.problems.stop_or_report(Problem(Finding(written, 1, message)))
                    continue
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    # Bytes: the line ends are the format's (CR LF in RIS) on every system.
                    target.write_bytes(kind.write(cited).encode("utf-8"))
                except OSError as error:
                    message = f"cannot write the article's {kind.name} reference ({error.strerror or error})"
                    raise Problem(Finding(str(target), 1, message)) from None
