"""The publication a build assembles before it renders (assemble.py): every page's address and the sources it
shows, on the fixture publication, in-process; and that nothing can change it once assembled."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from microsite.assemble import start_build
from microsite.page_map import card_view
from microsite.publication import Publication
from mkdocs.config import load_config
from project import assemble_publication


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble_publication(tmp_path_factory.mktemp("publication"))


@pytest.fixture(scope="module")
def publication(project: Path) -> Publication:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    return start_build(None, config, preview=False).publication


def data_file(project: Path, name: str) -> dict:
    return yaml.safe_load((project / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def written_pages(project: Path, language: str) -> set[str]:
    folder = project / "docs" / language
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def test_the_index_pages_of_a_language_show_every_article_written_in_it(project: Path, publication: Publication):
    articles = data_file(project, "articles")
    folder = articles["page_folder"]
    for language in publication.languages.codes:
        article_files = {
            f"docs/{language}/{folder}/{path.name}"
            for path in (project / "docs" / language / folder).glob("*.md")
            if path.name != "index.md"
        }
        index_pages = [
            page
            for page in publication.pages.values()
            if page.language == language
            and page.path.startswith(f"{folder}/")
            and _is_index_page_name(page.path.removeprefix(f"{folder}/").removesuffix(".md"))
        ]
        assert len(index_pages) == -(-len(article_files) // articles["per_page"])
        written = publication.articles.of(language)
        assert {f"docs/{language}/{article.path}" for article in written} == article_files
        # What an index page shows of an article is its card, not its file (page_map.card_view).
        shown = [card for page in index_pages for card in page.cards]
        assert [article.path for article in written if card_view(article) not in shown] == []
        assert all("data/articles.yml" in page.sources for page in index_pages)


def _is_index_page_name(name: str) -> bool:
    """The index's first page, or one of its further pages ('2', '3', …)."""
    return name == "index" or name.isdigit()


def test_a_partnership_page_shows_the_partnership_data(project: Path, publication: Publication) -> None:
    partnerships = data_file(project, "partnerships")
    for language in publication.languages.codes:
        for record in partnerships["partnerships"]:
            page = publication.pages[f"{language}/{partnerships['page_folder']}/{record['id']}.md"]
            assert "data/partnerships.yml" in page.sources
            assert (
                page.address
                == f"{publication.languages.root(language)}{partnerships['page_folder']}/{record['id']}.html"
            )


def test_the_status_pages_report_every_translated_pair_by_where_it_stands(
    project: Path, publication: Publication
) -> None:
    settings = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    status_page = settings["extra"]["translation_policy"]["status_page"]
    source = publication.languages.source
    for translation in publication.languages.translations:
        pairs = written_pages(project, source) & written_pages(project, translation)
        for language in (source, translation):
            page = publication.pages[f"{language}/{status_page}"]
            reported = {(report.language, report.path) for report in page.reports}
            assert {(translation, path) for path in pairs} <= reported
            # What it shows of a pair is where the pair stands, not its text: a body-text edit that leaves
            # every pair where it stood does not render the status page again (rebuild_rule.py).
            assert not {f"docs/{translation}/{path}" for path in pairs} & page.sources


def test_the_assembled_publication_cannot_be_changed(publication: Publication) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        publication.translations = None
    with pytest.raises(TypeError):
        publication.pages["de/index.md"] = publication.pages["en/index.md"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        publication.pages["de/index.md"].sources = frozenset()
