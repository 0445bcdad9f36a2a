"""What the readers of docs/ find in one walk (symbolic_links.followable_entries): every page, a page or folder
behind a symbolic link that stays in docs/, and nothing behind a link out of it; and the preview's scan of the
project (rebuild_rule.read_sources), which reads the same files and no target of a link out."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.rebuild_rule import read_sources
from microsite.symbolic_links import followable_entries, path_below

PAGE = "# Eine Seite\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """docs/ with pages in folders, links that stay in docs/ and links out of it, and a page out of the project."""
    project = tmp_path / "project"
    docs = project / "docs"
    for page in ("de/index.md", "de/beitraege/erster.md", "de/beitraege/bilder/notiz.txt", "en/index.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text(PAGE, encoding="utf-8")
    outside = tmp_path / "outside"
    (outside / "ordner").mkdir(parents=True)
    (outside / "geheim.md").write_text("# Geheim\n", encoding="utf-8")
    (outside / "ordner" / "seite.md").write_text("# Geheim\n", encoding="utf-8")
    links = {
        "de/zweiter.md": docs / "de" / "beitraege" / "erster.md",
        "de/kopie": docs / "de" / "beitraege",
        "de/geheim.md": outside / "geheim.md",
        "de/ordner": outside / "ordner",
        "de/weg.md": docs / "de" / "nichts.md",
    }
    for link, target in links.items():
        (docs / link).symlink_to(target)
    return project


def found(top: Path, folder: Path, suffix: str = ".md", *, below: bool = True) -> list[str]:
    return sorted(path_below(entry.path, top) for entry in followable_entries(top, folder, suffix, below=below))


def test_a_reader_finds_every_page_and_those_behind_links_that_stay_in_docs(project: Path) -> None:
    docs = project / "docs"
    # The folder link's pages are not walked again (rglob goes into no linked folder either): their own are.
    assert found(docs / "de", docs) == ["beitraege/erster.md", "index.md", "zweiter.md"]
    assert found(docs, docs, "") == [
        "de",
        "de/beitraege",
        "de/beitraege/bilder",
        "de/beitraege/bilder/notiz.txt",
        "de/beitraege/erster.md",
        "de/index.md",
        "de/kopie",
        "de/zweiter.md",
        "en",
        "en/index.md",
    ]
    assert found(docs / "de", docs, below=False) == ["index.md", "zweiter.md"]
    assert found(docs / "fr", docs) == []


def test_a_reader_of_a_linked_folder_finds_nothing_behind_it_that_leads_out(project: Path) -> None:
    docs = project / "docs"
    assert found(docs / "de" / "ordner", docs) == []
    assert found(docs / "de" / "kopie", docs) == ["erster.md"]


def test_the_previews_scan_reads_the_files_a_build_may_read(project: Path) -> None:
    texts = read_sources(project).texts
    assert list(texts) == [
        "docs/de/beitraege/bilder/notiz.txt",
        "docs/de/beitraege/erster.md",
        "docs/de/index.md",
        "docs/de/zweiter.md",
        "docs/en/index.md",
    ]
    assert set(texts.values()) == {PAGE.encode()}
