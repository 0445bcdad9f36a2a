"""The measurement file the tests write and the accessibility statement reads: only the file the settings
name, and its figures only while they were measured on the sources as they are."""

from __future__ import annotations

import datetime
from pathlib import Path, PurePosixPath

import pytest
from microsite.measurements import (
    Measurements,
    read_measurements,
    record_axe,
    record_lighthouse,
    sources_fingerprint,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    for part in ("docs/xx/index.md", "data/a.yml", "overrides/main.html", "hooks/build.py"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / part).write_text(f"{part}\n", encoding="utf-8")
    return tmp_path


# Where CI names it (ACCESSIBILITY_MEASUREMENTS), relative to the project.
FILE = PurePosixPath(".measurements/accessibility.json")
VIOLATION = {"id": "image-alt", "impact": "critical", "help": "Images must have alternative text"}


def test_what_was_recorded_is_read_back_with_the_day(project: Path) -> None:
    sources = sources_fingerprint(project)
    found = {"index.html": [VIOLATION], "en/index.html": [VIOLATION], "a.html": []}
    record_axe(project / FILE, version="4.1.2", sources=sources, found=found)
    record_lighthouse(project / FILE, version="12.3.4", sources=sources, scores={"index.html": 98})
    measured = read_measurements(project, FILE)
    assert measured.axe.version == "4.1.2" and measured.axe.day == datetime.date.today()
    assert measured.axe.pages == ("a.html", "en/index.html", "index.html")
    [violation] = measured.axe.violations
    assert (violation.rule, violation.pages) == ("image-alt", ("index.html", "en/index.html"))
    assert measured.lighthouse.scores == {"index.html": 98}
    assert measured.left_out == ()


def test_figures_of_other_sources_are_left_out_and_said_why(project: Path) -> None:
    record_axe(project / FILE, version="4.1.2", sources=sources_fingerprint(project), found={"a.html": []})
    (project / "docs" / "xx" / "index.md").write_text("changed\n", encoding="utf-8")
    measured = read_measurements(project, FILE)
    assert measured.axe is None
    assert ["axe figures were measured on other sources" in reason for reason in measured.left_out] == [True]


def test_each_tool_keeps_its_own_figures(project: Path) -> None:
    sources = sources_fingerprint(project)
    record_lighthouse(project / FILE, version="12.3.4", sources="measured-elsewhere", scores={"index.html": 98})
    record_axe(project / FILE, version="4.1.2", sources=sources, found={"a.html": []})
    measured = read_measurements(project, FILE)
    assert measured.axe is not None and measured.lighthouse is None
    assert "make bench" in measured.left_out[0]


@pytest.mark.parametrize("content", ["{not json", '{"axe": {"date": "yesterday"}}', "[]"])
def test_a_file_that_cannot_be_read_states_nothing(project: Path, content: str) -> None:
    (project / FILE).parent.mkdir()
    (project / FILE).write_text(content, encoding="utf-8")
    measured = read_measurements(project, FILE)
    assert (measured.axe, measured.lighthouse) == (None, None)
    assert "cannot read it" in measured.left_out[0]


def test_no_file_named_states_nothing_and_says_nothing(project: Path) -> None:
    assert read_measurements(project, None) == Measurements()


def test_a_file_left_in_the_checkout_is_not_read_unless_named(project: Path) -> None:
    """The same sources and settings build the same statement, whatever earlier test runs left behind."""
    record_axe(project / FILE, version="4.1.2", sources=sources_fingerprint(project), found={"a.html": []})
    assert read_measurements(project, None) == Measurements()
    assert read_measurements(project, FILE).axe is not None


def test_a_named_file_that_is_missing_or_outside_states_nothing_and_says_why(project: Path) -> None:
    missing = read_measurements(project, FILE)
    assert (missing.axe, missing.lighthouse) == (None, None)
    assert missing.left_out == (f"{FILE}: no such file – run the tests that write it, or name another",)
    (project / "outside").symlink_to(project.parent)
    outside = read_measurements(project, PurePosixPath("outside/x.json"))
    assert outside.left_out == ("outside/x.json: outside the project – name a file inside it",)


def test_the_fingerprint_follows_every_source_but_not_caches(project: Path) -> None:
    before = sources_fingerprint(project)
    for cache in ("hooks/__pycache__/build.cpython-311.pyc", "docs/xx/.index.md.swp", FILE.as_posix()):
        (project / cache).parent.mkdir(parents=True, exist_ok=True)
        (project / cache).write_bytes(b"\0")
    assert sources_fingerprint(project) == before
    for source in ("mkdocs.yml", "docs/xx/index.md", "data/a.yml", "overrides/main.html", "hooks/build.py"):
        original = (project / source).read_bytes()
        (project / source).write_bytes(original + b" ")
        assert sources_fingerprint(project) != before, source
        (project / source).write_bytes(original)
    (project / "docs" / "xx" / "index.md").rename(project / "docs" / "xx" / "moved.md")
    assert sources_fingerprint(project) != before
