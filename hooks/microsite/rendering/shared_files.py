"""A file next to a source-language page serves its translations too: a picture placed once in
`docs/de/artikel/` shows on the English article that uses it, copied to `en/artikel/` in the site.

mkdocs-static-i18n (1.3, `docs_structure: folder`) gives each language build only the files of its own
folder; its `fallback_to_default` would add the source language's, but also its pages in place of
missing translations, which must not show the other language's text (the stand-ins do that instead).
So the source language's non-page files are noted before the plugin's `on_files`, and after it each one
that the translation's folder has no file of the same path for is added to that language build's
Files, read from the source folder: MkDocs' link validation finds it there, and copies it into the
language's folder of the site. A file of the same path in the translation's folder (a localized
picture) is the plugin's own, and wins. Nothing is written to docs/; a symbolic link that leads out of
the project is not followed, but named.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..findings import Finding
from ..page_files import leaves_project

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..state import BuildState

CHECKS = {"file-outside-project": "a file below docs/ is a symbolic link to a file outside the project"}


def note_source_files(state: BuildState, files: Files) -> None:
    """Before the i18n plugin's on_files, which leaves them out of the other languages' builds."""
    source = state.configured_languages.source
    folder = Path(state.config.docs_dir) / source
    state.source_files = {
        file.src_uri.removeprefix(f"{source}/"): file
        for file in files
        if not file.is_documentation_page()
        and file.abs_src_path is not None
        and Path(file.abs_src_path).is_relative_to(folder)
    }


def drop_files_outside_project(state: BuildState, files: Files) -> None:
    """After the i18n plugin's on_files: a file below docs/ that is a symbolic link out of the project is
    named and left out of this language's site (MkDocs would copy what it leads to)."""
    folder = Path(state.config.docs_dir)
    for file in list(files):
        if file.is_documentation_page() or file.abs_src_path is None:
            continue
        if Path(file.abs_src_path).is_relative_to(folder) and leaves_project(Path(file.abs_src_path), state.project):
            state.problems.report(_outside_project(f"docs/{file.src_uri}"))
            files.remove(file)


def share_source_files(state: BuildState, files: Files) -> Files:
    """After the i18n plugin's on_files: this translation's Files, with every source-language file that
    its own folder lacks."""
    language, source = state.language, state.configured_languages.source
    if language == source:
        return files
    for path, original in state.source_files.items():
        src_uri = f"{language}/{path}"
        if src_uri in files:
            continue
        if leaves_project(Path(original.abs_src_path), state.project):
            state.problems.report(_outside_project(f"docs/{source}/{path}"))
            continue
        dest_uri = state.languages.root(language) + path
        files.append(upstream.file_read_from(state.config, src_uri, dest_uri, original))
    return files


def _outside_project(shown: str) -> Finding:
    message = (
        "this file is a symbolic link to a file outside the project, which the build does not follow – it is left "
        "out of the site; put the file itself here (a copy, not a link)"
    )
    return Finding(shown, 1, message, "file-outside-project")
