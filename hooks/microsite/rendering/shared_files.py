"""A file next to a source-language page serves its translations too: a picture placed once in
`docs/de/artikel/` shows on the English article that uses it, copied to `en/artikel/` in the site.

mkdocs-static-i18n (1.3, `docs_structure: folder`) gives each language build only the files of its own
folder; its `fallback_to_default` would add the source language's, but also its pages in place of
missing translations, which must not show the other language's text (the stand-ins do that instead).
So the source language's non-page files are noted before the plugin's `on_files`, and after it each one
that the translation's folder has no file of the same path for is added to that language build's
Files, read from the source folder: MkDocs' link validation finds it there, and copies it into the
language's folder of the site. A file of the same path in the translation's folder (a localized
picture) is the plugin's own, and wins. Nothing is written to docs/. A symbolic link that is not
followed (symbolic_links.py) is out of the Files before they are noted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..state import BuildState


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
        dest_uri = state.languages.root(language) + path
        files.append(upstream.file_read_from(state.config, src_uri, dest_uri, original))
    return files
