"""Topics from the start: `make new-article … TOPICS=a,b` writes them, refuses an unknown one, and an
article without topics is published but warned about (`make check-data`, exit status 0).

Every expectation is derived from a copy of the project: its topics (data/articles.yml), its people and
its article folder, never from today's content."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.frontmatter import split_front_matter
from project import Run, assemble_publication, collection_folder, microsite, person_ids, publication_data
from site_model import LANGUAGES

SLUG = "ein-neuer-artikel"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return assemble_publication(tmp_path / "project")


def topic_ids(project: Path) -> list[str]:
    return [topic["id"] for topic in publication_data("articles", project)["topics"]]


def new_article(project: Path, *topics: str) -> Run:
    arguments = ["new-article", SLUG, "--title", "Ein Titel", "--description", "Ein Satz.", "--author"]
    arguments.append(person_ids(project)[0])
    return microsite(*arguments, *(["--topics", ",".join(topics)] if topics else []), project=project)


def article_files(project: Path) -> dict[str, Path]:
    return {
        language: project / "docs" / language / collection_folder(project) / f"{SLUG}.md"
        for language in LANGUAGES.codes
    }


def front_matter(path: Path) -> dict:
    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def docs_of(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in (project / "docs").rglob("*")
        if path.is_file()
    }


def test_the_topics_named_are_written_in_every_language(project: Path) -> None:
    first, second = topic_ids(project)[:2]
    # As an editor may type them: spaces after commas, an id twice.
    result = new_article(project, first, f" {second}", first)
    assert result.returncode == 0, result.stderr
    for path in article_files(project).values():
        assert front_matter(path)["topics"] == [first, second]
    assert "no topics" not in result.stderr


def test_an_unknown_topic_is_refused_with_the_known_ones_and_nothing_is_written(project: Path) -> None:
    before = docs_of(project)
    result = new_article(project, topic_ids(project)[0], "no-such-topic")
    assert result.returncode == 2
    assert result.stderr.startswith("refused: 'no-such-topic' is not in data/articles.yml: make new-article … TOPICS=")
    assert f"({', '.join(topic_ids(project))})" in result.stderr
    assert "a new topic goes there first, with its id and its name in every language" in result.stderr
    assert docs_of(project) == before


def test_without_topics_the_article_is_written_and_the_editor_told(project: Path) -> None:
    result = new_article(project)
    assert result.returncode == 0, result.stderr
    for path in article_files(project).values():
        assert front_matter(path)["topics"] == []
    assert result.stderr.startswith("note: the article has no topics, so no topic page lists it")
    assert f"({', '.join(topic_ids(project))})" in result.stderr and "TOPICS=a,b" in result.stderr


def warning_line(project: Path) -> str:
    """The warning about the new article's missing topics, at its source's `topics:` line and value."""
    source = article_files(project)[LANGUAGES.source]
    lines = source.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines, start=1) if line.startswith("topics:"))
    column = lines[number - 1].index("[") + 1
    shown = source.relative_to(project).as_posix()
    return (
        f"{shown}:{number}:{column}: warning: topics: the article has no topics – add topic ids from data/articles.yml "
        f"so that readers find it on the topic pages: 'topics: [id, …]' in every language; known ids: "
        + ", ".join(topic_ids(project))
    )


def test_check_data_warns_about_an_article_without_topics_and_passes(project: Path) -> None:
    assert new_article(project).returncode == 0
    result = microsite("check-data", project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert warning_line(project) in result.stdout.splitlines()
    # Once per article: the translations give the same topics (an error otherwise), so only the source is named.
    translations = [path for language, path in article_files(project).items() if language != LANGUAGES.source]
    assert not any(path.relative_to(project).as_posix() in result.stdout for path in translations)
    assert "warning" in result.stderr and "no problems" in result.stderr
    github = microsite("check-data", "--format", "github", project=project)
    assert github.returncode == 0
    source = article_files(project)[LANGUAGES.source].relative_to(project).as_posix()
    assert f"::warning file={source},line=" in github.stdout
    # With a topic, the warning is gone.
    for path in article_files(project).values():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("topics: []", f"topics: [{topic_ids(project)[0]}]"), encoding="utf-8")
    assert warning_line(project).split(": warning:")[0] not in microsite("check-data", project=project).stdout


def test_a_warning_does_not_hide_an_error(project: Path) -> None:
    assert new_article(project).returncode == 0
    translation = next(path for language, path in article_files(project).items() if language != LANGUAGES.source)
    # A translation dated otherwise than its source: an error, about another file than the warning.
    day = front_matter(translation)["date"]
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace(f"date: {day}", "date: 1999-12-31", 1), encoding="utf-8")
    result = microsite("check-data", project=project)
    assert result.returncode == 1
    assert warning_line(project) in result.stdout.splitlines()
    assert "The articles' front matter has" in result.stderr and "warning" in result.stderr
