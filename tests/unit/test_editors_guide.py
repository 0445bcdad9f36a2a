"""The editors' guide (EDITING.md) documents, in each of its languages, every check id the
parity and link checks, the build's page checks and the symbolic-link check can emit, and no other."""

from __future__ import annotations

import re

import pytest
from microsite import link_check, parity, rendering, symbolic_links
from project import ROOT

CHECKERS = {
    "translation parity": parity.CHECKS,
    "link check": link_check.CHECKS,
    "pages": rendering.CHECKS,
    "symbolic links": symbolic_links.CHECKS,
}


@pytest.mark.parametrize("language", ["Deutsch", "English"])
@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_the_guide_documents_every_check_id(language: str, checker: str) -> None:
    guide = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    part = guide.split(f"\n## {language}\n", 1)[1].split("\n## English\n", 1)[0]
    tables = [table for table in re.split(r"\n\n", part) if table.startswith("| ")]
    documented = [set(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.MULTILINE)) for table in tables]
    assert set(CHECKERS[checker]) in documented
