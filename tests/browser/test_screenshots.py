"""make screenshots on the fixture publication: a full-page PNG of each page that shows the design (home, the
article index, the newest article, the first partnership page), in every language, at the width asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from chromium import CHROMIUM, missing_tool
from PIL import Image
from project import ROOT, assemble_publication, collection_folder, publication_data
from site_model import configured_languages, review_pages

pytestmark = [pytest.mark.browser, pytest.mark.long_module]

SCRIPT = ROOT / "tests" / "benchmarks" / "screenshots.py"


def test_review_pages_are_the_newest_article_and_the_first_partnership(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    pages = review_pages(project)
    folder = collection_folder(project)
    newest = max(
        (path for path in (project / "docs" / configured_languages()[0] / folder).glob("*.md") if path.stem != "index"),
        key=lambda path: publication_date(path),
    )
    partnerships = publication_data("partnerships", project)
    for language in configured_languages():
        root = "" if language == configured_languages()[0] else f"{language}/"
        assert pages[f"{language}-home"] == f"{root}index.html"
        assert pages[f"{language}-index"] == f"{root}{folder}/index.html"
        assert pages[f"{language}-article"] == f"{root}{folder}/{newest.stem}.html"
        first = partnerships["partnerships"][0]["id"]
        assert pages[f"{language}-partnership"] == f"{root}{partnerships['page_folder']}/{first}.html"


def publication_date(article: Path) -> str:
    """The `date:` of an article's front matter (ISO, so that it sorts as text)."""
    front_matter = article.read_text(encoding="utf-8").split("---", 2)[1]
    return next(line.split(":", 1)[1].strip() for line in front_matter.splitlines() if line.startswith("date:"))


def test_make_screenshots_photographs_every_review_page_at_the_width_asked(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        missing_tool(f"Chromium not found at {CHROMIUM}: make screenshots not tried")
    project = assemble_publication(tmp_path / "project")
    output = tmp_path / "screenshots"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--project", str(project), "--output", str(output), "--widths", "390"],
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'hooks'}:{ROOT / 'tests'}:{ROOT / 'tests' / 'benchmarks'}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    expected = {f"{name}-390.png" for name in review_pages(project)}
    assert {file.name for file in output.iterdir()} == expected
    for name in expected:
        with Image.open(output / name) as picture:
            # The full page: as wide as the phone, and longer than its screen.
            assert picture.width == 390, name
            assert picture.height > 844, name
