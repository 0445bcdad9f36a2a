"""“Cite this article” as readers and their reference managers meet it: the block at the end of every
article, in the page's language, and the BibTeX, RIS and CSL-JSON files it offers, read as reference
managers read them: bibtexparser, rispy, and citeproc-py (a CSL processor) rendering a bibliography
entry. What is expected comes from the collection, data/ and mkdocs.yml, never from their content.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rispy
from babel.dates import format_date
from microsite.articles import Article
from microsite.scaffold import yaml_text
from project import assemble_publication, build_site, collection_folder, microsite, person_ids, publication_data
from site_model import LANGUAGES, BuiltSite, built_path, collection_of, label, site_name

# Each file's ending, and the media type its link announces: the CSL project's registered one, and the
# ones reference managers and servers use for BibTeX and RIS (neither has a registered type).
MEDIA_TYPES = {
    ".bib": "application/x-bibtex",
    ".ris": "application/x-research-info-systems",
    ".csl.json": "application/vnd.citationstyles.csl+json",
}
# The one style citeproc-py ships.
CSL_STYLE = "harvard-cite-them-right"
# What the LaTeX symbol commands print.
LATEX_SYMBOLS = {
    "textbackslash": "\\",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
}
# A title with what each format must escape or keep whole: braces (one without a partner), straight and
# typographic quotes, an ampersand, umlauts, LaTeX's specials. Few letters, so that the parity check's
# language identification leaves it alone.
SPECIAL_TITLES = {
    "source": 'Über {Größe} & „Nähe“: "Zitat" – 50 % #1 a_b \\ ~ ^ $ {offen',
    "translation": 'On {size} & “closeness”: "quote" – 50 % #1 a_b \\ ~ ^ $ {open',
}


def people(project: Path) -> dict[str, str]:
    return {person["id"]: person["name"] for person in publication_data("people", project)["people"]}


def html_path(article: Article) -> str:
    return built_path(article.path, article.language)


class CitationBlock(HTMLParser):
    """The texts and links of a page's citation blocks (`<section class="article-citation">`), and any
    text of the page's content (Material's `<article>`) after them."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = 0
        self.texts: list[str] = []
        # Each link's attributes (an attribute without a value is there with None) and its text.
        self.links: list[tuple[dict[str, str | None], str]] = []
        self.after: list[str] = []
        self._articles = 0
        self._depth = 0
        self._link: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._articles += tag == "article"
        if not self._depth and tag == "section" and "article-citation" in (attributes.get("class") or "").split():
            self.blocks += 1
            self.after = []
        elif not self._depth:
            return
        if tag not in self.VOID:
            self._depth += 1
        if tag == "a":
            self._link = (attributes, [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<br />`: no element to end."""

    def handle_endtag(self, tag: str) -> None:
        self._articles -= tag == "article"
        if not self._depth:
            return
        self._depth -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1])))
            self._link = None

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        if self._depth:
            self.texts.append(data.strip())
            if self._link is not None:
                self._link[1].append(data.strip())
        elif self._articles and self.blocks:
            self.after.append(data.strip())


def citation_block(site: BuiltSite, page: str) -> CitationBlock:
    parser = CitationBlock()
    parser.feed((site.root / page).read_text(encoding="utf-8"))
    parser.close()
    return parser


def reference_files(site: BuiltSite, article: Article) -> dict[str, Path]:
    """The files the article's block offers for download, by ending; each must be a file of the site."""
    page = html_path(article)
    files = {}
    for attributes, _ in citation_block(site, page).links:
        if "download" not in attributes:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), attributes["href"]))
        ending = next(ending for ending in MEDIA_TYPES if path.endswith(ending))
        assert attributes.get("type") == MEDIA_TYPES[ending], f"{page}: {path} announced as {attributes.get('type')}"
        assert (site.root / path).is_file(), f"{page} offers {path}, which the site does not have"
        files[ending] = site.root / path
    return files


def latex_text(value: str) -> str:
    """What LaTeX prints for a field's text: escaped characters as themselves, symbol commands as their
    characters, `\\vphantom{…}` as nothing, grouping braces as nothing. Any other command, or a
    character LaTeX reads as markup, fails."""
    printed, index = [], 0
    while index < len(value):
        char = value[index]
        if char in "{}":
            index += 1
        elif char in "#$%&_^~":
            raise AssertionError(f"{value!r}: LaTeX stops at the unescaped {char!r}")
        elif char != "\\":
            printed.append(char)
            index += 1
        elif not value[index + 1].isalpha():
            printed.append(value[index + 1])
            index += 2
        else:
            end = index + 1
            while end < len(value) and value[end].isalpha():
                end += 1
            command = value[index + 1 : end]
            if command == "vphantom":
                end = _after_group(value, end)
            else:
                printed.append(LATEX_SYMBOLS[command])
            index = end
    return "".join(printed)


def _after_group(value: str, start: int) -> int:
    assert value[start] == "{", f"no argument at {start} of {value!r}"
    depth, index = 0, start
    while True:
        if value[index] == "\\":
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(value[index], 0)
        index += 1
        if depth == 0:
            return index


def read_bibtex(path: Path) -> dict[str, str]:
    """The file's one entry. `@online` is biblatex's type, which Zotero and JabRef read; bibtexparser
    reads only classic BibTeX's unless told, and knows the month macros when asked to."""
    # Imported here, not at the top: every test process collects this module, and only one runs it.
    import bibtexparser
    from bibtexparser.bparser import BibTexParser

    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
    database = bibtexparser.loads(path.read_text(encoding="utf-8"), parser=parser)
    assert len(database.entries) == 1, f"{path}: {len(database.entries)} entries"
    return database.entries[0]


def family_and_given(name: str) -> tuple[str, str]:
    """A name as BibTeX reads it ("First von Last", or "von Last, First"): the family name with its
    particles, and the given names."""
    from bibtexparser.customization import splitname

    parts = splitname(name)
    return latex_text(" ".join(parts["von"] + parts["last"])), latex_text(" ".join(parts["first"]))


def expected_names(article: Article, project: Path) -> list[tuple[str, str]]:
    """Each author's family and given names as BibTeX makes them of the name as data/people.yml writes it."""
    names = people(project)
    return [family_and_given(names[person]) for person in article.authors]


@dataclass(frozen=True)
class Cited:
    """What an article's files cite it as: the journal it appeared in first (its source-language text,
    the same as the page's Highwire tags), else a web page of this site; and the date they give."""

    journal: str | None
    date: datetime.date


def cited(article: Article) -> Cited:
    first = article.first_published
    if first is not None and article.language == LANGUAGES.source:
        return Cited(first.name, first.date)
    return Cited(None, article.date)


def read_ris(path: Path) -> dict:
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == "", f"{path}: does not end with CR LF"
    malformed = [line for line in lines[:-1] if not (line[:2].isalnum() and line[:2].isupper() and line[2:6] == "  - ")]
    assert not malformed, f"{path}: lines that are not 'TAG  - value': {malformed}"
    assert lines[0] in ("TY  - ELEC", "TY  - JOUR") and lines[-2] == "ER  - "
    entries = rispy.loads(text)
    assert len(entries) == 1, f"{path}: {len(entries)} records"
    return entries[0]


def ris_authors(entry: dict) -> list[tuple[str, str]]:
    """Each "Family, Given" author."""
    return [(author.partition(", ")[0], author.partition(", ")[2]) for author in entry["authors"]]


def csl_entry(path: Path) -> tuple[dict, str]:
    """The file's one item, and the bibliography entry a CSL processor makes of it."""
    # Imported here, not at the top: every test process collects this module, and only one runs it.
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(path.read_text(encoding="utf-8"))
    assert len(items) == 1, f"{path}: {len(items)} items"
    bibliography = CitationStylesBibliography(CitationStylesStyle(CSL_STYLE), CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    (entry,) = bibliography.bibliography()
    return items[0], str(entry)


def test_every_article_ends_with_how_to_cite_it_in_its_language(built_site: BuiltSite) -> None:
    names = people(built_site.project)
    collection = collection_of(built_site.project)
    for language in LANGUAGES.codes:
        assert collection.of(language)
        for article in collection.of(language):
            page = html_path(article)
            block = citation_block(built_site, page)
            assert block.blocks == 1, f"{page}: {block.blocks} citation blocks"
            assert not block.after, f"{page}: the article goes on after its citation with “{block.after[0][:60]}”"
            address = built_site.site_url + page
            # The reference up to the page's address, a full stop, then where the article appeared first.
            reference, found, first_publication = " ".join(block.texts).partition(address)
            assert found, f"{page}: its citation does not give its address {address}"
            assert first_publication.lstrip().startswith("."), f"{page}: no full stop after the address"
            assert block.texts[0] == label(language, "citation.title")
            links = [(attributes.get("href"), link_text) for attributes, link_text in block.links]
            assert (address, address) in links
            # The block cites what the files cite: the journal article, or this site's page.
            item, first = cited(article), article.first_published
            expected = [
                *(names[person] for person in article.authors),
                article.title,
                item.journal or site_name(built_site.project, language),
                format_date(item.date, "long", locale=language),
            ]
            assert [part for part in expected if part not in reference] == [], f"{page}: {reference}"
            if first is not None:
                # Named where it is cited (as the journal), or after the address (as where it appeared first).
                said = reference if item.journal else first_publication
                expected = [first.name, format_date(first.date, "long", locale=language)]
                assert [part for part in expected if part not in said] == [], said
                if first.url:
                    assert (first.url, first.name) in links
            if item.journal:
                assert site_name(built_site.project, language) not in reference, f"{page}: cites this site too"


def test_the_block_offers_the_reference_as_bibtex_ris_and_csl_json_files(built_site: BuiltSite) -> None:
    for language in LANGUAGES.codes:
        for article in collection_of(built_site.project).of(language):
            assert set(reference_files(built_site, article)) == set(MEDIA_TYPES), html_path(article)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_bibtex_file_is_one_entry_with_title_authors_year_and_address(built_site: BuiltSite, language: str) -> None:
    for article in collection_of(built_site.project).of(language):
        entry = read_bibtex(reference_files(built_site, article)[".bib"])
        assert latex_text(entry["title"]) == article.title
        names = [family_and_given(name) for name in entry["author"].split(" and ")]
        assert names == expected_names(article, built_site.project)
        # biblatex's date, with the day (biber read year and month alone as "2025-01").
        assert entry["date"] == cited(article).date.isoformat()
        assert "year" not in entry and "month" not in entry
        assert entry["url"] == built_site.site_url + html_path(article)
        journal = cited(article).journal
        assert (entry["ENTRYTYPE"], latex_text(entry.get("journal", ""))) == (
            ("article", journal) if journal else ("online", "")
        )


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_ris_file_is_one_record_of_ris_lines(built_site: BuiltSite, language: str) -> None:
    for article in collection_of(built_site.project).of(language):
        entry = read_ris(reference_files(built_site, article)[".ris"])
        assert entry["title"] == article.title
        assert ris_authors(entry) == expected_names(article, built_site.project)
        assert entry["year"] == str(cited(article).date.year)
        assert entry["urls"] == [built_site.site_url + html_path(article)]
        journal = cited(article).journal
        assert (entry["type_of_reference"], entry["secondary_title"]) == (
            ("JOUR", journal) if journal else ("ELEC", site_name(built_site.project, language))
        )


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_a_csl_processor_makes_a_bibliography_entry_of_the_csl_json_file(built_site: BuiltSite, language: str) -> None:
    for article in collection_of(built_site.project).of(language):
        names = expected_names(article, built_site.project)
        item, entry = csl_entry(reference_files(built_site, article)[".csl.json"])
        assert item["title"] == article.title
        journal = cited(article).journal
        assert (item["type"], item["container-title"]) == (
            ("article-journal", journal) if journal else ("webpage", site_name(built_site.project, language))
        )
        assert [(name["family"], name.get("given", "")) for name in item["author"]] == names
        assert article.title in entry
        for family, _ in names:
            # A style capitalises the particle of a family name that starts the entry ("Van der …").
            assert family.casefold() in entry.casefold(), entry
        assert built_site.site_url + html_path(article) in entry


def test_searching_never_finds_the_citation_blocks(built_site: BuiltSite) -> None:
    """The same words under every article would make each one a match for them."""
    for language in LANGUAGES.codes:
        words = [label(language, "citation.title"), label(language, "citation.files")]
        found = [
            (document["location"], word)
            for document in built_site.search_index(language)["docs"]
            for word in words
            if word in document["title"] + document["text"]
        ]
        assert not found


@pytest.fixture(scope="module")
def special_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite]:
    """The publication with one more article, made with new-article, whose title holds every character
    some format must escape."""
    tmp_path = tmp_path_factory.mktemp("citations")
    project = assemble_publication(tmp_path / "project")
    slug, folder = "special-characters", collection_folder(project)
    created = microsite(
        "new-article", slug, "--title", SPECIAL_TITLES["source"], "--description", "Ein Satz.",
        "--author", person_ids(project)[0], project=project,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    for language in LANGUAGES.translations:
        path = project / "docs" / language / folder / f"{slug}.md"
        title = f"{SPECIAL_TITLES['translation']} {language}"
        text = path.read_text(encoding="utf-8")
        text = text.replace(yaml_text(SPECIAL_TITLES["source"]), yaml_text(title))
        text = text.replace(f"# {SPECIAL_TITLES['source']}", f"# {title}").replace("Ein Satz.", "A sentence.")
        path.write_text(text, encoding="utf-8")
    translations = [f"docs/{language}/{folder}/{slug}.md" for language in LANGUAGES.translations]
    marked = microsite("translated", *translations, project=project)
    assert marked.returncode == 0, marked.stdout + marked.stderr
    site_url = "http://127.0.0.1:8000/"
    result = build_site(tmp_path / "site", site_url, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, BuiltSite(root=tmp_path / "site", site_url=site_url, log=result.stderr, project=project)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_braces_quotes_ampersands_and_umlauts_survive_in_every_format(
    special_site: tuple[Path, BuiltSite], language: str
) -> None:
    project, site = special_site
    article = collection_of(project).article_at(language, f"{collection_folder(project)}/special-characters.md")
    assert article is not None
    expected = SPECIAL_TITLES["source"] if language == LANGUAGES.source else SPECIAL_TITLES["translation"]
    assert article.title.startswith(expected)
    assert article.title in " ".join(citation_block(site, html_path(article)).texts)
    files = reference_files(site, article)
    assert latex_text(read_bibtex(files[".bib"])["title"]) == article.title
    assert read_ris(files[".ris"])["title"] == article.title
    item, entry = csl_entry(files[".csl.json"])
    assert item["title"] == article.title
    assert article.title in entry


def test_a_file_of_docs_where_a_reference_file_goes_stops_the_build(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    article = collection_of(project).of(LANGUAGES.source)[0]
    in_the_way = f"docs/{LANGUAGES.source}/{article.path.removesuffix('.md')}.ris"
    (project / in_the_way).write_text("TY  - GEN\r\nER  - \r\n", encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode != 0
    assert f"{in_the_way}:1: the build writes the article's RIS reference there" in result.stdout + result.stderr
