"""Nothing a symbolic link leads to outside the project is published, used as data or as a template.

A copy of the fixture publication gets links out of the project, each to a file that holds a marker no
file of the project holds: a page, an asset and a folder (with a page and an asset) below docs/, a data
file in place of one of data/, and a template and an asset in place of the theme's in overrides/. Then

- every check `make check` runs (the data check, parity, the strict build, the link check) refuses each
  link with its file and what to do, and nothing of any target is in site/;
- every other command that reads or writes the project refuses them too, and writes nothing;
- the preview's build (not strict, as `mkdocs serve` runs it) names each link and goes on: the site is
  written, and no file of it (pages, search index, feeds, copies) holds a marker.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from project import (
    SUB_PATH,
    as_editors_clone,
    assemble_publication,
    build_site,
    collection_folder,
    microsite,
    mkdocs_env,
    person_ids,
)
from test_preview_properties import preview_build

SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"
MARKER = "outside-the-project-7f3c"
NETWORK = "Bündnis Klimahäfen"
OUT_OF_PROJECT = "symbolic link out of the project, which the build and the checks do not follow"
EVERY_LINK = [
    f"docs/de/geheim.md:1: [file-outside-project] this file is a {OUT_OF_PROJECT} – copy the file itself in; "
    "a link out of the project is never published",
    f"docs/de/notiz.txt:1: [file-outside-project] this file is a {OUT_OF_PROJECT} – copy the file itself in; "
    "a link out of the project is never published",
    f"docs/de/ordner:1: [file-outside-project] this folder is a {OUT_OF_PROJECT} – copy the folder itself in; "
    "a link out of the project is never published",
    f"data/networks.yml:1: [file-outside-project] this file is a {OUT_OF_PROJECT} – copy the file itself in; "
    "a link out of the project is never published",
    f"overrides/assets/notiz.txt:1: [file-outside-project] this file is a {OUT_OF_PROJECT} – copy the file itself "
    "in; a link out of the project is never published",
    f"overrides/partials/copyright.html:1: [file-outside-project] this file is a {OUT_OF_PROJECT} – copy the file "
    "itself in; a link out of the project is never published",
]


@pytest.fixture(scope="module")
def linked_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture publication with a link out of the project in each place a file goes into the site."""
    folder = tmp_path_factory.mktemp("symbolic-links")
    project = assemble_publication(folder / "project")
    outside = folder / "outside"
    (outside / "ordner").mkdir(parents=True)
    page = f"---\ntitle: Geheim {MARKER}\ndescription: Nicht von hier.\n---\n\n# Geheim\n\nDer Text {MARKER}.\n"
    (outside / "seite.md").write_text(page, encoding="utf-8")
    (outside / "ordner" / "seite.md").write_text(page, encoding="utf-8")
    for asset in (outside / "notiz.txt", outside / "ordner" / "notiz.txt"):
        asset.write_text(f"{MARKER}\n", encoding="utf-8")
    networks = (project / "data" / "networks.yml").read_text(encoding="utf-8")
    assert NETWORK in networks
    (outside / "networks.yml").write_text(networks.replace(NETWORK, MARKER), encoding="utf-8")
    (outside / "copyright.html").write_text(f"<p>{MARKER}</p>\n", encoding="utf-8")
    links = {
        "docs/de/geheim.md": outside / "seite.md",
        "docs/de/notiz.txt": outside / "notiz.txt",
        "docs/de/ordner": outside / "ordner",
        "data/networks.yml": outside / "networks.yml",
        "overrides/assets/notiz.txt": outside / "notiz.txt",
        "overrides/partials/copyright.html": outside / "copyright.html",
    }
    for link, target in links.items():
        (project / link).unlink(missing_ok=True)
        (project / link).symlink_to(target)
    return project


def files_with_marker(folder: Path) -> list[str]:
    """Every file below `folder` whose bytes hold the marker (in any text: pages, the search index, feeds)."""
    if not folder.exists():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and MARKER.encode() in path.read_bytes()
    )


def test_every_check_of_make_check_refuses_every_link_and_publishes_nothing(linked_project: Path) -> None:
    """What `make check` runs, each on its own (as tests/check_publication.py does): the data check,
    parity, the strict build, and the link check of the site the build would have written."""
    site = linked_project.parent / "site-of-make-check"
    checks = [microsite("check-data", project=linked_project), microsite("parity", project=linked_project)]
    build = build_site(site, SITE_URL, config_file=linked_project / "mkdocs.yml")
    links = microsite("check-links", str(site), project=linked_project)
    for check in [*checks, links]:
        assert check.returncode == 1
        assert check.stdout.splitlines() == EVERY_LINK
        assert "6 symbolic links cannot be followed: nothing was read or written" in check.stderr
    output = build.stdout + build.stderr
    assert build.returncode == 1
    assert "6 symbolic links cannot be followed, and nothing was built:\n" + "\n".join(EVERY_LINK) in output
    assert MARKER not in "".join(check.stdout + check.stderr for check in [*checks, build, links])
    assert files_with_marker(site) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["translated", "docs/en/impressum.md"],
        ["new-partnership", "seehafen"],
        ["new-article", "neuer-beitrag", "--title", "Neu", "--description", "Ein Satz.", "--author", "{person}"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_every_other_command_refuses_and_writes_nothing(linked_project: Path, arguments: list[str]) -> None:
    arguments = [argument.replace("{person}", person_ids(linked_project)[0]) for argument in arguments]
    before = {path: path.read_bytes() for path in linked_project.rglob("*") if path.is_file()}
    result = microsite(*arguments, project=linked_project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EVERY_LINK
    assert "6 symbolic links cannot be followed: nothing was read or written" in result.stderr
    assert {path: path.read_bytes() for path in linked_project.rglob("*") if path.is_file()} == before
    assert not list(linked_project.glob(f"docs/*/{collection_folder(linked_project)}/neuer-beitrag.md"))


def test_the_preview_names_every_link_and_publishes_nothing_of_them(linked_project: Path) -> None:
    warnings = preview_build(linked_project)
    site = linked_project.parent / "site"
    assert [warning for warning in warnings if "symbolic link" in warning] == EVERY_LINK
    assert files_with_marker(site) == []
    assert (site / "search" / "search_index.json").is_file()
    for left_out in ("geheim.html", "notiz.txt", "ordner", "en/geheim.html", "en/notiz.txt", "assets/notiz.txt"):
        assert not (site / left_out).exists(), left_out


def test_make_check_in_an_editors_clone_refuses_every_link(linked_project: Path) -> None:
    """`make check` itself, as an editor or CI runs it (here with -k, so that every check it can run does):
    each refuses the links, and no site is written."""
    clone = as_editors_clone(Path(shutil.copytree(linked_project, linked_project.parent / "clone", symlinks=True)))
    result = subprocess.run(
        ["make", "--no-print-directory", "-k", "check"], cwd=clone, env=mkdocs_env(), capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # The data check, parity and the strict build (which check-links waits for) each name every link.
    for link in EVERY_LINK:
        assert output.count(link) == 3, link
    assert MARKER not in output
    assert files_with_marker(clone / "site") == []
