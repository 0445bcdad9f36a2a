"""The accessibility statement (BITV 2.0 § 7 with § 12b BGG): generated in every language from
data/accessibility.yml, with every part the law asks for; its automated figures only from the tests'
measurements of the sources being built; and every page's footer linking it, the legal notice and the
privacy page in the page's language.

The fixture publication's site, and copies of it with a made-up measurement file, an untranslated legal notice,
a wrong footer setting and an overclaiming conformance.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from babel.dates import format_date
from microsite.frontmatter import split_front_matter
from microsite.language_texts import in_language
from microsite.measurements import sources_fingerprint
from mkdocs.config import load_config
from project import assemble_publication, build_site, publication_data
from site_model import LANGUAGES, BuiltSite, accessibility_statement_pages, label, status_pages

SITE_URL = "http://127.0.0.1:8000/"
SECTIONS = ("compliance", "barriers", "preparation", "feedback", "conciliation")


@dataclass
class Link:
    href: str
    text: str = ""
    lang: str | None = None


@dataclass
class Region:
    """What a reader meets in one part of a page: its headings in order, links, dates and words."""

    headings: list[tuple[str, str]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    text: str = ""


class _Reader(HTMLParser):
    """The page's <article> (what the statement says) and its footer's links (div.md-copyright)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article, self.footer = Region(), Region()
        self._in_article = False
        # How many divs deep inside div.md-copyright.
        self._footer_depth = 0
        self._heading: list | None = None
        self._link: Link | None = None

    def _region(self) -> Region | None:
        return self.article if self._in_article else self.footer if self._footer_depth else None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self._in_article = self._in_article or tag == "article"
        if tag == "div" and (self._footer_depth or "md-copyright" in attributes.get("class", "").split()):
            self._footer_depth += 1
        region = self._region()
        if region is None:
            return
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, ""]
        elif tag == "a":
            self._link = Link(attributes.get("href", ""), lang=attributes.get("lang"))
            region.links.append(self._link)
        elif tag == "time":
            region.dates.append(attributes["datetime"])

    def handle_endtag(self, tag: str) -> None:
        region = self._region()
        if region is not None and self._heading and tag == self._heading[0]:
            region.headings.append((tag, " ".join(self._heading[1].split())))
            self._heading = None
        if tag == "a":
            self._link = None
        if tag == "article":
            self._in_article = False
        if tag == "div" and self._footer_depth:
            self._footer_depth -= 1

    def handle_data(self, data: str) -> None:
        region = self._region()
        if region is None:
            return
        region.text += data
        if self._heading:
            self._heading[1] += data
        if self._link:
            self._link.text += data


def read(site: BuiltSite, page: str) -> _Reader:
    reader = _Reader()
    reader.feed((site.root / page).read_text(encoding="utf-8"))
    reader.article.text = " ".join(reader.article.text.split())
    return reader


def resolved(page: str, href: str, site_url: str = SITE_URL) -> str:
    """A link's target as a site path: relative to its page, or absolute below the site's path (404 pages)."""
    target = href.partition("#")[0]
    if target.startswith("/"):
        return target.removeprefix(urlsplit(site_url).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))


def statement_data(project: Path) -> dict:
    return publication_data("accessibility", project)


def shown(text: dict, language: str) -> str:
    return in_language(text, language, LANGUAGES.source).text


def statement_page(language: str, project: Path) -> str:
    [page] = [page for page in accessibility_statement_pages(project) if LANGUAGES.of_path(page) == language]
    return page


def built(project: Path, destination: Path) -> BuiltSite:
    result = build_site(destination, SITE_URL, project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=SITE_URL, log=result.stdout + result.stderr, project=project)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_statement_has_every_part_the_law_asks_for_in_each_language(built_site: BuiltSite, language: str) -> None:
    data, page = statement_data(built_site.project), statement_page(language, built_site.project)
    assert page == LANGUAGES.root(language) + data["page"].removesuffix(".md") + ".html"
    article = read(built_site, page).article

    def words(key: str) -> str:
        return label(language, f"accessibility.{key}")

    # Headings in order, the sections in the model statement's order.
    assert article.headings[0] == ("h1", words("title"))
    assert [text for tag, text in article.headings if tag == "h2"] == [words(section) for section in SECTIONS]
    assert [tag for tag, _ in article.headings] == ["h1", "h2", "h3", "h2", "h2", "h2", "h2"]
    # Who strives for what; the conformance status, as the data sets it.
    assert shown(data["responsible_body"], language) in article.text
    assert words(f"status.{data['conformance']}") in article.text
    # The parts that are not accessible, and why.
    for barrier in data["barriers"]:
        assert shown(barrier["part"], language) in article.text
        assert shown(barrier["reason"], language) in article.text
    # The method and date of the review by people, or that there was none; when it was prepared.
    if data["reviews"]:
        newest = max(data["reviews"], key=lambda review: review["date"])
        assert newest["date"] in article.dates
        assert shown(newest["method"], language) in article.text
    else:
        assert words("no_review") in article.text
    assert data["prepared"] in article.dates
    # The automated checks: dated figures, or where they run.
    assert "axe-core" in article.text
    # The feedback contact and the conciliation body, each a link.
    hrefs = [link.href for link in article.links]
    assert f"mailto:{data['feedback']['email']}" in hrefs
    assert data["conciliation"]["url"] in hrefs
    assert all(line in article.text for line in data["conciliation"]["address"])
    assert shown(data["conciliation"]["name"], language) in article.text


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_statement_is_reached_from_the_footer_not_the_menu(built_site: BuiltSite, language: str) -> None:
    page = statement_page(language, built_site.project)
    home = LANGUAGES.root(language) + "index.html"
    menu = [element.attrs["href"] for element in built_site.html(home).find_all("a", **{"class": "md-nav__link"})]
    assert page not in [resolved(home, href) for href in menu]
    assert page in [resolved(home, link.href) for link in read(built_site, home).footer.links]


def footer_pages(project: Path) -> list[str]:
    return load_config(str(project / "mkdocs.yml")).extra["footer_pages"]


def title(project: Path, language: str, path: str) -> str:
    front_matter, _ = split_front_matter((project / "docs" / language / path).read_text(encoding="utf-8"))
    return front_matter["title"]


def test_every_page_links_the_legal_pages_and_the_statement_in_its_language(built_site: BuiltSite) -> None:
    project = built_site.project
    statuses = {LANGUAGES.of_path(page): page for page in status_pages(project)}
    for page in built_site.page_paths():
        language = LANGUAGES.of_path(page)
        root = LANGUAGES.root(language)
        links = read(built_site, page).footer.links
        expected = [root + path.removesuffix(".md") + ".html" for path in footer_pages(project)]
        expected += [statement_page(language, project), statuses[language]]
        assert [resolved(page, link.href, built_site.site_url) for link in links] == expected, page
        texts = [title(project, language, path) for path in footer_pages(project)]
        texts.append(label(language, "accessibility.title"))
        assert [" ".join(link.text.split()) for link in links[: len(texts)]] == texts, page


@dataclass(frozen=True)
class Copy:
    root: Path
    # Built with the measurement file, and before it was written.
    site: BuiltSite
    unmeasured: BuiltSite
    # The footer page left untranslated in the copy.
    untranslated: str


# A made-up run of each tool, nothing like the real figures: if they appear, they came from the file.
AXE = {"version": "9.8.7", "pages": ["a.html", "b.html", "en/a.html"], "date": "2031-02-03"}
AXE_VIOLATION = {"rule": "made-up-rule", "impact": "serious", "help": "Made-up help text", "pages": ["en/a.html"]}
LIGHTHOUSE = {"version": "77.6.5", "date": "2031-02-04", "scores": {"a.html": 87, "en/a.html": 93}}


# Where the copy's mkdocs.yml names the measurements (extra.accessibility_measurements).
MEASUREMENTS = ".measurements/accessibility.json"


def write_measurements(project: Path) -> None:
    """The measurements file, named in the project's settings (the setting too is a source measured)."""
    mkdocs_yml = project / "mkdocs.yml"
    setting = "  accessibility_measurements: !ENV [ACCESSIBILITY_MEASUREMENTS, null]\n"
    text = mkdocs_yml.read_text(encoding="utf-8")
    assert text.count(setting) == 1
    mkdocs_yml.write_text(text.replace(setting, f"  accessibility_measurements: {MEASUREMENTS}\n"), encoding="utf-8")
    sources = sources_fingerprint(project)
    figures = {
        "axe": {**AXE, "sources": sources, "violations": [AXE_VIOLATION]},
        "lighthouse": {**LIGHTHOUSE, "sources": sources},
    }
    (project / MEASUREMENTS).parent.mkdir()
    (project / MEASUREMENTS).write_text(json.dumps(figures), encoding="utf-8")


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Copy:
    """A copy with the first footer page not translated, built without a measurement file and with one
    of its sources."""
    root = assemble_publication(tmp_path_factory.mktemp("project"))
    untranslated = footer_pages(root)[0]
    for language in LANGUAGES.translations:
        (root / "docs" / language / untranslated).unlink()
    unmeasured = built(root, tmp_path_factory.mktemp("unmeasured"))
    write_measurements(root)
    return Copy(root, built(root, tmp_path_factory.mktemp("site")), unmeasured, untranslated)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_figures_come_from_the_measurements_with_their_dates(measured: Copy, language: str) -> None:
    article = read(measured.site, statement_page(language, measured.root)).article
    assert AXE["version"] in article.text and str(len(AXE["pages"])) in article.text
    assert AXE_VIOLATION["rule"] in article.text and AXE_VIOLATION["help"] in article.text
    assert LIGHTHOUSE["version"] in article.text
    assert all(str(score) in article.text for score in LIGHTHOUSE["scores"].values())
    assert {AXE["date"], LIGHTHOUSE["date"]} <= set(article.dates)
    assert label(language, "accessibility.automated_in_ci") not in article.text


def test_figures_of_other_sources_are_not_stated(measured: Copy, tmp_path: Path) -> None:
    """After an edit the measured site is another one: the statement says where the checks run instead."""
    page = measured.root / "docs" / LANGUAGES.source / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    site = built(measured.root, tmp_path / "site")
    for language in LANGUAGES.codes:
        article = read(site, statement_page(language, measured.root)).article
        assert AXE["version"] not in article.text and LIGHTHOUSE["version"] not in article.text
        assert label(language, "accessibility.automated_in_ci") in article.text
    assert "measured on other sources" in site.log


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_without_measurements_the_statement_says_the_checks_run_on_every_change(measured: Copy, language: str) -> None:
    article = read(measured.unmeasured, statement_page(language, measured.root)).article
    assert label(language, "accessibility.automated_in_ci") in article.text
    assert AXE["version"] not in article.text


def test_an_untranslated_footer_page_is_linked_at_its_stand_in_under_the_original_title(measured: Copy) -> None:
    source = LANGUAGES.source
    original = title(measured.root, source, measured.untranslated)
    for language in LANGUAGES.translations:
        page = LANGUAGES.root(language) + "index.html"
        [link] = [link for link in read(measured.site, page).footer.links if link.text.strip() == original]
        target = resolved(page, link.href)
        assert target == LANGUAGES.root(language) + measured.untranslated.removesuffix(".md") + ".html"
        assert (measured.site.root / target).is_file()
        assert link.lang == source


def replace_in(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_a_wrong_footer_setting_stops_the_build_saying_what_to_write(tmp_path: Path) -> None:
    root = assemble_publication(tmp_path / "project")
    pages = footer_pages(root)
    replace_in(root / "mkdocs.yml", f"footer_pages: [{', '.join(pages)}]", "footer_pages: [no-such-page.md]")
    result = build_site(tmp_path / "site", SITE_URL, root / "mkdocs.yml")
    assert result.returncode != 0
    assert f"there is no page docs/{LANGUAGES.source}/no-such-page.md" in result.stdout + result.stderr
    assert "mkdocs.yml:" in result.stdout + result.stderr


def write_statement(project: Path, statement: dict) -> None:
    schema_line = "# yaml-language-server: $schema=./accessibility.schema.json\n"
    (project / "data" / "accessibility.yml").write_text(
        schema_line + yaml.safe_dump(statement, allow_unicode=True), encoding="utf-8"
    )


@pytest.mark.parametrize("what", ["barriers", "reviews"])
def test_full_conformance_is_refused_while_the_data_does_not_bear_it_out(tmp_path: Path, what: str) -> None:
    root = assemble_publication(tmp_path / "project")
    statement = {**statement_data(root), "conformance": "full"}
    if what == "barriers":
        statement["barriers"] = statement["barriers"] or [
            {"id": "made-up", "part": {"de": "Teil", "en": "Part"}, "reason": {"de": "Grund", "en": "Reason"}}
        ]
    else:
        statement["barriers"], statement["reviews"] = [], []
    write_statement(root, statement)
    result = build_site(tmp_path / "site", SITE_URL, root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/accessibility.yml:" in output and "conformance: 'full', but" in output
    assert f"'{what}'" in output


def test_the_dates_are_written_in_the_pages_language(built_site: BuiltSite) -> None:
    prepared = statement_data(built_site.project)["prepared"]
    for language in LANGUAGES.codes:
        article = read(built_site, statement_page(language, built_site.project)).article
        day = format_date(datetime.date.fromisoformat(prepared), "long", locale=language)
        assert day in article.text
