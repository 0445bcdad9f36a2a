"""The editor's loop: scaffolding new pages and records, and the live preview that keeps going."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from preview_server import POLL_SECONDS
from project import (
    Run,
    assemble_publication,
    build_site,
    collection_folder,
    free_port,
    microsite,
    person_ids,
    publication_data,
)
from site_model import configured_languages


def scaffold(project: Path, *args: str) -> Run:
    return microsite(*args, project=project)


def checks(project: Path) -> tuple[Run, Run]:
    return microsite("parity", project=project), microsite("check-data", project=project)


def check_ids(output: str) -> set[str]:
    return {line.split("[", 1)[1].split("]", 1)[0] for line in output.splitlines() if "] " in line and ": [" in line}


def test_new_article_creates_every_language_and_only_asks_for_the_translation(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    folder, author = collection_folder(project), person_ids(project)[-1]
    result = scaffold(
        project,
        "new-article",
        "neue-seite",
        "--title",
        "Neue Seite: ein Test",
        "--description",
        "Ein Satz über die neue Seite.",
        "--author",
        author,
    )
    assert result.returncode == 0, result.stderr
    today = datetime.date.today().isoformat()
    for language in configured_languages():
        page = project / "docs" / language / folder / "neue-seite.md"
        assert page.read_text(encoding="utf-8") == (
            "---\ntitle: 'Neue Seite: ein Test'\ndescription: Ein Satz über die neue Seite.\n"
            f"date: {today}\nauthors: [{author}]\ntopics: []\n---\n\n# Neue Seite: ein Test\n"
        )
    parity, data = checks(project)
    assert data.returncode == 0
    assert parity.returncode == 1
    assert parity.stdout.splitlines() == [
        f"docs/en/{folder}/neue-seite.md:1: [untracked-translation] no 'translated_from' in the front matter, so changes to docs/de/{folder}/neue-seite.md cannot be noticed – "
        f"once this translation matches it, run: make translated FILES='docs/en/{folder}/neue-seite.md'"
    ]
    # Once translated and recorded, everything passes, the strict build included.
    english = project / "docs" / "en" / folder / "neue-seite.md"
    english.write_text(
        "---\ntitle: 'New page: a test'\ndescription: A sentence about the new page.\n"
        f"date: {today}\nauthors: [{author}]\ntopics: []\n---\n\n# New page: a test\n",
        encoding="utf-8",
    )
    marked = microsite("translated", f"docs/en/{folder}/neue-seite.md", project=project)
    assert marked.returncode == 0, marked.stderr
    assert checks(project)[0].returncode == 0
    assert build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml").returncode == 0
    assert (tmp_path / "site" / "en" / folder / "neue-seite.html").is_file()


@pytest.mark.parametrize("slug", ["Neue-Seite", "neue seite", "größe", "neue--seite", "-neu", "../neu", ""])
def test_new_article_refuses_a_malformed_name(tmp_path: Path, slug: str) -> None:
    project = assemble_publication(tmp_path / "project")
    before = sorted(path.relative_to(project) for path in (project / "docs").rglob("*"))
    result = scaffold(
        project, "new-article", "--title", "T", "--description", "D", "--author", person_ids(project)[0], "--", slug
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"refused: '{slug}' is not a valid page name: use lowercase letters, digits and single hyphens"
    )
    assert sorted(path.relative_to(project) for path in (project / "docs").rglob("*")) == before


def test_new_article_never_overwrites(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    existing = next(
        path for path in (project / "docs" / "en" / collection_folder(project)).glob("*.md") if path.stem != "index"
    )
    before = existing.read_bytes()
    result = scaffold(
        project, "new-article", existing.stem, "--title", "T", "--description", "D", "--author", person_ids(project)[0]
    )
    assert result.returncode == 2
    assert "already exist" in result.stderr and "nothing was written" in result.stderr
    assert existing.read_bytes() == before


def test_new_partnership_adds_a_record_whose_empty_fields_the_checks_list(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    data_file = project / "data" / "partnerships.yml"
    before = data_file.read_text(encoding="utf-8")
    # Records are counted from 1 in messages, and named by their id.
    added = f"partnerships, record {len(publication_data('partnerships', project)['partnerships']) + 1} ('neustadt')"
    result = scaffold(project, "new-partnership", "neustadt")
    assert result.returncode == 0, result.stderr
    after = data_file.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    parity, data = checks(project)
    assert data.returncode == 1
    problems = data.stdout.splitlines()
    assert data.stderr == f"The publication data has {len(problems)} problems.\n"
    assert problems and all(line.startswith("data/partnerships.yml:") and added in line for line in problems)
    assert any("city.name.de: empty German translation – write the German text" in line for line in problems)
    assert any(
        "city.coordinates.lat: expected a number, found nothing – write the latitude" in line for line in problems
    )
    assert check_ids(parity.stdout) == {"data-translation", "untracked-translation"}
    again = scaffold(project, "new-partnership", "neustadt")
    assert again.returncode == 2 and "already has a partnership 'neustadt'" in again.stderr
    assert data_file.read_text(encoding="utf-8") == after
    malformed = scaffold(project, "new-partnership", "Neu Stadt")
    assert malformed.returncode == 2 and "is not a valid partnership id" in malformed.stderr


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, predicate, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and predicate(page):
            return page
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"{url} did not show what was expected within {seconds} s")


def page_with_marker(project: Path, marker: str) -> str:
    """The built path of the first source-language page (below the language folder) where `marker` stands."""
    folder = project / "docs" / configured_languages()[0]
    page = next(path for path in sorted(folder.rglob("*.md")) if f"<!-- data: {marker} -->" in path.read_text("utf-8"))
    return page.relative_to(folder).with_suffix(".html").as_posix()


def test_live_preview_shows_data_problems_as_warnings_and_keeps_going(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--no-strict",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--config-file",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/{page_with_marker(project, 'partnership-cards')}"
        wait_for(url, lambda page: "partnership-card__title" in page)
        data_file = project / "data" / "partnerships.yml"
        good = data_file.read_text(encoding="utf-8")
        data_file.write_text(good.replace("    since: ", "    since: x", 1), encoding="utf-8")
        broken = wait_for(url, lambda page: "admonition failure" in page)
        assert "partnerships, record 1 (" in broken and "since: expected a whole number" in broken
        log.flush()
        assert "WARNING -  data/partnerships.yml:" in (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert server.poll() is None, "the preview stopped"
        data_file.write_text(good, encoding="utf-8")
        wait_for(url, lambda page: "partnership-card__title" in page and "admonition failure" not in page)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_one_language_preview(tmp_path: Path) -> None:
    language = configured_languages()[1]
    project = assemble_publication(tmp_path / "project")
    env_site = tmp_path / "site"
    result = build_site(
        env_site, "http://127.0.0.1:8000/", project / "mkdocs.yml", environment={"BUILD_ONLY_LOCALE": language}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'<html lang="{language}"' in (env_site / "index.html").read_text(encoding="utf-8")
    assert not (env_site / language).exists()
