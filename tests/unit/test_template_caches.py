"""What a process keeps of the templates between builds (hooks/microsite/templates.py): a template's
compiled code only while its source and the compiling environment's settings are the same, and the list
of a theme folder's files only while no directory in it changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
from microsite.templates import FolderListings, ThemeFolders, folder_templates, theme_environment

HOUR_AGO = time.time() - 3600


def settled(folder: Path) -> None:
    """The folder and every directory in it last changed an hour ago, as an installed theme's."""
    for directory in [folder, *(path for path in folder.rglob("*") if path.is_dir())]:
        os.utime(directory, (HOUR_AGO, HOUR_AGO))


def test_a_template_edited_between_builds_renders_as_edited(tmp_path: Path) -> None:
    template = tmp_path / "partials" / "data" / "greeting.html"
    template.parent.mkdir(parents=True)
    template.write_text("Hallo {{ name }}\n", encoding="utf-8")
    # Each build makes its own environment; the compiled code is the process's.
    assert folder_templates([tmp_path]).get_template("partials/data/greeting.html").render(name="A") == "Hallo A\n"
    template.write_text("Guten Tag {{ name }}\n", encoding="utf-8")
    assert folder_templates([tmp_path]).get_template("partials/data/greeting.html").render(name="A") == "Guten Tag A\n"


def test_one_file_compiled_by_environments_of_other_settings_renders_as_each_compiles_it(tmp_path: Path) -> None:
    (tmp_path / "text.html").write_text("{{ text }}", encoding="utf-8")
    # The data templates escape what they write; the theme's environment (MkDocs') does not.
    assert folder_templates([tmp_path]).get_template("text.html").render(text="<b>") == "&lt;b&gt;"
    theme = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
    assert theme_environment(theme).get_template("text.html").render(text="<b>") == "<b>"


def test_the_theme_loader_lists_what_jinja_lists_but_hidden_files(tmp_path: Path) -> None:
    overrides, theme = tmp_path / "overrides", tmp_path / "theme"
    for name in ("main.html", "partials/footer.html", "assets/site.css", ".icons/a/b.svg", "assets/.hidden.js"):
        for folder in (overrides, theme) if name != "assets/site.css" else (overrides,):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("x", encoding="utf-8")
    (theme / "base.html").write_text("x", encoding="utf-8")
    folders = [str(overrides), str(theme)]
    every = jinja2.FileSystemLoader(folders).list_templates()
    assert ".icons/a/b.svg" in every and "assets/.hidden.js" in every
    assert ThemeFolders(folders).list_templates() == [name for name in every if "/." not in f"/{name}"]


def test_a_file_added_or_removed_anywhere_in_a_folder_is_listed_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.html").write_text("x", encoding="utf-8")
    settled(tmp_path)
    listings = FolderListings()
    assert listings.names(str(tmp_path), False) == ["partials/footer.html"]
    (tmp_path / "partials" / "header.html").write_text("x", encoding="utf-8")
    assert listings.names(str(tmp_path), False) == ["partials/footer.html", "partials/header.html"]
    settled(tmp_path)
    listings.names(str(tmp_path), False)
    (tmp_path / "partials" / "footer.html").unlink()
    (tmp_path / "assets" / "icons").mkdir(parents=True)
    (tmp_path / "assets" / "icons" / "logo.svg").write_text("x", encoding="utf-8")
    assert listings.names(str(tmp_path), False) == ["assets/icons/logo.svg", "partials/header.html"]


def test_a_listing_is_kept_while_no_directory_changes(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("x", encoding="utf-8")
    settled(tmp_path)
    listings = FolderListings()
    assert listings.names(str(tmp_path), False) == ["main.html"]
    # A file the folder's time does not show (as a clock too coarse to tick between two changes would
    # leave it): the kept listing is not read again.
    (tmp_path / "hidden.html").write_text("x", encoding="utf-8")
    settled(tmp_path)
    assert listings.names(str(tmp_path), False) == ["main.html"]


def test_a_folder_changed_in_the_last_second_is_listed_again_at_every_call(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("x", encoding="utf-8")
    listings = FolderListings()
    assert listings.names(str(tmp_path), False) == ["main.html"]
    # Changed again within the same tick of the file system's clock: its time stays what it was.
    time_before = os.stat(tmp_path).st_mtime_ns
    (tmp_path / "base.html").write_text("x", encoding="utf-8")
    os.utime(tmp_path, ns=(time_before, time_before))
    assert listings.names(str(tmp_path), False) == ["base.html", "main.html"]


def test_a_folder_that_appears_later_is_listed(tmp_path: Path) -> None:
    listings = FolderListings()
    folder = tmp_path / "theme"
    assert listings.names(str(folder), False) == []
    folder.mkdir()
    (folder / "main.html").write_text("x", encoding="utf-8")
    settled(folder)
    assert listings.names(str(folder), False) == ["main.html"]
