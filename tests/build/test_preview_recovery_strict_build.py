"""`make build` (`mkdocs build --strict`) on the broken states and slips the preview shows as warnings: it
stops, naming the file and line, without a traceback. The states and their tools: tests/preview_server.py;
the slips: tests/build/test_preview_recovery.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from preview_server import BROKEN_STATES, SLIPS, slips
from project import assemble_publication, build_site


def strict_build_output(project: Path, site: Path) -> str:
    result = build_site(site, "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    return output


@pytest.mark.parametrize("state", ["page saved as Latin-1", "empty page"])
def test_the_strict_build_stops_at_a_page_it_cannot_show(tmp_path: Path, state: str) -> None:
    """What the preview shows as a warning fails `mkdocs build --strict`, with the file and line."""
    file, save, line_of, _ = BROKEN_STATES[state]
    project = assemble_publication(tmp_path / "project")
    good = (project / file).read_text(encoding="utf-8")
    (project / file).write_bytes(save(good))
    assert f"{file}:{line_of(good)}:" in strict_build_output(project, tmp_path / "site")


@pytest.mark.parametrize("name", SLIPS)
def test_the_strict_build_stops_at_a_slip_naming_its_place(tmp_path: Path, name: str) -> None:
    project = assemble_publication(tmp_path / "project")
    slip = slips(project)[name]
    good = (project / slip.file).read_text(encoding="utf-8")
    (project / slip.file).write_text(good.replace(slip.meant, slip.written, 1), encoding="utf-8")
    line = good[: good.index(slip.meant) + 1].count("\n") + 1
    assert f"{slip.file}:{line}:" in strict_build_output(project, tmp_path / "site")
