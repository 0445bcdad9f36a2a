"""In the preview's process Material's search writes no index file of its own (upstream/material.py
`leave_search_index_files_to_site`): the project writes every language's index from the entries the plugin
holds, so Material's three JSON texts a save were thrown away. Under `--dirty`, and once the preview stops,
Material writes its file as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from microsite.upstream import SEARCH_INDEX, leave_search_index_files_to_site
from mkdocs.config import load_config

MKDOCS_YML = """site_name: Ein Ort
theme:
  name: material
plugins:
  - search
"""


def search_index_after_post_build(tmp_path: Path, *, dirty: bool) -> Path:
    """The search index file Material's search writes at the end of a build of a project of one page,
    started as `mkdocs serve` (with `--dirty` or not) starts it."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Start\n\nText.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site = tmp_path / "site"
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    config = config.plugins.on_config(config)
    config.plugins["material/search"].on_post_build(config=config)
    return site / SEARCH_INDEX


@pytest.fixture
def preview_process():
    put_back = leave_search_index_files_to_site()
    yield
    put_back()


def test_in_the_preview_material_writes_no_search_index_of_its_own(tmp_path, preview_process):
    assert not search_index_after_post_build(tmp_path, dirty=False).exists()


def test_under_dirty_material_writes_its_search_index(tmp_path, preview_process):
    written = search_index_after_post_build(tmp_path, dirty=True)
    assert json.loads(written.read_text(encoding="utf-8"))["config"]["lang"] == ["en"]


def test_once_the_preview_stops_material_writes_its_search_index_again(tmp_path):
    leave_search_index_files_to_site()()
    written = search_index_after_post_build(tmp_path, dirty=False)
    assert json.loads(written.read_text(encoding="utf-8"))["config"]["lang"] == ["en"]
