"""Which symbolic links below docs/, data/ and overrides/ are followed: those that stay in their folder;
every other one is one finding, with its path in the project and what to do. And the theme's template
loader passes over a template that is a refused link, for the theme's own."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from microsite.symbolic_links import refused_links
from microsite.templates import ThemeFolders


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for folder in ("docs/de/bilder", "docs/en", "data", "overrides/partials", ".git"):
        (root / folder).mkdir(parents=True)
    (root / "docs/de/bilder/hafen.png").write_bytes(b"picture")
    (root / "data/people.yml").write_text("people: []\n", encoding="utf-8")
    (root / ".git/config").write_text("[core]\n", encoding="utf-8")
    return root


def found(project: Path) -> list[str]:
    return [finding.text() for finding in refused_links(project)]


def test_links_that_stay_in_their_folder_are_followed(project: Path) -> None:
    (project / "docs/en/hafen.png").symlink_to("../de/bilder/hafen.png")
    (project / "docs/en/bilder").symlink_to("../de/bilder")
    (project / "data/personen.yml").symlink_to("people.yml")
    assert found(project) == []


def test_a_link_elsewhere_in_the_project_is_refused(project: Path) -> None:
    (project / "docs/de/einstellungen.md").symlink_to("../../.git/config")
    (project / "overrides/partials/people.html").symlink_to("../../data/people.yml")
    assert found(project) == [
        "docs/de/einstellungen.md:1: [link-outside-folder] this file is a symbolic link to .git/config, which is "
        "in the project but outside docs/; the build and the checks do not follow it – copy the file itself in; a "
        "link below docs/ is followed only to what docs/ holds",
        "overrides/partials/people.html:1: [link-outside-folder] this file is a symbolic link to data/people.yml, "
        "which is in the project but outside overrides/; the build and the checks do not follow it – copy the file "
        "itself in; a link below overrides/ is followed only to what overrides/ holds",
    ]


def test_a_link_that_passes_through_another_out_of_the_project_is_refused_with_it(
    project: Path, tmp_path: Path
) -> None:
    (tmp_path / "secret.txt").write_text("not the project's\n", encoding="utf-8")
    (project / "docs/de/weiter.txt").symlink_to(tmp_path / "secret.txt")
    (project / "docs/de/bilder/kette.txt").symlink_to("../weiter.txt")
    assert [line.split(" ", 2)[:2] for line in found(project)] == [
        ["docs/de/weiter.txt:1:", "[file-outside-project]"],
        ["docs/de/bilder/kette.txt:1:", "[file-outside-project]"],
    ]


def test_a_folder_that_is_a_link_out_of_the_project_is_one_finding(project: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (tmp_path / "elsewhere" / "deep" / "a.yml").write_text("a: 1\n", encoding="utf-8")
    (project / "data").rename(tmp_path / "data-elsewhere")
    (project / "data").symlink_to(tmp_path / "data-elsewhere")
    (project / "docs/de/fremd").symlink_to(tmp_path / "elsewhere")
    assert found(project) == [
        "docs/de/fremd:1: [file-outside-project] this folder is a symbolic link out of the project, which the build "
        "and the checks do not follow – copy the folder itself in; a link out of the project is never published",
        "data:1: [file-outside-project] this folder is a symbolic link out of the project, which the build and the "
        "checks do not follow – copy the folder itself in; a link out of the project is never published",
    ]


def test_a_loop_and_a_link_to_nothing_are_refused(project: Path) -> None:
    (project / "docs/de/bilder/zurueck").symlink_to("..")
    (project / "data/alt.yml").symlink_to("geloescht.yml")
    assert found(project) == [
        "docs/de/bilder/zurueck:1: [link-loop] this folder is a symbolic link to docs/de, a folder that holds the "
        "link itself: following it would never end – delete the link",
        "data/alt.yml:1: [dangling-link] this is a symbolic link to geloescht.yml, which does not exist – put the "
        "file itself here, or delete the link",
    ]


def test_the_theme_loader_passes_over_a_template_that_is_a_link_out_of_its_folder(
    project: Path, tmp_path: Path
) -> None:
    theme = tmp_path / "theme" / "partials"
    theme.mkdir(parents=True)
    (theme / "footer.html").write_text("the theme's footer", encoding="utf-8")
    (theme / "header.html").write_text("the theme's header", encoding="utf-8")
    (tmp_path / "elsewhere.html").write_text("not the project's", encoding="utf-8")
    (project / "overrides/partials/footer.html").symlink_to(tmp_path / "elsewhere.html")
    (project / "overrides/partials/header.html").write_text("the project's header", encoding="utf-8")
    environment = jinja2.Environment(loader=ThemeFolders([str(project / "overrides"), str(tmp_path / "theme")]))
    assert environment.get_template("partials/footer.html").render() == "the theme's footer"
    assert environment.get_template("partials/header.html").render() == "the project's header"
    with pytest.raises(jinja2.TemplateNotFound):
        environment.get_template("partials/missing.html")
