"""Where a page's reference to a file points, and which language folder's file serves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.languages import Languages
from microsite.page_files import local_target, serving_file

LANGUAGES = Languages(("de", "en"))


@pytest.mark.parametrize(
    ("reference", "target"),
    [
        ("hafen.png", "artikel/hafen.png"),
        ("bilder/hafen%20abend.png#top", "artikel/bilder/hafen abend.png"),
        ("../karte.svg?v=2", "karte.svg"),
        ("./hafen.png", "artikel/hafen.png"),
        # Not a file next to the pages: another site, the site root, the page itself, outside the folder.
        ("https://example.org/hafen.png", None),
        ("//example.org/hafen.png", None),
        ("data:image/png;base64,AAAA", None),
        ("/hafen.png", None),
        ("#oben", None),
        ("../../de/hafen.png", None),
        ("..", None),
    ],
)
def test_a_reference_points_below_the_language_folder(reference: str, target: str | None) -> None:
    assert local_target("artikel/a.md", reference) == target


def test_the_translations_own_file_wins_then_the_sources(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    source = docs / "de" / "bilder" / "hafen.png"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"German")
    assert serving_file(docs, LANGUAGES, "en", "bilder/hafen.png", tmp_path) == source
    localized = docs / "en" / "bilder" / "hafen.png"
    localized.parent.mkdir(parents=True)
    localized.write_bytes(b"English")
    assert serving_file(docs, LANGUAGES, "en", "bilder/hafen.png", tmp_path) == localized
    assert serving_file(docs, LANGUAGES, "de", "bilder/hafen.png", tmp_path) == source
    assert serving_file(docs, LANGUAGES, "en", "bilder/karte.png", tmp_path) is None


def test_a_symbolic_link_out_of_the_project_serves_nothing(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside.png"
    outside.write_bytes(b"elsewhere")
    linked = project / "docs" / "de" / "hafen.png"
    linked.parent.mkdir(parents=True)
    linked.symlink_to(outside)
    assert serving_file(project / "docs", LANGUAGES, "en", "hafen.png", project) is None
    inside = project / "pictures" / "karte.png"
    inside.parent.mkdir()
    inside.write_bytes(b"a map")
    (project / "docs" / "de" / "karte.png").symlink_to(inside)
    assert (
        serving_file(project / "docs", LANGUAGES, "en", "karte.png", project) == project / "docs" / "de" / "karte.png"
    )
