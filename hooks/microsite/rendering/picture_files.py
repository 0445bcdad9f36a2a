"""Each article picture published at the sizes pages need (articles/pictures.py): after the i18n plugin's
`on_files`, the picture's file in this language build is replaced by one read from the cache (the same
address, cut to the widest size and without metadata), and its WebP sizes are added next to it as
`<name>-<width>.webp`. MkDocs copies them into the site like any other file, so its link validation
finds them; nothing is written to docs/. The pages' `srcset` is made from what is noted here.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..articles import pictures
from ..articles.collection import image_path

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..state import BuildState


def publish_picture_sizes(state: BuildState, files: Files) -> Files:
    """This language build's Files, with each article picture at the sizes pages need."""
    if state.articles is None:
        return files
    language = state.language
    folder = state.articles.settings.page_folder
    wanted = {
        f"{language}/{image_path(folder, article.image['src'])}"
        for article in state.articles.of(language)
        if article.image
    }
    for src_uri in sorted(wanted):
        original = files.get_file_from_path(src_uri)
        if original is None or original.abs_src_path is None:
            # Reported by the collection's check, which left the picture out of the article.
            continue
        if not pictures.is_resized(Path(original.abs_src_path)):
            continue
        sizes = pictures.sizes(Path(original.abs_src_path), state.project)
        state.pictures[src_uri] = sizes
        files.remove(original)
        files.append(
            upstream.file_copied_from(
                state.config, src_uri, original.dest_uri, sizes.file(sizes.fallback), like=original
            )
        )
        for variant in sizes.variants:
            name = variant_name(src_uri, variant.width)
            files.append(
                upstream.file_copied_from(
                    state.config,
                    posixpath.join(posixpath.dirname(src_uri), name),
                    posixpath.join(posixpath.dirname(original.dest_uri), name),
                    sizes.file(variant),
                    like=original,
                )
            )
    return files


def variant_name(src_uri: str, width: int) -> str:
    """The file name of a picture's WebP size: `harbour.jpg` → `harbour-640.webp`."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    return f"{stem}-{width}.webp"
