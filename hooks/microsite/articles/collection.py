"""The article collection: every `docs/<language>/<page_folder>/<name>.md`, its front matter checked.

Read once per build, before MkDocs reads any page, from the files themselves: the index, the topic and
author pages, the feeds and the navigation all need every article of every language, which one
language build of MkDocs never has. Articles are ordered newest first.
"""

from __future__ import annotations

import datetime
import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..frontmatter import split_front_matter
from ..languages import Languages
from ..page_files import serving_file
from ..symbolic_links import followable_entries
from . import pictures
from .front_matter import ArticleFile, read_article
from .model import Article, Settings


@dataclass
class Collection:
    settings: Settings
    # Per language, newest first.
    articles: dict[str, list[Article]]
    # Topic id → name per language, in the order of data/articles.yml.
    topics: dict[str, dict[str, str]]
    # The index page's title per language, for the titles of its further pages.
    index_titles: dict[str, str]
    # Every article file per language as editors know it ('docs/en/artikel/x.md'), those that cannot be
    # in the collection included: the index lists their problems in the live preview.
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, language: str) -> list[Article]:
        return self.articles.get(language, [])

    def index_pages(self, language: str) -> list[list[Article]]:
        """The articles of each page of the index; one (empty) page when there are none."""
        articles, size = self.of(language), self.settings.per_page
        return [articles[start : start + size] for start in range(0, len(articles), size)] or [[]]

    def with_topic(self, language: str, topic_id: str) -> list[Article]:
        return [article for article in self.of(language) if topic_id in article.topics]

    def by_author(self, language: str, person_id: str) -> list[Article]:
        return [article for article in self.of(language) if person_id in article.authors]

    def authors(self, language: str) -> list[str]:
        """Everyone who wrote an article in this language, in the order they first appear."""
        return list(dict.fromkeys(person for article in self.of(language) for person in article.authors))

    @functools.cached_property
    def _by_path(self) -> dict[tuple[str, str], int]:
        return {
            (language, article.path): position
            for language, articles in self.articles.items()
            for position, article in enumerate(articles)
        }

    def article_at(self, language: str, path: str) -> Article | None:
        position = self._by_path.get((language, path))
        return None if position is None else self.articles[language][position]

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The article published before this one and the one published after it, in its language."""
        articles = self.articles[article.language]
        position = self._by_path[(article.language, article.path)]
        older = articles[position + 1] if position + 1 < len(articles) else None
        newer = articles[position - 1] if position > 0 else None
        return older, newer

    def listed_elsewhere(self, path: str) -> bool:
        """Pages the navigation leaves out, however many there are: the articles, the index's further
        pages, and the topic and author pages. Reached from the index, the home page and each other."""
        folders = (self.settings.page_folder, self.settings.topic_folder, self.settings.author_folder)
        return any(path.startswith(f"{folder}/") and path != f"{folder}/index.md" for folder in folders)


def image_path(page_folder: str, src: str) -> str:
    """An article's picture as a path below its language folder (`src` is relative to the article)."""
    return posixpath.normpath(posixpath.join(page_folder, src))


def newest_first(article: Article) -> tuple:
    return (-article.date.toordinal(), article.slug)


def read_collection(
    docs_dir: Path,
    languages: Languages,
    data: dict,
    display_root: Path,
    *,
    unusable: Iterable[str] = (),
    today: datetime.date | None = None,
    allowed: frozenset[str] = frozenset(),
) -> tuple[Collection | None, list[Finding]]:
    """The collection and its findings (errors, and warnings about what is allowed but likely a slip: an
    article without topics); None without data/articles.yml. `unusable`: the data files that exist but
    that the live preview cannot use (the findings name their problems, not the articles').

    Every article with a file name that can be an address is in the collection, whatever its findings:
    a strict build stops on them, and the live preview goes on with what of its front matter is right
    (`ArticleFile.article`, dated `today` where its date is wrong), so that it stays in the lists it
    belongs to while an editor corrects it. `allowed`: the invisible characters the publication allows in
    its texts (allowed_characters.py)."""
    content = data.get("articles")
    if content is None:
        return None, []
    settings = Settings(**{key: value for key, value in content.items() if key != "topics"})
    topics = {topic["id"]: topic["name"] for topic in content["topics"]}
    people = {person["id"] for person in (data.get("people") or {}).get("people", [])}
    files: dict[str, list[ArticleFile]] = {}
    index_titles: dict[str, str] = {}
    for language in languages.codes:
        folder = docs_dir / language / settings.page_folder
        paths = sorted(Path(entry.path) for entry in followable_entries(folder, docs_dir, ".md", below=False))
        files[language] = [
            read_article(path, language, settings.page_folder, display_root, allowed)
            for path in paths
            if path.name != "index.md"
        ]
        index_titles[language] = _index_title(folder / "index.md") or settings.page_folder
    findings = [finding for language in languages.codes for file in files[language] for finding in file.findings]
    # A person of a data file that cannot be used is no mistake of the article's: that file's findings say why.
    known_people = None if "people" in unusable else people
    findings += [
        finding
        for language in languages.codes
        for file in files[language]
        for finding in file.check_references(known_people, topics)
    ]
    findings += _check_same_in_every_language(files, languages)
    findings += _check_files_named(files, languages, docs_dir, settings.page_folder, display_root)
    # Topics are the same in every language: one warning per article, at its source.
    findings += [finding for file in files[languages.source] if file.valid for finding in file.check_has_topics(topics)]
    day = today or datetime.date.today()
    articles = {
        language: sorted(
            (file.article(people, topics, day) for file in files[language] if file.has_valid_name), key=newest_first
        )
        for language in languages.codes
    }
    sources = {language: tuple(file.data.display_path for file in files[language]) for language in languages.codes}
    return Collection(settings, articles, topics, index_titles, sources), findings


def _check_files_named(
    files: dict[str, list[ArticleFile]], languages: Languages, docs_dir: Path, page_folder: str, project: Path
) -> list[Finding]:
    """An old address must be free, and a picture must be there: next to the article, or for a translation
    next to its source (page_files.py), as the build serves it."""
    findings = []
    for language in languages.codes:
        for file in (file for file in files[language] if file.has_front_matter):
            for index, old in enumerate(file.front_matter.get("moved_from", []) if file.is_right("moved_from") else []):
                if (docs_dir / language / old).exists():
                    message = f"docs/{language}/{old} is a page of the site – an old address must be free: "
                    findings.append(
                        file.finding(("moved_from", index), message + "remove it here, or delete that page")
                    )
                    file.wrong_fields.add("moved_from")
            if "image" in file.front_matter and file.is_right("image"):
                picture = image_path(page_folder, file.front_matter["image"]["src"])
                served = serving_file(docs_dir, languages, language, picture, project)
                problem = (
                    _no_picture(languages, language, picture)
                    if served is None
                    else _unreadable_picture(served, docs_dir, project)
                )
                if problem:
                    findings.append(file.finding(("image", "src"), problem))
                    file.wrong_fields.add("image")
    return findings


def _unreadable_picture(path: Path, docs_dir: Path, project: Path) -> str | None:
    """Why the build cannot make the picture's sizes (pictures.py), in words with what to do."""
    reason = pictures.unreadable_reason(path, project)
    if reason is None:
        return None
    shown = f"docs/{path.relative_to(docs_dir).as_posix()}"
    return f"{shown} cannot be shown: {reason} – save the picture again as JPEG, PNG or WebP, or correct the path"


def _no_picture(languages: Languages, language: str, picture: str) -> str:
    source = languages.source
    if language == source:
        return f"there is no picture docs/{source}/{picture} – put it there, or correct the path"
    return (
        f"there is no picture docs/{language}/{picture}, nor docs/{source}/{picture} – put it next to the "
        f"{Languages.name(source)} article, at docs/{source}/{picture} (it then serves every language), "
        "or correct the path"
    )


def _index_title(path: Path) -> str | None:
    try:
        front_matter, _ = split_front_matter(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    title = front_matter.get("title")
    return str(title) if title else None


def _check_same_in_every_language(files: dict[str, list[ArticleFile]], languages: Languages) -> list[Finding]:
    """Dates, authors, topics and old addresses are facts about the article, not words: a translation
    must give the same as its source."""
    sources = {file.slug: file for file in files[languages.source] if file.valid}
    findings = []
    for language in languages.translations:
        for file in files[language]:
            source = sources.get(file.slug)
            if file.valid and source is not None:
                findings += file.check_same_facts(source)
    return findings
