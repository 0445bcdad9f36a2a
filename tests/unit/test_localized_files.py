"""The preview's next build gets each language's files as the i18n plugin would make them again
(upstream/i18n.py `LocalizedFiles`): the same files, addresses and alternates as a fresh plugin's, after a save
that changes no file list, after a page added, and for each language; and files of its own, which a build may
change without the next build seeing it. In-process, on a copy of the fixture publication."""

from __future__ import annotations

from pathlib import Path

import mkdocs_static_i18n.folder
import pytest
from microsite.upstream import LocalizedFiles, file_at
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from project import assemble_publication


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return assemble_publication(tmp_path)


def localized(project: Path, language: str, kept: LocalizedFiles | None) -> Files:
    """One language build's files after the i18n plugin's `on_files`, made through `kept` if given."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False)
    plugin = config.plugins["i18n"]
    plugin.on_config(config)
    plugin.current_language = language
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    if kept is not None:
        kept.use_in(config)
    return plugin.on_files(files, config)


def described(files: Files) -> list[tuple]:
    """What a build reads of each file: where it comes from and goes, and its alternates' addresses."""
    return [
        (
            file.src_uri,
            file.abs_src_path,
            file.dest_uri,
            file.abs_dest_path,
            file.url,
            file.inclusion,
            sorted((language, alternate.src_uri, alternate.url) for language, alternate in file.alternates.items())
            if hasattr(file, "alternates")
            else None,
        )
        for file in files
    ]


def test_a_rebuild_gets_what_the_plugin_makes_and_files_of_its_own(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = LocalizedFiles()
    localized(project, "de", kept)
    made = []
    create = mkdocs_static_i18n.folder.create_i18n_file
    monkeypatch.setattr(mkdocs_static_i18n.folder, "create_i18n_file", lambda *args: made.append(args) or create(*args))
    second = list(localized(project, "de", kept))
    assert made == [], "a build with the same files made the plugin's files again"
    # What a build does to its files (MkDocs gives them pages, the hooks change inclusions) stays in that build.
    for file in second:
        file.page = "a page of the build before"
        for alternate in getattr(file, "alternates", {}).values():
            alternate.url = "/changed-by-the-build-before/"
    third = localized(project, "de", kept)
    assert described(third) == described(localized(project, "de", None))
    assert all(file.page is None for file in third)
    seconds = {id(file) for file in second} | {
        id(alternate) for file in second for alternate in getattr(file, "alternates", {}).values()
    }
    assert not any(id(file) in seconds for file in third)


def test_a_page_added_is_in_the_next_build(project: Path) -> None:
    kept = LocalizedFiles()
    localized(project, "en", kept)
    (project / "docs" / "en" / "added-page.md").write_text("# Added\n\nA page more.\n", encoding="utf-8")
    rebuilt = localized(project, "en", kept)
    assert "en/added-page.md" in rebuilt.src_uris
    assert described(rebuilt) == described(localized(project, "en", None))


def test_each_language_gets_its_own_files(project: Path) -> None:
    kept = LocalizedFiles()
    localized(project, "de", kept)
    english = localized(project, "en", kept)
    assert described(english) == described(localized(project, "en", None))
    assert described(localized(project, "de", kept)) == described(localized(project, "de", None))


def test_a_file_is_found_where_the_plugin_finds_it(project: Path) -> None:
    # A file of the theme's own path in a language's folder: for the theme's path the plugin finds that one.
    (project / "docs" / "en" / "assets" / "images").mkdir(parents=True)
    (project / "docs" / "en" / "assets" / "images" / "favicon.png").write_bytes(b"en")
    for language in ("de", "en"):
        files = localized(project, language, None)
        theme = [
            file.src_uri for file in files if "/" in file.src_uri and file.src_uri.split("/")[0] not in ("de", "en")
        ]
        assert "assets/images/favicon.png" in theme
        paths = {"index.md", ".", "de/nowhere.md", "nowhere.md", *theme}
        for src_uri in files.src_uris:
            unprefixed = src_uri.split("/", 1)[-1]
            paths |= {src_uri, unprefixed, f"de/{unprefixed}", f"en/{unprefixed}"}
        for path in sorted(paths):
            assert file_at(files, path) is files.get_file_from_path(path), path
