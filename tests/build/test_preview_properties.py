"""Property-based tests of the live preview's build: whatever an editor saves as an article's front matter or
as a data file, a build as `mkdocs serve` runs it finishes and writes the site, and every problem it logs
names a file and a line; no step fails unexpectedly (which the preview would report as a bug of the
generator) and nothing escapes as an exception.

The builds run in this process, on one copy of the fixture publication (tests/publication). Each example
makes three edits, each in a file of its own, builds once, and puts the files back: a page's front matter
replaced, a typing slip in an article's front matter, and a data file edited. Each edit is drawn as it would
be alone, so that every kind of edit gets every example; the preview reads every file in every build and goes
on after each problem, so each edit's problems are logged (and checked) as they would be alone, and what one
edit leads to in another file's pages (an article's author or topic that a data edit removed) is checked too.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from preview_server import ARTICLE, ARTICLES, LEGAL_NOTICE
from project import PUBLICATION, assemble_publication

pytestmark = pytest.mark.long_module

# Each example is a whole build of the fixture in both languages (about a second): few, without a deadline,
# and no example database, so that they write nothing into the checkout.
PROPERTIES = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))

# The article whose whole front matter is replaced while ARTICLE's gets a slip: the first other one of the fixture.
OTHER_ARTICLE = next(
    path.relative_to(PUBLICATION / "docs" / "de").as_posix()
    for path in sorted((PUBLICATION / "docs" / "de" / ARTICLES).glob("*.md"))
    if path.name != "index.md" and path.relative_to(PUBLICATION / "docs" / "de").as_posix() != ARTICLE
)
FRONT_MATTER_FIELDS = [
    "title", "description", "date", "updated", "authors", "topics", "first_published", "image", "moved_from",
    "name", "url", "src", "alt", "hide", "translated_from", "nav_order", "search",
]  # fmt: skip
# Values close to what editors write, right and wrong: days in both orders, ids, paths, addresses.
KNOWN_VALUES = [
    "2025-06-12", "12.06.2025", "2025-02-30", "2025-13-01", "jakob-wendland", "lene-sommerfeld", "nobody",
    "klimaschutz", "staedtepartnerschaften", "kultur", "impressum.md", "alt.md", "../../etc/passwd.md",
    "bild.png", "https://example.org/", "javascript:alert(1)", "", " ", "Ein Titel: mit Doppelpunkt",
    "Städte\u00adpartnerschaft", "<script>alert(1)</script>", "{{ config }}", 2025, 0, -1, 3.5, True,
]  # fmt: skip
# What editors' slips insert: YAML's own characters, indentation, line breaks.
TYPING_SLIPS = [": ", "- ", "  ", "\t", "\n", "'", '"', "#", "&a ", "*a", "!x ", "[", "]", "{", "}", "|", "---"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12), st.sampled_from(KNOWN_VALUES))
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(FRONT_MATTER_FIELDS) | st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
front_matters = st.dictionaries(st.sampled_from(FRONT_MATTER_FIELDS), values, max_size=8)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble_publication(tmp_path_factory.mktemp("preview-properties") / "project")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def preview_build(project: Path) -> list[str]:
    """A build as `mkdocs serve` runs it (not strict, the hooks told they serve); the warnings it logs."""
    site = project.parent / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    return [record.getMessage() for record in handler.records if record.levelno >= logging.WARNING]


@contextmanager
def saved(file: Path, content: str) -> Iterator[None]:
    """The file with `content` instead, until the block ends."""
    good = file.read_bytes()
    file.write_text(content, encoding="utf-8")
    try:
        yield
    finally:
        file.write_bytes(good)


def assert_each_names_its_place(warnings: list[str]) -> None:
    """Every warning starts with `file:line:`, and none is a step failing unexpectedly."""
    for warning in warnings:
        place = warning.split(": ", 1)[0].split(":")
        assert len(place) >= 2 and place[1].isdigit() and int(place[1]) >= 1, warning
        assert "the generator failed" not in warning, warning


def with_slip(text: str, position: int, slip: str) -> str:
    return text[:position] + slip + text[position:]


def field_paths(content: Any, path: tuple = ()) -> list[tuple]:
    """The path of every value in `content`, the whole left out."""
    children = content.items() if isinstance(content, dict) else enumerate(content) if isinstance(content, list) else ()
    return [found for key, value in children for found in [(*path, key), *field_paths(value, (*path, key))]]


def front_matter_replaced(project: Path, page: str, front_matter: dict[str, Any]) -> tuple[Path, str]:
    """The page with `front_matter` instead of its own."""
    file = project / "docs" / "de" / page
    body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    written = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    return file, f"---\n{written}---\n{body}"


def article_with_a_typing_slip(project: Path, data: st.DataObject) -> tuple[Path, str]:
    article = project / "docs" / "de" / ARTICLE
    text = article.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    position = data.draw(st.integers(min_value=4, max_value=end))
    return article, with_slip(text, position, data.draw(st.sampled_from(TYPING_SLIPS)))


def data_file_edited(project: Path, data: st.DataObject) -> tuple[Path, str]:
    """A value of a data file replaced or removed (as an editor might), or a typing slip anywhere in it."""
    name = data.draw(st.sampled_from(["timeline", "partnerships", "people", "articles", "networks", "figures"]))
    file = project / "data" / f"{name}.yml"
    text = file.read_text(encoding="utf-8")
    if data.draw(st.booleans()):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        return file, with_slip(text, position, data.draw(st.sampled_from(TYPING_SLIPS)))
    content = copy.deepcopy(yaml.safe_load(text))
    path = data.draw(st.sampled_from(field_paths(content)))
    parent = content
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(values)
    schema_line = text.split("\n", 1)[0]
    return file, schema_line + "\n" + yaml.safe_dump(content, allow_unicode=True, sort_keys=False)


@PROPERTIES
@given(page=st.sampled_from([OTHER_ARTICLE, LEGAL_NOTICE]), front_matter=front_matters, data=st.data())
def test_any_front_matter_typing_slip_and_data_edit_is_built_or_named(
    project: Path, page: str, front_matter: dict[str, Any], data: st.DataObject
) -> None:
    """Any front matter of an article (whose fields the collection reads) or of a written page (which MkDocs
    and Material read); a typing slip in another article's front matter; any edit of a data file."""
    edits = [
        front_matter_replaced(project, page, front_matter),
        article_with_a_typing_slip(project, data),
        data_file_edited(project, data),
    ]
    with ExitStack() as saves:
        for file, content in edits:
            saves.enter_context(saved(file, content))
        assert_each_names_its_place(preview_build(project))
