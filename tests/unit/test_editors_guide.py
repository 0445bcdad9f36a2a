"""The editors' guide (EDITING.md) documents, in each of its languages, every check id the
parity and link checks, the build's page checks and the symbolic-link check can emit, and no other;
and its German and English halves say the same: the same sections, tables, examples, commands and
data markers."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from microsite import link_check, parity, rendering, symbolic_links
from project import ROOT

CHECKERS = {
    "translation parity": parity.CHECKS,
    "link check": link_check.CHECKS,
    "pages": rendering.CHECKS,
    "symbolic links": symbolic_links.CHECKS,
}


def half(language: str) -> str:
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    return guide.split(f"\n## {language}\n", 1)[1].split("\n## English\n", 1)[0]


@pytest.mark.parametrize("language", ["Deutsch", "English"])
@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_the_guide_documents_every_check_id(language: str, checker: str) -> None:
    tables = [table for table in re.split(r"\n\n", half(language)) if table.startswith("| ")]
    documented = [set(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.MULTILINE)) for table in tables]
    assert set(CHECKERS[checker]) in documented


def outline(text: str) -> dict[str, list]:
    """What a reader of either half must find in both: the heading levels in order, each table's rows
    and columns, the number of examples (fenced blocks), and what an editor types as it stands (the
    `make` commands and the data markers in the text)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, rows, columns = [], 0, 0
    for token in tokens:
        if token.type == "table_open":
            rows, columns = 0, 0
        elif token.type == "tr_open":
            rows += 1
        elif token.type == "th_open":
            columns += 1
        elif token.type == "table_close":
            tables.append((rows, columns))
    typed = {
        child.content
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "code_inline" and child.content.startswith(("make ", "<!-- data:"))
    }
    return {
        "headings": [token.tag for token in tokens if token.type == "heading_open"],
        "tables (rows, columns)": tables,
        "examples": [token.type for token in tokens if token.type == "fence"],
        "commands and markers": sorted(typed),
    }


def test_the_german_and_english_halves_say_the_same() -> None:
    german, english = outline(half("Deutsch")), outline(half("English"))
    for part in german:
        assert german[part] == english[part], part
