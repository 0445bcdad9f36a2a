"""The sitemaps as a search engine reads them: each page's alternates end with x-default, and each entry is
dated by its page's last real change (an article's front matter, a file's last commit, else the day it was
saved), never by the day of the build, and without `changefreq`. What is expected comes from the
publication's files and the history a test gives them."""

from __future__ import annotations

import datetime
import os
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from project import assemble_publication, build_site, build_site_in_new_process
from site_model import LANGUAGES, BuiltSite, built_path, collection_of

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_dates(site_root: Path, site_url: str, folder: str = "") -> dict[str, str | None]:
    """Site path → lastmod of every entry of the folder's sitemap."""
    root = ElementTree.parse(site_root / folder / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS).removeprefix(site_url): url.findtext("s:lastmod", None, SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }


def sitemap_folders(site_root: Path) -> list[Path]:
    return sorted(path.parent for path in site_root.rglob("sitemap.xml"))


def test_no_sitemap_says_how_often_pages_change(built_site: BuiltSite) -> None:
    for folder in sitemap_folders(built_site.root):
        text = (folder / "sitemap.xml").read_text(encoding="utf-8")
        assert "changefreq" not in text, folder


def test_every_entry_names_the_source_language_page_as_x_default(built_site: BuiltSite) -> None:
    for folder in sitemap_folders(built_site.root):
        for loc, alternates in built_site.sitemap_entries(str(folder.relative_to(built_site.root))).items():
            if LANGUAGES.source in alternates:
                assert alternates["x-default"] == alternates[LANGUAGES.source], loc
            else:
                assert "x-default" not in alternates, loc


def test_article_and_topic_pages_are_dated_by_their_articles(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    dates = sitemap_dates(built_site.root, built_site.site_url)
    for language in LANGUAGES.codes:
        for article in collection.of(language):
            assert dates[built_path(article.path, language)] == (article.updated or article.date).isoformat()
        for topic in collection.topics:
            listed = collection.with_topic(language, topic)
            if listed:
                newest = max(article.updated or article.date for article in listed)
                assert dates[built_path(collection.settings.topic_path(topic), language)] == newest.isoformat()


def git(project: Path, *arguments: str, day: str = "2021-03-04") -> None:
    moment = f"{day}T12:00:00+00:00"
    identity = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    environment = {**os.environ, **identity, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-C", str(project), *arguments],
        env=environment,
        check=True,
        capture_output=True,
    )


def test_pages_are_dated_by_their_history_and_two_builds_say_the_same(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first")
    source, translation = LANGUAGES.source, next(code for code in LANGUAGES.codes if code != LANGUAGES.source)
    # A later commit changes one written page; a change not committed yet is dated by its file.
    edited = project / "docs" / source / "impressum.md"
    edited.write_text(edited.read_text(encoding="utf-8").rstrip() + " Ergänzt.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "second", day="2022-05-06")
    saved = project / "docs" / translation / "datenschutz.md"
    saved.write_text(saved.read_text(encoding="utf-8").rstrip() + " Amended.\n", encoding="utf-8")
    saved_on = datetime.datetime(2023, 7, 8, 12, tzinfo=datetime.UTC).timestamp()
    os.utime(saved, (saved_on, saved_on))

    site_url = "https://example.org/publication/"
    # The second in a process of its own: what one process keeps, or the order of its sets, does not decide.
    first = build_site(tmp_path / "first", site_url, config_file=project / "mkdocs.yml")
    second = build_site_in_new_process(tmp_path / "second", site_url, config_file=project / "mkdocs.yml")
    for result in (first, second):
        assert result.returncode == 0, result.stdout + result.stderr
    builds = [tmp_path / "first", tmp_path / "second"]

    dates = sitemap_dates(builds[0], site_url)
    assert dates[built_path("impressum.md", source)] == "2022-05-06"
    assert dates[built_path("impressum.md", translation)] == "2021-03-04"
    assert dates[built_path("datenschutz.md", translation)] == "2023-07-08"
    collection = collection_of(project)
    article_days = {
        (article.updated or article.date).isoformat() for code in LANGUAGES.codes for article in collection.of(code)
    }
    today = datetime.date.today().isoformat()
    for path, day in dates.items():
        # Each page is dated by the files it shows: the two commits, the saved file, or its articles.
        assert day in {"2021-03-04", "2022-05-06", "2023-07-08", *article_days} - {today, None}, path
    for folder in sitemap_folders(builds[0]):
        relative = folder.relative_to(builds[0])
        assert (folder / "sitemap.xml").read_bytes() == (builds[1] / relative / "sitemap.xml").read_bytes(), relative
