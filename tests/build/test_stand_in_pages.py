"""A page that exists only in the source language gets a stand-in in every other language: a page in
that language which says so, shows the original's title and lead (marked with their language) and links
to it. The language switch leads to it; hreflang, the sitemaps, the search, the menu, the article index
and the feeds know only real translations.

One build of a copy of the project, with an article written with `new-article` whose translations are
deleted, and a written page whose translations are deleted.
"""

from __future__ import annotations

import gzip
import posixpath
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from babel import Locale
from microsite.frontmatter import split_front_matter
from microsite.site_output.sitemaps import SITEMAP_NS, XHTML_NS
from microsite.upstream import content_span
from project import assemble_publication, build_site, collection_folder, microsite, person_ids
from site_model import LANGUAGES, BuiltSite, texts_with_language

SITE_URL = "http://127.0.0.1:8000/"
SOURCE = LANGUAGES.source
ARTICLE_SLUG = "only-in-the-source"
OLD_ADDRESS = "old-only-in-the-source.md"
# A folder whose only page is in the source language: in the other languages it holds a stand-in only.
SOURCE_ONLY_FOLDER = "only-in-the-source"


@dataclass(frozen=True)
class Untranslated:
    """A page written in the source language only, by its path below the language folders."""

    path: str
    title: str
    lead: str

    def address(self, language: str) -> str:
        return LANGUAGES.root(language) + self.path.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Project:
    site: BuiltSite
    root: Path
    article: Untranslated
    page: Untranslated

    @property
    def untranslated(self) -> tuple[Untranslated, Untranslated]:
        return self.article, self.page


def untranslated(project: Path, path: str) -> Untranslated:
    front_matter, _ = split_front_matter((project / "docs" / SOURCE / path).read_text(encoding="utf-8"))
    return Untranslated(path, front_matter["title"], front_matter["description"])


def ordinary_page(project: Path) -> str:
    """A written page other than the home page, which no data record names as its source."""
    data = "".join(path.read_text(encoding="utf-8") for path in (project / "data").glob("*.yml"))
    pages = sorted((project / "docs" / SOURCE).glob("*.md"))
    return next(page.name for page in pages if page.name != "index.md" and page.name not in data)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = assemble_publication(tmp_path_factory.mktemp("project"))
    folder = collection_folder(root)
    created = microsite(
        "new-article", ARTICLE_SLUG, "--title", "Nur in der Quelle", "--description", "Ein Satz über die Quelle.",
        "--author", person_ids(root)[0], project=root,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    article_path = f"{folder}/{ARTICLE_SLUG}.md"
    # The article moved once: its old address in every language leads to where it is now.
    source_article = root / "docs" / SOURCE / article_path
    text = source_article.read_text(encoding="utf-8")
    source_article.write_text(text.replace("topics: []", f"topics: []\nmoved_from: [{OLD_ADDRESS}]"), encoding="utf-8")
    page_path = ordinary_page(root)
    folder_page = root / "docs" / SOURCE / SOURCE_ONLY_FOLDER / "index.md"
    folder_page.parent.mkdir()
    folder_page.write_text("---\ntitle: Nur hier\ndescription: Eine Seite.\n---\n\n# Nur hier\n", encoding="utf-8")
    for language in LANGUAGES.translations:
        (root / "docs" / language / article_path).unlink()
        (root / "docs" / language / page_path).unlink()
    site_root = tmp_path_factory.mktemp("site")
    result = build_site(site_root, SITE_URL, config_file=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(root=site_root, site_url=SITE_URL, log=result.stdout + result.stderr, project=root)
    return Project(site, root, untranslated(root, article_path), untranslated(root, page_path))


def resolve(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#", 1)[0]))


def content_texts(site: BuiltSite, page: str) -> list[tuple[str, str]]:
    """(language, text) of each piece of the page's content, in order; unmarked text is in the page's."""
    text = (site.root / page).read_text(encoding="utf-8")
    start, end = content_span(text)
    page_language = site.html(page).find("html").attrs["lang"]
    return [(language or page_language, piece) for language, piece in texts_with_language(text[start:end])]


def selector(site: BuiltSite, page: str) -> dict[str, str]:
    """Language → the page the language selector leads to."""
    return {
        link.attrs["hreflang"]: resolve(page, link.attrs["href"])
        for link in site.html(page).find_all("a")
        if "md-select__link" in link.attrs.get("class", "")
    }


def hreflang(site: BuiltSite, page: str) -> dict[str, str]:
    """Language → the address the page's head claims as its version in that language."""
    links = site.html(page).find_all("link", rel="alternate")
    return {link.attrs["hreflang"]: link.attrs["href"] for link in links if link.attrs.get("type") is None}


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_the_stand_in_is_a_page_in_its_language_that_leads_to_the_original(project: Project, language: str) -> None:
    site = project.site
    source_name = Locale.parse(SOURCE).get_display_name(language)
    for original in project.untranslated:
        page = original.address(language)
        assert site.html(page).find("html").attrs["lang"] == language
        texts = content_texts(site, page)
        own = " ".join(text for text_language, text in texts if text_language == language)
        # It names the original's language in its own ("German" on an English page).
        assert source_name in own, own
        # The original's title and lead, marked as the original's language; none of its text besides.
        assert {text for text_language, text in texts if text_language == SOURCE} == {original.title, original.lead}
        assert original.title not in own and original.lead not in own
        links = [link for link in site.html(page).find_all("a") if link.attrs.get("hreflang") == SOURCE]
        assert original.address(SOURCE) in {resolve(page, link.attrs["href"]) for link in links}
        # One heading of the first level: the page's own title.
        assert len(site.html(page).find_all("h1")) == 1


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_the_language_switch_leads_to_the_stand_in_and_back(project: Project, language: str) -> None:
    site = project.site
    for original in project.untranslated:
        assert selector(site, original.address(SOURCE))[language] == original.address(language)
        assert selector(site, original.address(language))[SOURCE] == original.address(SOURCE)


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_hreflang_claims_only_real_translations(project: Project, language: str) -> None:
    site = project.site
    for original in project.untranslated:
        source_page, stand_in = original.address(SOURCE), original.address(language)
        assert language not in hreflang(site, source_page)
        assert hreflang(site, source_page)[SOURCE] == site.site_url + source_page
        assert site.site_url + source_page not in hreflang(site, stand_in).values()
        robots = site.html(stand_in).find("meta", name="robots")
        assert robots is not None and "noindex" in robots.attrs["content"]


def sitemap_addresses(sitemap: ElementTree.ElementTree) -> set[str]:
    """Every address a sitemap names: its pages and their alternates."""
    root = sitemap.getroot()
    pages = {loc.text for loc in root.iter(f"{{{SITEMAP_NS}}}loc")}
    return pages | {link.get("href") for link in root.iter(f"{{{XHTML_NS}}}link")}


def test_no_sitemap_names_a_stand_in(project: Project) -> None:
    site = project.site
    stand_ins = {
        site.site_url + original.address(language)
        for original in project.untranslated
        for language in LANGUAGES.translations
    }
    root_sitemap = site.sitemap()
    sitemaps = {"sitemap.xml": root_sitemap}
    sitemaps["sitemap.xml.gz"] = ElementTree.ElementTree(
        ElementTree.fromstring(gzip.decompress((site.root / "sitemap.xml.gz").read_bytes()))
    )
    for name, sitemap in sitemaps.items():
        assert not sitemap_addresses(sitemap) & stand_ins, name
    for original in project.untranslated:
        assert site.site_url + original.address(SOURCE) in site.sitemap_entries()
        assert site.site_url + original.address(SOURCE) in sitemap_addresses(sitemaps["sitemap.xml.gz"])


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_search_and_menu_of_the_other_language_leave_the_stand_in_out(project: Project, language: str) -> None:
    site = project.site
    root = LANGUAGES.root(language)
    locations = {doc["location"].split("#")[0] for doc in site.search_index(language)["docs"]}
    home = root + "index.html"
    menu = {
        resolve(home, link.attrs["href"])
        for link in site.html(home).find_all("a")
        if "md-nav__link" in link.attrs.get("class", "")
    }
    for original in project.untranslated:
        assert original.address(language).removeprefix(root) not in locations
        assert original.address(language) not in menu
    source_locations = {doc["location"].split("#")[0] for doc in site.search_index(SOURCE)["docs"]}
    assert {original.address(SOURCE) for original in project.untranslated} <= source_locations


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_an_untranslated_article_is_only_in_its_own_languages_index_and_feed(project: Project, language: str) -> None:
    site, article = project.site, project.article
    folder = collection_folder(project.root)
    for shown_in, listed in ((SOURCE, True), (language, False)):
        index = LANGUAGES.root(shown_in) + f"{folder}/index.html"
        links = {resolve(index, link.attrs["href"]) for link in site.html(index).find_all("a") if "href" in link.attrs}
        assert (article.address(shown_in) in links) is listed, index
        feed = feedparser.parse((site.root / LANGUAGES.root(shown_in) / "feed.xml").read_bytes())
        assert (site.site_url + article.address(shown_in) in [entry.link for entry in feed.entries]) is listed


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_the_articles_old_address_leads_to_its_stand_in(project: Project, language: str) -> None:
    site = project.site
    old = LANGUAGES.root(language) + OLD_ADDRESS.removesuffix(".md") + ".html"
    refresh = site.html(old).find("meta", **{"http-equiv": "refresh"})
    assert refresh is not None
    assert resolve(old, refresh.attrs["content"].split("url=", 1)[1]) == project.article.address(language)


def test_the_built_site_passes_the_link_check(project: Project) -> None:
    checked = microsite("check-links", str(project.site.root), project=project.root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
