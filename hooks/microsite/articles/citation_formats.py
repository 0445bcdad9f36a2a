"""The three files an article is cited in, each as reference managers import it (Zotero's importers, JabRef,
biber): what is cited is citations.py's `Reference`.

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
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from .citations import Name, Reference

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
