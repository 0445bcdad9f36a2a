"""One article's file: its front matter read with the line of every field, checked against
article.schema.json and against the data it names, with findings an editor can act on."""

from __future__ import annotations

import datetime
import functools
import json
from dataclasses import replace
from pathlib import Path

from jsonschema import Draft202012Validator

from ..content_cache import KeptResults, content_key
from ..data.checks import check_hidden_characters
from ..data.explain import explain
from ..data.yaml_positions import DataFile, FieldPath, parse_yaml
from ..findings import Finding
from ..frontmatter import CHECK as FRONT_MATTER
from ..frontmatter import NO_CLOSING_FENCE, UnclosedFrontMatter, front_matter_lines
from ..languages import Languages
from ..pasted_text import invisible_character_problem, plain_text
from ..scaffold import NAME
from ..text_files import UnreadableText, read_utf8, unified_line_endings, utf8_text
from .model import Article, FirstPublication

SCHEMA = Path(__file__).with_name("article.schema.json")
# Facts about the article rather than words: the same in every language.
LANGUAGE_NEUTRAL: tuple[FieldPath, ...] = (
    ("date",),
    ("updated",),
    ("authors",),
    ("topics",),
    ("first_published", "date"),
    ("first_published", "url"),
    ("image", "src"),
    ("moved_from",),
)


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


class ArticleFile:
    """An article's Markdown file: `valid` once its front matter passed every check of the file alone."""

    def __init__(self, path: Path, language: str, display_path: str) -> None:
        self.path, self.language, self.slug = path, language, path.stem
        self.page_folder = ""
        self.data = DataFile(name="article", display_path=display_path)
        self.findings: list[Finding] = []
        # For the reading time, an estimate: what whitespace separates in the text (Markdown marks counted too).
        self.words = 0
        # The fields whose value is wrong (the schema's or the days' findings name them): what the preview
        # leaves out of the article until they are fixed.
        self.wrong_fields: set[str] = set()

    @property
    def has_front_matter(self) -> bool:
        """Whether the front matter could be read as fields, right or wrong."""
        return self.data.parsed and isinstance(self.front_matter, dict)

    def is_right(self, field: str) -> bool:
        """Whether the field's value is of the right kind (or the field is not there)."""
        return self.has_front_matter and field not in self.wrong_fields

    @property
    def has_valid_name(self) -> bool:
        """Whether the file name can be an article's address: no other page's (the index's numbers)."""
        return bool(NAME.match(self.slug)) and not self.slug.isdigit()

    @property
    def valid(self) -> bool:
        return self.data.valid

    @property
    def front_matter(self) -> dict:
        return self.data.content

    def finding(self, path: FieldPath, message: str) -> Finding:
        return self.data.finding(path, message)

    def read(self, page_folder: str, allowed: frozenset[str] = frozenset(), content: bytes | None = None) -> None:
        """Read and check the file; `allowed`: the invisible characters the publication allows in its texts
        (allowed_characters.py); `content`: the file's bytes, where they were read already."""
        self.page_folder = page_folder
        try:
            text = unified_line_endings(read_utf8(self.path) if content is None else utf8_text(content))
        except UnreadableText as error:
            self.findings.append(self.data.file_finding(f"cannot read the page: {error.reason}", error.line))
            return
        front_matter = self._split(text)
        if front_matter is None:
            return
        self.findings += parse_yaml(front_matter, self.data, syntax_check=FRONT_MATTER)
        if not self.data.parsed:
            return
        if not isinstance(self.front_matter, dict):
            self.findings.append(self.data.file_finding("the front matter must be fields ('title: …' lines)", 2))
            return
        errors = sorted(_validator().iter_errors(self.front_matter), key=lambda e: list(map(str, e.absolute_path)))
        self.findings += [
            finding for error in errors for finding in explain(error, self.data, Languages((self.language,)))
        ]
        self.wrong_fields = {str(error.absolute_path[0]) for error in errors if error.absolute_path}
        self.findings += check_hidden_characters(self.data, allowed, {tuple(error.absolute_path) for error in errors})
        self.findings += self._check_name(page_folder) + self._check_days()
        self.data.valid = not self.findings

    def _split(self, text: str) -> str | None:
        """The front matter with the line numbers of the file: its opening `---` becomes an empty line."""
        try:
            split = front_matter_lines(text)
        except UnclosedFrontMatter:
            self.findings.append(self.data.file_finding(NO_CLOSING_FENCE, check=FRONT_MATTER))
            return None
        if split is None:
            message = "an article starts with its front matter – add a '---' line, the fields (title, description, "
            self.findings.append(
                self.data.file_finding(message + "date, authors), and another '---' line above the text")
            )
            return None
        front_matter, body = split
        self.words = len(body.split())
        return front_matter

    def _check_name(self, page_folder: str) -> list[Finding]:
        if self.has_valid_name:
            return []
        todo = "rename the file in every language"
        invisible = invisible_character_problem(self.slug, "file name", todo)
        if invisible is not None:
            return [self.data.file_finding(invisible)]
        reason = "only digits are the index's page numbers" if self.slug.isdigit() else "use lowercase letters, "
        reason += "" if self.slug.isdigit() else "digits and single hyphens (no umlauts, spaces or capitals)"
        message = f"'{self.slug}.md' cannot be an article's file name: {reason} – rename the file in every language"
        return [self.data.file_finding(message)]

    def _check_days(self) -> list[Finding]:
        """Real days, the update after the first publication; a value of the wrong kind has its message
        already, so only well-formed days are checked."""
        findings = []
        for path in (("date",), ("updated",), ("first_published", "date")):
            value = _get(self.front_matter, path)
            if path[0] not in self.wrong_fields and value is not None and _day(value) is None:
                findings.append(self.finding(path, f"impossible date {value!r} – there is no such day"))
                self.wrong_fields.add(path[0])
        published, updated = (_day(self.front_matter.get(name)) for name in ("date", "updated"))
        if published and updated and updated < published:
            message = f"the update ({updated}) is before the first publication ({published}) – correct one of them"
            findings.append(self.finding(("updated",), message))
            self.wrong_fields.add("updated")
        return findings

    def check_references(self, people: set[str] | None, topics: dict[str, dict]) -> list[Finding]:
        """Every author in data/people.yml (unless that file cannot be used: `people` None), every topic in
        data/articles.yml; a list of the wrong kind has its message already."""
        findings = []
        for field, known, where in (("authors", people, "data/people.yml"), ("topics", topics, "data/articles.yml")):
            if known is None or not self.is_right(field):
                continue
            for index, value in enumerate(self.front_matter.get(field, [])):
                if value not in known:
                    choices = ", ".join(sorted(known)) or "none yet"
                    message = f"no {field[:-1]} {value!r} in {where} – use one of: {choices} (or add it there)"
                    findings.append(self.finding((field, index), message))
        return findings

    def check_has_topics(self, topics: dict[str, dict]) -> list[Finding]:
        """A warning, not an error: an article without topics is published, but on no topic page."""
        if self.front_matter.get("topics"):
            return []
        known = ", ".join(topics) or "none yet – add one there first, with its name in every language"
        message = (
            "the article has no topics – add topic ids from data/articles.yml so that readers find it on the topic "
            f"pages: 'topics: [id, …]' in every language; known ids: {known}"
        )
        return [replace(self.finding(("topics",), message), level="warning")]

    def check_same_facts(self, source: ArticleFile) -> list[Finding]:
        findings = []
        for path in LANGUAGE_NEUTRAL:
            mine, theirs = _get(self.front_matter, path), _get(source.front_matter, path)
            if mine != theirs:
                shown = "nothing" if theirs is None else repr(theirs)
                message = (
                    f"differs from {source.data.display_path}, which gives {shown} – dates, authors, topics and "
                    "addresses are the same in every language: copy them from there"
                )
                findings.append(self.finding(path, message))
        return sorted(findings, key=lambda finding: (finding.line, finding.column or 0))

    def article(self, people: set[str], topics: dict[str, dict], today: datetime.date) -> Article:
        """The article as the build uses it. Its front matter as written where it is right; where it is not
        (the live preview goes on with such an article, a strict build stops), the file name for a title,
        `today` for a date, and nothing for any other wrong field, author or topic."""

        def field(name: str):
            return self.front_matter.get(name) if self.is_right(name) else None

        first = field("first_published")
        title, description = field("title"), field("description")
        return Article(
            slug=self.slug,
            language=self.language,
            path=f"{self.page_folder}/{self.slug}.md",
            # Plain where it is read: the cards, feeds, citation files and metadata all take it from here
            # (see site_output/titles.py).
            title=plain_text(title) if isinstance(title, str) and title.strip() else self.slug,
            description=description if isinstance(description, str) else "",
            date=_day(field("date")) or today,
            updated=_day(field("updated")),
            authors=tuple(person for person in field("authors") or () if person in people),
            topics=tuple(topic for topic in field("topics") or () if topic in topics),
            first_published=FirstPublication(first["name"], _day(first["date"]), first.get("url")) if first else None,
            image=field("image"),
            moved_from=tuple(field("moved_from") or ()),
            words=self.words,
        )

    def copy(self) -> ArticleFile:
        """A file of its own with what reading gave this one: the checks of the whole collection add to its
        findings' fields and wrong fields."""
        file = ArticleFile.__new__(ArticleFile)
        vars(file).update(vars(self))
        file.data, file.findings, file.wrong_fields = replace(self.data), list(self.findings), set(self.wrong_fields)
        return file


# The preview reads every article again at every save, and an archive has thousands: each file as read and
# checked alone is kept for the process (CONTRIBUTING.md, "What a process keeps between builds") by
# everything that makes it: its bytes, its path and how it is shown, its language, the collection's
# folder and the invisible characters allowed. The schema and the code are the process's own.
READ_ARTICLES: KeptResults[ArticleFile] = KeptResults(size=4096, copy=ArticleFile.copy)


def read_article(
    path: Path, language: str, page_folder: str, display_root: Path, allowed: frozenset[str] = frozenset()
) -> ArticleFile:
    display_path = path.relative_to(display_root).as_posix()
    try:
        content = path.read_bytes()
    except OSError:
        # Not kept: reading it again finds the problem and words it.
        file = ArticleFile(path, language, display_path)
        file.read(page_folder, allowed)
        return file

    def read() -> ArticleFile:
        file = ArticleFile(path, language, display_path)
        file.read(page_folder, allowed, content)
        return file

    key = content_key(str(path), display_path, language, page_folder, "".join(sorted(allowed)), content)
    return READ_ARTICLES.get(key, read)


def _get(mapping: dict, path: FieldPath):
    for key in path:
        if not isinstance(mapping, dict) or key not in mapping:
            return None
        mapping = mapping[key]
    return mapping


def _day(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
