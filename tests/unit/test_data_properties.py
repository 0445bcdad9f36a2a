"""Property-based tests of the data check: whatever an editor saves as a data file – any text, any
bytes, or YAML close to the real thing with a few edits – `load` gives a clean result or a DataError
whose every finding names a real file and a line (and column) in it, never another exception, never
a hang (each example has a deadline), and never changes a file.

The project is the data-check fixture `valid/` with the real schemas and mkdocs.yml (as in
test_data_check.py); one copy serves every example of a test, and each example rewrites one data file.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from microsite.data import DataError, load
from microsite.data.yaml_positions import DataFile, parse_yaml
from microsite.findings import Finding
from microsite.languages import Languages
from test_data_check import VALID, make_project

LANGUAGES = Languages(("de", "en"))
DATA_FILES = ["timeline.yml", "partnerships.yml"]
# Bounded so that these tests take a few seconds together; no example database, so that they write
# nothing into the project.
PROPERTIES = settings(
    max_examples=100,
    deadline=timedelta(milliseconds=500),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Field names and values of the real schemas, so that generated data reaches the schema's
# explanations and the checks beyond it, not only syntax errors.
FIELD_NAMES = [
    "events", "id", "date", "season", "partnership", "title", "source", "page", "passage", "de", "en", "fr",
    "partnerships", "city", "name", "country", "coordinates", "lat", "lon", "sources", "url", "fact",
    "relation", "since", "summary", "page_folder", "home_city", "translated_from",
]  # fmt: skip
KNOWN_VALUES = [
    "1978", "1978-02", "1978-02-30", "1978-13", "19x78", "alpha", "beta", "a.md", "b.md", "../a.md",
    "https://example.org/a", "ftp://example.org", "javascript:alert(1)", "", " ", "Beginn",
    "Alpha ist eine Partnerstadt.", "Alpha is a partner city.", "coordinates", "spring", 1978, -80.0, 200,
]  # fmt: skip
# What editors' slips insert into a file: YAML's own characters, indentation, line breaks.
TYPING_SLIPS = [": ", "- ", "  ", "\t", "\n", "\r\n", "'", '"', "#", "&a ", "*a", "!x ", "[", "]", "{", "}", "?", "|"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.sampled_from(KNOWN_VALUES)
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


def field_paths(content: Any, path: tuple = ()) -> list[tuple]:
    """The path of every value in `content`, the whole included."""
    children = content.items() if isinstance(content, dict) else enumerate(content) if isinstance(content, list) else ()
    return [path, *(found for key, value in children for found in field_paths(value, (*path, key)))]


def edit(content: Any, path: tuple, action: str, new_value: Any) -> None:
    parent = content
    for part in path[:-1]:
        parent = parent[part]
    if action == "remove":
        del parent[path[-1]]
    elif action == "copy" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[path[-1]]))
    elif action == "add" and isinstance(parent, dict):
        parent.setdefault(new_value[0], new_value[1])
    else:
        parent[path[-1]] = new_value[1]


@st.composite
def edited_data(draw: st.DrawFn, valid: Any) -> Any:
    """The valid content with a few edits, as an editor makes them: mostly a value changed (to one
    the schemas know, often), sometimes a field removed or added, or a record copied."""
    content = copy.deepcopy(valid)
    for _ in range(draw(st.integers(1, 3))):
        paths = [path for path in field_paths(content) if len(path) > 1]
        if not paths:
            break
        action = draw(st.sampled_from(["replace", "replace", "replace", "remove", "add", "copy"]))
        new_value = draw(st.tuples(st.sampled_from(FIELD_NAMES), st.sampled_from(KNOWN_VALUES) | values))
        edit(content, draw(st.sampled_from(paths)), action, new_value)
    return content


@st.composite
def slipped(draw: st.DrawFn, text: str) -> str:
    """`text` with a few slips: a piece typed in, or a stretch deleted."""
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        position = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:position] + draw(st.sampled_from(TYPING_SLIPS)) + text[position:]
        else:
            text = text[:position] + text[position + draw(st.integers(1, 5)) :]
    return text


def yaml_texts(name: str) -> st.SearchStrategy[str]:
    """YAML-shaped text for data/NAME: the valid file edited, dumped, and sometimes slipped."""
    valid = yaml.safe_load((VALID / "data" / name).read_text(encoding="utf-8"))
    schema_line = f"# yaml-language-server: $schema=./{Path(name).stem}.schema.json\n"
    dumped = edited_data(valid).map(lambda content: yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
    return st.tuples(st.sampled_from([schema_line, ""]), dumped).map("".join).flatmap(slipped)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("data-properties") / "project")


def unified_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lines_of(path: Path) -> list[str]:
    """The file's lines as an editor's program shows them."""
    data = path.read_bytes()
    return unified_line_endings(data.decode("utf-8", errors="replace")).removeprefix("\ufeff").split("\n")


def assert_points_into_its_file(root: Path, finding: Finding) -> None:
    path = root / finding.file
    assert path.is_file(), finding.text()
    lines = lines_of(path)
    assert 1 <= finding.line <= len(lines), finding.text()
    if finding.column is not None:
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding.text()


def assert_clean_or_findings_in_files(root: Path) -> None:
    before = {path: path.read_bytes() for path in (root / "data").iterdir()}
    try:
        load(root / "data", root / "docs", LANGUAGES, display_root=root)
    except DataError as error:
        assert error.findings
        for finding in error.findings:
            assert_points_into_its_file(root, finding)
    assert {path: path.read_bytes() for path in (root / "data").iterdir()} == before


def restore(root: Path) -> None:
    for name in DATA_FILES:
        (root / "data" / name).write_bytes((VALID / "data" / name).read_bytes())


@PROPERTIES
@given(name=st.sampled_from(DATA_FILES), text=st.text(max_size=300))
def test_any_text_as_a_data_file(project: Path, name: str, text: str) -> None:
    restore(project)
    (project / "data" / name).write_text(text, encoding="utf-8", newline="")
    assert_clean_or_findings_in_files(project)


@PROPERTIES
@given(name=st.sampled_from(DATA_FILES), data=st.binary(max_size=300))
def test_any_bytes_as_a_data_file(project: Path, name: str, data: bytes) -> None:
    restore(project)
    (project / "data" / name).write_bytes(data)
    assert_clean_or_findings_in_files(project)


@PROPERTIES
@given(data=st.data(), name=st.sampled_from(DATA_FILES), encoding=st.sampled_from(["utf-8", "utf-8-sig"]))
def test_yaml_close_to_the_real_data(project: Path, data: st.DataObject, name: str, encoding: str) -> None:
    restore(project)
    (project / "data" / name).write_text(data.draw(yaml_texts(name)), encoding=encoding, newline="")
    assert_clean_or_findings_in_files(project)


@PROPERTIES
@given(text=st.one_of(st.text(max_size=300), yaml_texts("timeline.yml")))
def test_parse_yaml_answers_any_text_with_places_in_it(text: str) -> None:
    """The parity check reads data files with `parse_yaml` alone: it must answer, and point into the text."""
    data_file = DataFile(name="timeline", display_path="data/timeline.yml")
    lines = unified_line_endings(text).split("\n")
    for finding in parse_yaml(unified_line_endings(text), data_file):
        assert 1 <= finding.line <= len(lines), finding.text()
        assert finding.column is None or 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding.text()
