"""The tests build their projects in one process (tests/project.py `build_site`), as `mkdocs serve` builds
again and again: a build of one project leaves nothing behind that shows in the next build of another,
neither in the site nor in what the build logs, nor in the process (environment, working folder, MkDocs'
logger)."""

from __future__ import annotations

import filecmp
import logging
import os
import re
from pathlib import Path

from project import assemble_publication, build_site
from site_model import BuiltSite, configured_languages, site_name

OTHER_NAME = "Eine ganz andere Publikation"


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differing(one: Path, other: Path) -> list[str]:
    """The files that are not the same in both sites, or in one only."""
    ours, theirs = files_of(one), files_of(other)
    _, mismatch, errors = filecmp.cmpfiles(one, other, sorted(ours & theirs), shallow=False)
    return sorted(set(mismatch + errors) | (ours ^ theirs))


def footer_order(site: Path, pages: list[str]) -> list[str]:
    """The footer pages in the order the home page's footer links them."""
    home = (site / "index.html").read_text(encoding="utf-8")
    footer = home[home.index('class="md-copyright__pages"') :]
    return sorted(pages, key=lambda page: footer.index(f'href="{page.removesuffix(".md")}.html"'))


def process_state() -> tuple:
    mkdocs_log = logging.getLogger("mkdocs")
    return dict(os.environ), os.getcwd(), list(mkdocs_log.handlers), mkdocs_log.level, mkdocs_log.propagate


def test_a_build_of_another_project_in_between_changes_nothing_of_the_next(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """The session's build of the fixture publication, then another project's (another site name, the footer's
    pages in another order), then the fixture's again."""
    other = assemble_publication(tmp_path / "other")
    language = configured_languages()[0]
    mkdocs_yml = other / "mkdocs.yml"
    name = site_name(other, language)
    settings = mkdocs_yml.read_text(encoding="utf-8").replace(name, OTHER_NAME)
    # A setting of the generator's own, read by the hooks: the footer's pages, reversed.
    footer = re.search(r"^  footer_pages: \[(.+)\]$", settings, flags=re.MULTILINE)
    pages = [page.strip() for page in footer[1].split(",")]
    assert len(pages) > 1, "the fixture publication names more than one footer page"
    mkdocs_yml.write_text(settings.replace(footer[0], f"  footer_pages: [{', '.join(reversed(pages))}]"), "utf-8")
    before = process_state()

    builds = {}
    for run, project in (("other", other), ("again", built_site.project)):
        builds[run] = build_site(tmp_path / "sites" / run, built_site.site_url, project / "mkdocs.yml")
        assert builds[run].returncode == 0, builds[run].stdout + builds[run].stderr

    assert OTHER_NAME in (tmp_path / "sites" / "other" / "index.html").read_text(encoding="utf-8")
    assert footer_order(tmp_path / "sites" / "other", pages) == list(reversed(pages))
    assert differing(built_site.root, tmp_path / "sites" / "again") == []
    assert OTHER_NAME not in builds["again"].stderr
    assert process_state() == before
