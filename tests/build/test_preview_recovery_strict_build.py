"""`make build` (`mkdocs build --strict`) on the broken states the preview shows as warnings: it stops,
naming the file and line. The states and their tools: tests/preview_server.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from preview_server import BROKEN_STATES
from project import build_site, copy_project


@pytest.mark.parametrize("state", ["page saved as Latin-1", "empty page", "page with ': ' in its title"])
def test_the_strict_build_stops_at_a_page_it_cannot_show(tmp_path: Path, state: str) -> None:
    """What the preview shows as a warning fails `mkdocs build --strict`, with the file and line."""
    file, save, line_of, _ = BROKEN_STATES[state]
    project = copy_project(tmp_path / "project")
    good = (project / file).read_text(encoding="utf-8")
    (project / file).write_bytes(save(good))
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert f"{file}:{line_of(good)}:" in output, output
