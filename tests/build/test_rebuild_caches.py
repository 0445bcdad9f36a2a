"""What one process keeps from build to build (hooks/microsite/templates.py: compiled templates and the
theme's file lists; the partnership map's outlines; mkdocs.yml parsed) never shows: after editors' edits
between two builds in one process, as `mkdocs serve` rebuilds, the second build is byte for byte what a
new process builds of the edited project."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml
from microsite.settings import project_languages
from microsite.templates import theme_environment
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from project import assemble_publication, build_site_in_new_process, mkdocs_env

SITE_URL = "http://127.0.0.1:8000/"
# Builds in one process, as `mkdocs serve` rebuilds: the edits (file, text replaced, its replacement; or a
# new file and its text) are saved between them.
TWO_BUILDS_IN_ONE_PROCESS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site, edits = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
for run in (0, 1):
    if run == 1:
        for name, old, new in edits:
            path = project / name
            text = new if old is None else path.read_text(encoding="utf-8").replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site / str(run)), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
"""
# What each edit writes into the site, so that the test can tell that the second build shows it.
EDITED = "edited-between-builds"


def edits_of(project: Path) -> list[tuple[str, str | None, str]]:
    """An edit of each input something is kept of: a template of the theme and one of the data, a new file
    of the theme, the home city's place (moved north of every other city: the map's view), mkdocs.yml
    (the footer's pages, reversed), and the first article's description (the feeds) and title (the status
    pages, which name every page by its title)."""
    partnerships = yaml.safe_load((project / "data" / "partnerships.yml").read_text(encoding="utf-8"))
    latitude = partnerships["home_city"]["coordinates"]["lat"]
    # North of every partner city: the map's view grows.
    northernmost = max(partnership["city"]["coordinates"]["lat"] for partnership in partnerships["partnerships"])
    mkdocs_yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    footer = re.search(r"^  footer_pages: \[(.+)\]$", mkdocs_yml, flags=re.MULTILINE)
    pages = [page.strip() for page in footer[1].split(",")]
    assert len(pages) > 1, "the fixture publication names more than one footer page"
    article = first_article(project)
    article_text = (project / article).read_text(encoding="utf-8")
    description = re.search(r"^description: (.+)$", article_text, re.MULTILINE)
    title = re.search(r"^title: (.+)$", article_text, re.MULTILINE)
    return [
        ("overrides/partials/copyright.html", '<div class="md-copyright">', f'<div class="md-copyright {EDITED}">'),
        ("overrides/partials/data/partnership.html", '<p class="lead">', f'<p class="lead {EDITED}">'),
        (f"overrides/assets/{EDITED}.txt", None, "A file of the theme, added between two builds.\n"),
        ("data/partnerships.yml", f"lat: {latitude}", f"lat: {max(latitude, northernmost) + 5:.4f}"),
        ("mkdocs.yml", footer[0], f"  footer_pages: [{', '.join(reversed(pages))}]"),
        (article, description[0], f"description: {EDITED} {description[1]}"),
        (article, title[0], f"title: {title[1]} {EDITED}"),
    ]


def first_article(project: Path) -> str:
    """The first article of the source language, by name: its path in the project."""
    folder = yaml.safe_load((project / "data" / "articles.yml").read_text(encoding="utf-8"))["page_folder"]
    source = project / "docs" / project_languages(project).source / folder
    articles = sorted(path for path in source.glob("*.md") if path.name != "index.md")
    return articles[0].relative_to(project).as_posix()


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differing(one: Path, other: Path) -> list[str]:
    """The files that are not the same in both sites, or in one only."""
    ours, theirs = files_of(one), files_of(other)
    both = sorted(ours & theirs)
    _, mismatch, errors = filecmp.cmpfiles(one, other, both, shallow=False)
    return sorted(set(mismatch + errors) | (ours ^ theirs))


def test_a_rebuild_after_edits_is_what_a_new_process_builds(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    # The theme's folders unchanged for an hour, as a project's are: their file lists are kept (a folder
    # changed in the last second is listed again at every build anyway).
    hour_ago = time.time() - 3600
    for folder in [project / "overrides", *(path for path in (project / "overrides").rglob("*") if path.is_dir())]:
        os.utime(folder, (hour_ago, hour_ago))
    edits = edits_of(project)
    result = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS_IN_ONE_PROCESS, str(project), str(tmp_path / "site"), json.dumps(edits)],
        env=mkdocs_env(SITE_URL=SITE_URL),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fresh = build_site_in_new_process(tmp_path / "fresh", SITE_URL, config_file=project / "mkdocs.yml")
    assert fresh.returncode == 0, fresh.stderr

    before, after = tmp_path / "site" / "0", tmp_path / "site" / "1"
    assert differing(after, tmp_path / "fresh") == []
    changed = differing(before, after)
    assert f"assets/{EDITED}.txt" in changed
    assert EDITED in (after / "feed.xml").read_text(encoding="utf-8"), "the article's edit is not in its feed"
    shown = [
        page for page in changed if page.endswith(".html") and EDITED in (after / page).read_text(encoding="utf-8")
    ]
    partnership_pages = f"{partnerships_folder(project)}/"
    assert any(page.startswith(partnership_pages) for page in shown), "the data template's edit is not shown"
    assert any(not page.startswith(partnership_pages) for page in shown), "the theme template's edit is not shown"
    assert any(
        "partnership-map-title" in (after / page).read_text(encoding="utf-8")
        for page in changed
        if page.endswith(".html")
    )


def partnerships_folder(project: Path) -> str:
    return yaml.safe_load((project / "data" / "partnerships.yml").read_text(encoding="utf-8"))["page_folder"]


def test_mkdocs_copies_the_same_theme_files_with_the_listings_kept(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    # MkDocs lists the theme's files to find those it copies; the listing leaves out hidden ones.
    theirs, ours = Files([]), Files([])
    theirs.add_files_from_theme(config.theme.get_env(), config)
    ours.add_files_from_theme(theme_environment(config.theme.get_env()), config)
    assert [file.src_uri for file in theirs], "the theme has files to copy"
    assert [file.src_uri for file in ours] == [file.src_uri for file in theirs]
