"""A lagging translation as its readers meet it, in a project with git history: the notice on the page
and each language's status page, from a source change until `translated` records the translation
in step again; and the status page's place in the site (the footer, not the menu).

The page is chosen from the project, not named: the first source page with a current translation and
a paragraph under a section heading. Only words in that paragraph change, so that the pages keep
their structure and `translated` accepts the translation as it is.
"""

from __future__ import annotations

import datetime
import os
import posixpath
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from babel.dates import format_date
from microsite import parity
from microsite.parity.page_reader import parse_text
from microsite.parity.pages import Page
from microsite.parity.status import State
from project import SUB_PATH, assemble_publication, build_site, microsite
from site_model import LANGUAGES, BuiltSite, built_path, label, status_pages

SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"
TRANSLATED_ON = datetime.date(2024, 1, 10)
CHANGED_ON = datetime.date(2024, 3, 15)


def git(project: Path, *args: str, day: datetime.date) -> None:
    moment = f"{day.isoformat()}T12:00:00+00:00"
    subprocess.run(
        ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@localhost", *args],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment},
    )


def commit(project: Path, message: str, day: datetime.date) -> None:
    git(project, "add", "-A", day=day)
    git(project, "commit", "-qm", message, day=day)


def parsed(project: Path, language: str, path: str) -> Page:
    shown = f"docs/{language}/{path}"
    return parse_text((project / shown).read_text(encoding="utf-8"), project / shown, shown, language)


def headings(page: Page) -> list:
    return [block for block in page.blocks if block.kind == "heading"]


def page_to_change(project: Path, language: str) -> tuple[str, int, int]:
    """The first source page whose translation into `language` is current and that has a paragraph under
    a section heading: its path, that paragraph's line and the heading's place among the page's headings."""
    translations = parity.check_project(project, trust_verified=True).translations
    source_folder = project / "docs" / LANGUAGES.source
    for file in sorted(source_folder.rglob("*.md")):
        path = file.relative_to(source_folder).as_posix()
        translation = translations.page(language, path)
        if translation is None or translation.state is not State.CURRENT:
            continue
        source, heading = parsed(project, LANGUAGES.source, path), None
        for block in source.blocks:
            if block.kind == "heading":
                heading = block if block.heading_level > 1 else None
            elif block.kind == "paragraph" and heading is not None and block.prose:
                return path, block.line, headings(source).index(heading)
    raise AssertionError("no source page with a current translation and a paragraph under a section heading")


def change_words(project: Path, path: str, line: int) -> None:
    """New words at the start of the paragraph at `line`: its structure, numbers and links stay."""
    file = project / "docs" / LANGUAGES.source / path
    lines = file.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = "Inzwischen ergänzt: " + lines[line - 1]
    file.write_text("\n".join(lines), encoding="utf-8")


def built(project: Path, destination: Path) -> BuiltSite:
    result = build_site(destination, SITE_URL, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=SITE_URL, log=result.stdout + result.stderr, project=project)


def resolved(page: str, href: str) -> str:
    """A link's target as a site path, from the page it is on."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.partition("#")[0]))


class Regions(HTMLParser):
    """What a page shows of the translations: the notice, the status page's share and table rows (their
    text and links), and the id of each section heading by its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notices: list[dict] = []
        self.shares: list[dict] = []
        self.rows: list[dict] = []
        self.footer_links: list[str] = []
        self.menu_links: list[str] = []
        self.headings: dict[str, str] = {}
        self._open: list[tuple[str, dict]] = []
        self._heading: tuple[str, dict] | None = None
        self._in_footer = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        region = None
        if tag == "aside" and "translation-notice" in classes:
            region = self.notices
        elif tag == "p" and "translation-status__share" in classes:
            region = self.shares
        elif tag == "tr":
            region = self.rows
        if region is not None:
            region.append({"attrs": attributes, "text": "", "links": []})
            self._open.append((tag, region[-1]))
        elif tag == "a" and self._open:
            self._open[-1][1]["links"].append(attributes)
        elif tag in ("br", "li", "td", "th") and self._open:
            self._open[-1][1]["text"] += " "
        if tag in ("h2", "h3", "h4", "h5", "h6") and "id" in attributes:
            self._heading = (attributes["id"], {"text": ""})
        if tag == "a" and "md-nav__link" in classes:
            self.menu_links.append(attributes["href"])
        if tag == "div" and ("md-copyright" in classes or self._in_footer):
            self._in_footer += 1
        if tag == "a" and self._in_footer:
            self.footer_links.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            self._open.pop()
        if self._heading and tag in ("h2", "h3", "h4", "h5", "h6"):
            self.headings[" ".join(self._heading[1]["text"].split())] = self._heading[0]
            self._heading = None
        if tag == "div" and self._in_footer:
            self._in_footer -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1]["text"] += data
        if self._heading:
            self._heading[1]["text"] += data


def regions(site: BuiltSite, page: str) -> Regions:
    reader = Regions()
    reader.feed((site.root / page).read_text(encoding="utf-8"))
    for region in (*reader.notices, *reader.shares, *reader.rows):
        region["text"] = " ".join(region["text"].split())
    return reader


def status_row(site: BuiltSite, status_page: str, page: str) -> str:
    """The text of the status page's row that links to `page`."""
    rows = regions(site, status_page).rows
    return next(row["text"] for row in rows if any(resolved(status_page, a["href"]) == page for a in row["links"]))


def share(site: BuiltSite, status_page: str) -> str:
    [only] = regions(site, status_page).shares
    return only["text"]


def test_an_outdated_translation_has_a_notice_and_is_listed_until_it_is_translated(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    language = LANGUAGES.translations[0]
    path, line, heading_index = page_to_change(project, language)
    git(project, "init", "-q", day=TRANSLATED_ON)
    commit(project, "translated", TRANSLATED_ON)
    change_words(project, path, line)
    commit(project, "the source changed", CHANGED_ON)

    site = built(project, tmp_path / "outdated")
    source_page, translation_page = built_path(path, LANGUAGES.source), built_path(path, language)
    translation = regions(site, translation_page)
    [notice] = translation.notices
    assert notice["attrs"]["role"] == "note" and notice["attrs"]["aria-label"]
    assert "data-search-exclude" in notice["attrs"]
    assert format_date(CHANGED_ON, "long", locale=language) in notice["text"]
    # The changed section, named and linked as the translation calls it.
    section = " ".join(headings(parsed(project, language, path))[heading_index].heading_text.split())
    in_page = [a["href"] for a in notice["links"] if a["href"].startswith("#")]
    assert in_page == [f"#{translation.headings[section]}"]
    assert section in notice["text"]
    originals = [a for a in notice["links"] if a.get("hreflang") == LANGUAGES.source]
    assert [resolved(translation_page, a["href"]) for a in originals] == [source_page]
    assert not regions(site, source_page).notices

    # Each status page says it in its own language: "outdated since <the change's date>".
    for status_page in status_pages(project):
        code = LANGUAGES.of_path(status_page)
        row = status_row(site, status_page, translation_page)
        outdated = label(code, "translation_status.outdated_since", date=format_date(CHANGED_ON, "long", locale=code))
        assert outdated in row, row
        assert section in row
    shares_before = {page: share(site, page) for page in status_pages(project)}

    result = microsite("translated", f"docs/{language}/{path}", project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = built(project, tmp_path / "translated")
    assert not regions(site, translation_page).notices
    for status_page in status_pages(project):
        current = label(LANGUAGES.of_path(status_page), "translation_status.current")
        assert status_row(site, status_page, translation_page).endswith(current)
        assert share(site, status_page) != shares_before[status_page]


def test_every_page_links_its_languages_status_page_from_the_footer_not_the_menu(built_site: BuiltSite) -> None:
    pages = {LANGUAGES.of_path(page): page for page in status_pages(built_site.project)}
    assert set(pages.values()) <= set(built_site.content_paths())
    for page in built_site.content_paths():
        status_page = pages[LANGUAGES.of_path(page)]
        found = regions(built_site, page)
        assert [resolved(page, href) for href in found.footer_links][-1] == status_page, page
        assert status_page not in [resolved(page, href) for href in found.menu_links], page


def test_searching_never_finds_the_status_pages(built_site: BuiltSite) -> None:
    """A list of every page's title would answer every search, and would grow the index readers download."""
    for page in status_pages(built_site.project):
        language = LANGUAGES.of_path(page)
        # Each language's index gives addresses below its language's folder.
        location = page.removeprefix(LANGUAGES.root(language))
        index = built_site.search_index(language)
        assert not [doc for doc in index["docs"] if doc["location"].split("#")[0] == location], page
