"""What the collection is made of: articles as the build uses them, and the collection's settings."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

# Reading speed for the "n min read" of each card: a common figure for non-fiction on a screen.
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class FirstPublication:
    name: str
    date: datetime.date
    url: str | None


@dataclass(frozen=True)
class Article:
    slug: str
    language: str
    # The page's path below its language folder: `<page_folder>/<slug>.md`.
    path: str
    title: str
    description: str
    date: datetime.date
    updated: datetime.date | None
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    first_published: FirstPublication | None
    image: dict | None
    moved_from: tuple[str, ...]
    words: int

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))

    @property
    def last_change(self) -> datetime.date:
        return self.updated or self.date


@dataclass(frozen=True)
class Settings:
    """data/articles.yml without its topics."""

    page_folder: str
    per_page: int
    on_home_page: int
    topic_folder: str
    author_folder: str

    def index_path(self, page_number: int) -> str:
        """The index page's path below the language folder: `<page_folder>/index.md`, then `…/2.md`."""
        return f"{self.page_folder}/index.md" if page_number == 1 else f"{self.page_folder}/{page_number}.md"

    def topic_path(self, topic_id: str) -> str:
        return f"{self.topic_folder}/{topic_id}.md"

    def author_path(self, person_id: str) -> str:
        return f"{self.author_folder}/{person_id}.md"
