"""A page's title and lead, as the status pages, the footer and the stand-ins name it (page_titles.py), read
again at every save of the preview with what the process keeps: a saved page is named by what it says now,
and a page no one saved is not parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite import page_titles
from microsite.page_titles import READ_TITLES, TitleAndLead, read_title_and_lead


@pytest.fixture(autouse=True)
def nothing_kept() -> None:
    READ_TITLES.clear()


def test_a_saved_page_is_named_by_its_new_title_and_lead(tmp_path: Path) -> None:
    page = tmp_path / "hafen.md"
    page.write_text("---\ntitle: Der Hafen\ndescription: Alt\n---\n\n# Überschrift\n", encoding="utf-8")
    assert read_title_and_lead(page, "hafen.md") == TitleAndLead("Der Hafen", "Alt")
    page.write_text("---\ntitle: Der neue Hafen\ndescription: Neu\n---\n\n# Überschrift\n", encoding="utf-8")
    assert read_title_and_lead(page, "hafen.md") == TitleAndLead("Der neue Hafen", "Neu")
    page.write_text("---\ndescription: Neu\n---\n\n# Die Überschrift\n", encoding="utf-8")
    assert read_title_and_lead(page, "hafen.md") == TitleAndLead("Die Überschrift", "Neu")


def test_the_same_text_at_another_path_goes_by_its_own_name(tmp_path: Path) -> None:
    text = "Ein Absatz ohne Titel.\n"
    (tmp_path / "alter-hafen.md").write_text(text, encoding="utf-8")
    (tmp_path / "neuer_hafen.md").write_text(text, encoding="utf-8")
    assert read_title_and_lead(tmp_path / "alter-hafen.md", "alter-hafen.md").title == "Alter hafen"
    assert read_title_and_lead(tmp_path / "neuer_hafen.md", "neuer_hafen.md").title == "Neuer hafen"


def test_a_page_no_one_saved_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "hafen.md"
    page.write_text("---\ntitle: Der Hafen\n---\n\nText.\n", encoding="utf-8")
    parsed = []
    split = page_titles.split_front_matter
    monkeypatch.setattr(page_titles, "split_front_matter", lambda text: parsed.append(text) or split(text))
    for _ in range(3):
        assert read_title_and_lead(page, "hafen.md").title == "Der Hafen"
    assert len(parsed) == 1
