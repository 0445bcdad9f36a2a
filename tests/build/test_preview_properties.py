"""Property-based tests of the live preview's build: whatever an editor saves as an article's front matter or
as a data file, a build as `mkdocs serve` runs it finishes and writes the site, and every problem it logs
names a file and a line; no step fails unexpectedly (which the preview would report as a bug of the
generator) and nothing escapes as an exception.

The builds run in this process, on one copy of the fixture publication (tests/publication): each example
rewrites one file, builds, and puts the file back.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from preview_server import ARTICLE, LEGAL_NOTICE
from project import assemble_publication

pytestmark = pytest.mark.long_module

# Each example is a whole build of the fixture in both languages (about a second): few, without a deadline,
# and no example database, so that they write nothing into the checkout.
PROPERTIES = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))

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


@PROPERTIES
@given(page=st.sampled_from([ARTICLE, LEGAL_NOTICE]), front_matter=front_matters)
def test_any_front_matter_of_a_page_is_built_or_named(project: Path, page: str, front_matter: dict[str, Any]) -> None:
    """An article's, whose fields the collection reads, and a written page's, which MkDocs and Material read."""
    file = project / "docs" / "de" / page
    body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    written = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    with saved(file, f"---\n{written}---\n{body}"):
        assert_each_names_its_place(preview_build(project))


@PROPERTIES
@given(data=st.data())
def test_an_article_front_matter_with_a_typing_slip_is_built_or_named(project: Path, data: st.DataObject) -> None:
    article = project / "docs" / "de" / ARTICLE
    text = article.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    position = data.draw(st.integers(min_value=4, max_value=end))
    with saved(article, with_slip(text, position, data.draw(st.sampled_from(TYPING_SLIPS)))):
        assert_each_names_its_place(preview_build(project))


def field_paths(content: Any, path: tuple = ()) -> list[tuple]:
    """The path of every value in `content`, the whole left out."""
    children = content.items() if isinstance(content, dict) else enumerate(content) if isinstance(content, list) else ()
    return [found for key, value in children for found in [(*path, key), *field_paths(value, (*path, key))]]


@PROPERTIES
@given(data=st.data())
def test_any_edit_of_a_data_file_is_built_or_named(project: Path, data: st.DataObject) -> None:
    """A value of a data file replaced or removed (as an editor might), or a typing slip anywhere in it."""
    name = data.draw(st.sampled_from(["timeline", "partnerships", "people", "articles", "networks", "figures"]))
    file = project / "data" / f"{name}.yml"
    text = file.read_text(encoding="utf-8")
    if data.draw(st.booleans()):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        changed = with_slip(text, position, data.draw(st.sampled_from(TYPING_SLIPS)))
    else:
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
        changed = schema_line + "\n" + yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    with saved(file, changed):
        assert_each_names_its_place(preview_build(project))
