"""Text pasted from word processors, built: a copy of the project with a page and an article whose
titles hold soft hyphens and non-breaking spaces, and whose headings and texts hold zero-width spaces
and joiners too, typographic quotes and an apostrophe (tests/pasted_project.py), in every language.

Readers see the text as written, soft hyphens and all; the title as the browser tab, the navigation,
the metadata, the feed, the citation files and the search show it is plain; the search index holds
each word whole. And a data marker with an invisible character stops the build, naming it and where,
and so do a title with a bidirectional override and a line of Markdown with one.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from microsite.upstream import content_span
from pasted_project import (
    ARTICLE_HEADING,
    PAGE_HEADING,
    PLAIN_ARTICLE_TITLE,
    PLAIN_PAGE_TITLE,
    SHY,
    SOURCE,
    Pasted,
    pasted_project,
)
from project import SUB_PATH, assemble_publication, build_site
from site_model import LANGUAGES, BuiltSite, site_name

# What a title shows nowhere but in the page's own text.
PASTED = "\u00ad\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"


@pytest.fixture(scope="module")
def pasted(tmp_path_factory: pytest.TempPathFactory) -> Pasted:
    return pasted_project(tmp_path_factory.mktemp("pasted") / "project")


@pytest.fixture(scope="module")
def site(pasted: Pasted, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    destination = tmp_path_factory.mktemp("pasted-site")
    result = build_site(destination, SITE_URL, config_file=pasted.project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=SITE_URL, log=result.stdout + result.stderr, project=pasted.project)


class _Texts(HTMLParser):
    """The text of each element of one kind (`<title>`, `<h1>`), and of each link, by its address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "h1", "a"):
            self.open.append(f"a {dict(attrs).get('href')}" if tag == "a" else tag)
            self.texts.setdefault(self.open[-1], []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1].split(" ")[0] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for element in self.open:
            self.texts[element][-1] += data


def texts(site: BuiltSite, path: str) -> dict[str, list[str]]:
    parser = _Texts()
    parser.feed((site.root / path).read_text(encoding="utf-8"))
    parser.close()
    return parser.texts


def metadata(site: BuiltSite, path: str) -> tuple[dict, dict[str, str]]:
    """The page's JSON-LD item and its Open Graph properties, as link previews read them."""
    # Imported here, not at the top: every test process collects this module, and only one runs it.
    import extruct

    found = extruct.extract(
        (site.root / path).read_text(encoding="utf-8"), base_url=site.site_url + path, syntaxes=["json-ld", "opengraph"]
    )
    return found["json-ld"][0], dict(found["opengraph"][0]["properties"])


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_browser_tab_and_the_navigation_show_the_title_plain(
    site: BuiltSite, pasted: Pasted, language: str
) -> None:
    for path, plain in ((pasted.page, PLAIN_PAGE_TITLE), (pasted.article, PLAIN_ARTICLE_TITLE)):
        assert texts(site, pasted.html(language, path))["title"] == [
            f"{plain[language]} - {site_name(pasted.project, language)}"
        ]
    # The menu's links to the page (the tabs and the phone's drawer each have one) all name it plainly.
    home = texts(site, LANGUAGES.root(language) + "index.html")
    links = [" ".join(text.split()) for text in home[f"a {pasted.page.removesuffix('.md')}.html"]]
    assert links and set(links) == {PLAIN_PAGE_TITLE[language]}, links


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_readers_see_the_heading_as_written_and_nothing_around_the_text_holds_a_pasted_character(
    site: BuiltSite, pasted: Pasted, language: str
) -> None:
    for path, written in ((pasted.page, PAGE_HEADING), (pasted.article, ARTICLE_HEADING)):
        built = pasted.html(language, path)
        assert texts(site, built)["h1"] == [written[language]]
        html = (site.root / built).read_text(encoding="utf-8")
        start, end = content_span(html)
        around = html[:start] + html[end:]
        assert not [character for character in PASTED if character in around], built


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_metadata_feed_and_citation_files_give_the_title_plain(
    site: BuiltSite, pasted: Pasted, language: str
) -> None:
    page_item, page_graph = metadata(site, pasted.html(language, pasted.page))
    assert (page_item["name"], page_graph["og:title"]) == (PLAIN_PAGE_TITLE[language],) * 2
    article = pasted.html(language, pasted.article)
    article_item, article_graph = metadata(site, article)
    assert (article_item["headline"], article_graph["og:title"]) == (PLAIN_ARTICLE_TITLE[language],) * 2
    assert 'name="citation_title" content="' + PLAIN_ARTICLE_TITLE[language] + '"' in (site.root / article).read_text(
        encoding="utf-8"
    )
    feed = feedparser.parse((site.root / LANGUAGES.root(language) / "feed.xml").read_bytes())
    titles = {entry.link: entry.title for entry in feed.entries}
    assert titles[site.site_url + article] == PLAIN_ARTICLE_TITLE[language]
    files = site.root / Path(article).with_suffix("")
    assert (
        json.loads(files.with_suffix(".csl.json").read_text(encoding="utf-8"))[0]["title"]
        == (PLAIN_ARTICLE_TITLE[language])
    )
    assert f"TI  - {PLAIN_ARTICLE_TITLE[language]}\n" in files.with_suffix(".ris").read_text(encoding="utf-8")
    assert not [character for character in PASTED if character in files.with_suffix(".bib").read_text("utf-8")]


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_search_index_holds_plain_titles_and_whole_words(site: BuiltSite, pasted: Pasted, language: str) -> None:
    docs = site.search_index(language)["docs"]
    titles = {doc["location"]: doc["title"] for doc in docs}
    for path, plain in ((pasted.page, PLAIN_PAGE_TITLE), (pasted.article, PLAIN_ARTICLE_TITLE)):
        assert titles[path.removesuffix(".md") + ".html"] == plain[language]
    page_text = next(doc["text"] for doc in docs if doc["location"] == pasted.page.removesuffix(".md") + ".html")
    whole = ["„Quellwasserpartnerschaft“", "„Nebelschutzprogramm“"] if language == SOURCE else ["Fogland's"]
    assert all(word in page_text for word in whole), page_text
    assert not [doc["location"] for doc in docs if any(c in doc["title"] + doc["text"] for c in PASTED)]


def test_a_data_marker_with_an_invisible_character_stops_the_build_naming_it_and_where(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    marker = f"<!-- data: time{SHY}line -->"
    (project / "docs" / SOURCE / "pasted-marker.md").write_text(
        f"---\ntitle: Marker\n---\n\n# Marker\n\n{marker}\n", encoding="utf-8"
    )
    result = build_site(tmp_path / "site", SITE_URL, config_file=project / "mkdocs.yml")
    assert result.returncode != 0
    where = f"docs/{SOURCE}/pasted-marker.md:7:{len('<!-- data: time') + 1}"
    expected = (
        f"{where}: the data marker has an invisible character, U+00AD SOFT HYPHEN, after '<!-- data: time' – "
        "delete it: retype the marker"
    )
    assert expected in result.stdout + result.stderr


def test_a_title_and_a_line_with_a_bidirectional_override_stop_the_build_naming_them_and_where(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    (project / "docs" / SOURCE / "umgedreht.md").write_text(
        "---\ntitle: Die \u202eetnenitnoK\u202c\n---\n\n# Kontinente\n\nDie \u2067Liste\u2069 gilt.\n", encoding="utf-8"
    )
    result = build_site(tmp_path / "site", SITE_URL, config_file=project / "mkdocs.yml")
    assert result.returncode != 0
    todo = (
        "delete them: they are invisible, and make the text display differently from what it is (where the text "
        "needs it: extra.allowed_invisible_characters in mkdocs.yml)"
    )
    page = f"docs/{SOURCE}/umgedreht.md"
    for expected in (
        f"{page}:2:12: [hidden-character] title: the text has 2 invisible characters, the first U+202E "
        f"RIGHT-TO-LEFT OVERRIDE, after 'Die ' – {todo}",
        f"{page}:7:5: [hidden-character] the text has 2 invisible characters, the first U+2067 RIGHT-TO-LEFT "
        f"ISOLATE, after 'Die ' – {todo}",
    ):
        assert expected in result.stdout + result.stderr
