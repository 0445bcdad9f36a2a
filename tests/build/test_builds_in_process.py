"""The tests build their projects in one process (tests/project.py `build_site`), as `mkdocs serve` builds
again and again: a build of one project leaves nothing behind that shows in the next build of another,
neither in the site nor in what the build logs, nor in the process (environment, working folder, MkDocs'
logger)."""

from __future__ import annotations

import filecmp
import logging
import os
from pathlib import Path

from project import assemble_publication, build_site
from site_model import configured_languages, site_name

SITE_URL = "http://127.0.0.1:8000/"
OTHER_NAME = "Eine ganz andere Publikation"


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differing(one: Path, other: Path) -> list[str]:
    """The files that are not the same in both sites, or in one only."""
    ours, theirs = files_of(one), files_of(other)
    _, mismatch, errors = filecmp.cmpfiles(one, other, sorted(ours & theirs), shallow=False)
    return sorted(set(mismatch + errors) | (ours ^ theirs))


def process_state() -> tuple:
    mkdocs_log = logging.getLogger("mkdocs")
    return dict(os.environ), os.getcwd(), list(mkdocs_log.handlers), mkdocs_log.level, mkdocs_log.propagate


def test_a_build_of_another_project_in_between_changes_nothing_of_the_next(tmp_path: Path) -> None:
    first = assemble_publication(tmp_path / "projects" / "first")
    other = assemble_publication(tmp_path / "projects" / "other")
    language = configured_languages()[0]
    mkdocs_yml = other / "mkdocs.yml"
    name = site_name(other, language)
    mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace(name, OTHER_NAME), encoding="utf-8")
    before = process_state()

    builds = {}
    for run, project in (("first", first), ("other", other), ("first again", first)):
        builds[run] = build_site(tmp_path / "sites" / run, SITE_URL, project / "mkdocs.yml")
        assert builds[run].returncode == 0, builds[run].stdout + builds[run].stderr

    sites = tmp_path / "sites"
    assert OTHER_NAME in (sites / "other" / "index.html").read_text(encoding="utf-8")
    assert differing(sites / "first", sites / "first again") == []
    assert OTHER_NAME not in builds["first again"].stderr
    assert process_state() == before
