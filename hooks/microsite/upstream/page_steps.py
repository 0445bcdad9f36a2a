"""What the live preview takes from MkDocs to keep a page from one build to the next: MkDocs' reading
(`_populate_page`) and rendering (`_build_page`) of each page, which it replaces in the preview's process,
what the reading leaves on a page, and the file the rendering writes."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .i18n import file_at

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class ReadPage:
    """What MkDocs' reading of a page (`_populate_page`: its source read, the `page_markdown` events, its
    Markdown converted) leaves on it: what the preview gives a page it keeps instead of reading it again."""

    markdown: str | None
    meta: dict[str, Any]
    content: str | None
    toc: Any
    title_from_render: str | None
    present_anchor_ids: frozenset[str] | None
    # The anchors its links name in other pages, by the linked file's path below docs/.
    links_to_anchors: dict[str, dict[str, str]]


def read_page(page: Page) -> ReadPage:
    """The page as MkDocs' reading left it (its front matter copied: later steps change the page's)."""
    present = getattr(page, "present_anchor_ids", None)
    return ReadPage(
        markdown=page.markdown,
        meta=copy.deepcopy(page.meta),
        content=page.content,
        toc=page.toc,
        title_from_render=page._title_from_render,
        present_anchor_ids=None if present is None else frozenset(present),
        links_to_anchors={file.src_uri: dict(links) for file, links in getattr(page, "links_to_anchors", {}).items()},
    )


def give_read_page(page: Page, read: ReadPage, files: Files) -> None:
    """Leaves on `page` what MkDocs' reading of it left on the same page in an earlier build.

    A copy of the front matter's fields, not of their values, and the table of contents itself (deep copies
    of both were 7 % of a save at 1,000 articles): the later steps replace fields (the theme's texts as HTML,
    `hide`, a field of the wrong kind left out) but change no value in place, and only read the table."""
    page.markdown = read.markdown
    page.meta = dict(read.meta)
    page.content = read.content
    page.toc = read.toc
    page._title_from_render = read.title_from_render
    page.present_anchor_ids = None if read.present_anchor_ids is None else set(read.present_anchor_ids)
    linked = {src_uri: file_at(files, src_uri) for src_uri in read.links_to_anchors}
    page.links_to_anchors = {
        file: dict(read.links_to_anchors[src_uri]) for src_uri, file in linked.items() if file is not None
    }


def replace_page_steps(read: Callable[..., None], render: Callable[..., None]) -> Callable[[], None]:
    """MkDocs' reading (`_populate_page`) and rendering (`_build_page`) of each page, in this process,
    replaced by `read(populate, page, config, files, dirty)` and `render(build_page, page, config, *rest,
    **options)`, given MkDocs' own steps to call; returns what puts MkDocs' own back. ProperDocs' build is
    another module, which this leaves as it is."""
    from mkdocs.commands import build

    populate, build_page = build._populate_page, build._build_page
    build._populate_page = functools.partial(read, populate)
    build._build_page = functools.partial(render, build_page)

    def put_back() -> None:
        build._populate_page, build._build_page = populate, build_page

    return put_back


def write_page_output(page: Page, output: bytes) -> None:
    from mkdocs.utils import write_file

    write_file(output, page.file.abs_dest_path)
