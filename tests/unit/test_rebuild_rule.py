"""Which pages a rebuild of the live preview renders again after an editor's save (rebuild_rule.py), on the
fixture publication, in-process: the pages that show what changed, and every page where the change is
shown everywhere (settings, templates, titles, the set of pages)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from microsite.articles.model import WORDS_PER_MINUTE, Article
from microsite.assemble import start_build
from microsite.page_map import card_view
from microsite.rebuild_rule import BuildInputs, Plan, build_inputs, plan_rebuild, read_sources
from mkdocs.config import load_config
from project import assemble_publication, collection_folder


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble_publication(tmp_path_factory.mktemp("publication"))


def article_at(project: Path, src_uri: str) -> Article:
    """The article at `src_uri` ('de/x/y.md') as `project` holds it now."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    language, path = src_uri.split("/", 1)
    return start_build(None, config, preview=True).publication.articles.article_at(language, path)


def reading_minutes(project: Path, src_uri: str) -> int:
    return article_at(project, src_uri).reading_minutes


def inputs_of(project: Path) -> BuildInputs:
    """What a preview's build of `project` makes its pages of, as the preview reads it."""
    sources = read_sources(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    return build_inputs(sources, start_build(None, config, preview=True).publication)


def test_a_preview_of_the_translation_alone_renders_its_page_when_the_source_changes(
    edited: Path, monkeypatch: pytest.MonkeyPatch
):
    """`make serve LANGUAGE=en`: the English page shows where its German source stands (its notice)."""
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    before = inputs_of(edited)
    source = article(edited, "de")
    append(edited / "docs" / source, "Nachtrag: ein Satz mehr.")
    after = inputs_of(edited)
    translation = "en/" + source.split("/", 1)[1]
    assert {page.language for page in after.pages.values()} == {"en"}
    assert translation in rendered(plan_rebuild(before, after), after)


@pytest.fixture(scope="module")
def before(project: Path) -> BuildInputs:
    return inputs_of(project)


@pytest.fixture
def edited(project: Path, tmp_path: Path) -> Path:
    """A copy of the project to edit."""
    return Path(shutil.copytree(project, tmp_path / "project", symlinks=True))


def rendered(plan: Plan, inputs: BuildInputs) -> set[str]:
    return {src_uri for src_uri in inputs.pages if plan.renders(src_uri)}


def listing_pages(project: Path, pages: set[str]) -> set[str]:
    """Of `pages`, the German pages that may list articles (the collection's folder, topics, authors)."""
    return {
        src_uri
        for src_uri in pages
        if src_uri.startswith(("de/topics/", "de/authors/", f"de/{collection_folder(project)}/"))
    }


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{text}\n", encoding="utf-8")


def article(project: Path, language: str) -> str:
    """The path below docs/ of an article that is neither the newest nor listed on the home page."""
    folder = project / "docs" / language / collection_folder(project)
    oldest = min((path for path in folder.glob("*.md") if path.name != "index.md"), key=_date)
    return oldest.relative_to(project / "docs").as_posix()


def _date(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("date:"))


def test_nothing_changed_keeps_every_page(project: Path, before: BuildInputs):
    plan = plan_rebuild(before, inputs_of(project))
    assert rendered(plan, before) == set()


def test_the_first_build_renders_every_page(before: BuildInputs):
    assert rendered(plan_rebuild(None, before), before) == set(before.pages)


def test_a_body_text_edit_renders_the_article_and_its_translation_and_keeps_the_pages_that_list_it(
    edited: Path, before: BuildInputs
):
    """The lists' cards show the article's front matter and reading time, which a sentence more leaves."""
    source = article(edited, "de")
    minutes = reading_minutes(edited, source)
    append(edited / "docs" / source, "Nachtrag: ein Satz mehr.")
    assert reading_minutes(edited, source) == minutes, "the sentence leaves the article's reading time"
    after = inputs_of(edited)
    plan = plan_rebuild(before, after)
    pages = rendered(plan, after)
    assert {source, "en/" + source.split("/", 1)[1]} <= pages
    assert listing_pages(edited, pages) == {source}, "no page that lists the article is rendered again"
    assert plan.reason == f"docs/{source} changed"


def test_a_body_text_edit_that_changes_the_reading_time_renders_the_pages_that_list_it(
    edited: Path, before: BuildInputs
):
    source = article(edited, "de")
    card = card_view(article_at(edited, source))
    listing = {src_uri for src_uri, page in before.pages.items() if card in page.cards}
    assert len(listing) >= 3, "the fixture lists the article on its index, topic and author pages"
    minutes = reading_minutes(edited, source)
    append(edited / "docs" / source, " ".join(["Wort"] * WORDS_PER_MINUTE))
    assert reading_minutes(edited, source) == minutes + 1
    after = inputs_of(edited)
    pages = rendered(plan_rebuild(before, after), after)
    assert listing <= pages
    assert "de/impressum.md" not in pages and "en/chronik.md" not in pages
    assert len(pages) < len(after.pages)


def test_a_data_text_edit_renders_the_pages_that_show_the_data(edited: Path, before: BuildInputs):
    timeline = edited / "data" / "timeline.yml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("      en: Ahornfeld and", "      en: Ahornfeld, Lower Saxony, and", 1))
    after = inputs_of(edited)
    pages = rendered(plan_rebuild(before, after), after)
    assert {"de/chronik.md", "en/chronik.md"} <= pages
    assert "de/impressum.md" not in pages
    assert not any(src_uri.startswith(f"de/{collection_folder(edited)}/") for src_uri in pages)


@pytest.mark.parametrize("change", ["title", "front matter", "settings", "template", "added", "removed"])
def test_what_every_page_shows_renders_every_page(edited: Path, before: BuildInputs, change: str):
    source = edited / "docs" / article(edited, "en")
    text = source.read_text(encoding="utf-8")
    if change == "title":
        heading = next(line for line in text.splitlines() if line.startswith("# "))
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        source.write_text(text.replace(heading, heading + " Revisited").replace(title, title + " Revisited"))
    elif change == "front matter":
        source.write_text(text.replace("\ndescription: ", "\ndescription: Revisited: ", 1))
    elif change == "settings":
        append(edited / "mkdocs.yml", "# a comment")
    elif change == "template":
        template = next((edited / "overrides").rglob("*.html"))
        append(template, "{# a comment #}")
    elif change == "added":
        (edited / "docs" / "en" / "notes.md").write_text("# Notes\n\nA page more.\n", encoding="utf-8")
    else:
        (edited / "docs" / "en" / "impressum.md").unlink()
    after = inputs_of(edited)
    plan = plan_rebuild(before, after)
    assert rendered(plan, after) == set(after.pages), plan.reason


def status_pages(inputs: BuildInputs) -> set[str]:
    """The pages that report where translations stand (each language's status page)."""
    return {src_uri for src_uri, page in inputs.pages.items() if page.reports}


def test_a_translation_edit_that_leaves_every_pair_where_it_stood_keeps_the_status_pages(
    edited: Path, before: BuildInputs
):
    translation = article(edited, "en")
    append(edited / "docs" / translation, "Postscript: one sentence more.")
    after = inputs_of(edited)
    pages = rendered(plan_rebuild(before, after), after)
    assert translation in pages
    assert status_pages(after) == status_pages(before) != set()
    assert not status_pages(after) & pages, pages


def test_a_source_edit_that_leaves_its_translation_behind_renders_the_status_pages(edited: Path, before: BuildInputs):
    source = article(edited, "de")
    append(edited / "docs" / source, "Nachtrag: ein Satz mehr.")
    after = inputs_of(edited)
    path = source.split("/", 1)[1]
    states = [
        {(pair.language, pair.state) for page in inputs.pages.values() for pair in page.reports if pair.path == path}
        for inputs in (before, after)
    ]
    assert states[0] != states[1]
    assert status_pages(after) <= rendered(plan_rebuild(before, after), after)
