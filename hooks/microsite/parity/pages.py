"""A Markdown page as the comparison sees it: top-level blocks, each with what its content holds
(headings, code, data markers, links, images, numbers), as page_reader.py reads them from the text.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .report import Exemption
from .text_language import judged_words

IGNORE_KEY = "parity_ignore"
# The blocks whose number must be the same on both sides, by the token that opens them.
BLOCK_KINDS = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "bulleted list",
    "ordered_list_open": "numbered list",
    "list_item_open": "list item",
    "table_open": "table",
    "tr_open": "table row",
    "blockquote_open": "block quote",
    "admonition_open": "admonition",
    "dl_open": "definition list",
}


@dataclass
class Block:
    """A top-level block of a page, with what its inline content holds."""

    kind: str
    line: int
    heading_level: int = 0
    heading_text: str = ""
    heading_id: str | None = None
    code: str | None = None
    marker: str | None = None
    internal_links: Counter = field(default_factory=Counter)
    external_links: Counter = field(default_factory=Counter)
    mailto: Counter = field(default_factory=Counter)
    images: Counter = field(default_factory=Counter)
    # The line of each image's first appearance in the block, by its address.
    image_lines: dict[str, int] = field(default_factory=dict)
    numbers: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    # The words a reader reads, in pieces: inline text without code, HTML, link addresses or images.
    prose: list[str] = field(default_factory=list)
    # Check id → line of the `<!-- parity-ignore: … -->` declared right before this block.
    ignore: dict[str, int] = field(default_factory=dict)
    # Blocks compared as one (block_contents.py): the line of the block each link, image or number is in.
    origins: dict[tuple[str, str], int] = field(default_factory=dict)

    def line_of(self, attribute: str, item: str) -> int:
        """The line of the block a link, image or number (in the Counter `attribute`) is in."""
        return self.origins.get((attribute, item), self.line)

    @property
    def text(self) -> str:
        """What a reader reads of the block."""
        return "".join(self.prose)

    @property
    def is_figure(self) -> bool:
        """A paragraph of images and nothing a reader reads: a translation that lacks it lacks images, not
        a paragraph."""
        return self.kind == "paragraph" and bool(self.images) and not self.text.strip()

    @property
    def comparable(self) -> str:
        """The block's text as two copies of it compare equal, however they are wrapped."""
        return " ".join(self.text.split())

    @functools.cached_property
    def judged_words(self) -> list[str]:
        """The words the block's language is judged by (on first use: the page is read by then)."""
        return judged_words(self.text)


@dataclass(frozen=True)
class Part:
    """A block or a block within one (a list item, a table row…), in the order the page has them."""

    kind: str
    line: int
    # The index of the top-level block it is, or is in.
    block: int


@dataclass
class Page:
    path: Path
    shown: str
    # The language the page is written in: its folder's.
    language: str
    text: str
    front_matter: dict
    blocks: list[Block]
    counts: Counter
    page_exemptions: list[Exemption]
    inline_exemptions: list[Exemption]
    # Every block and block within one, in order: where two pages' structures part.
    parts: list[Part] = field(default_factory=list)
    # The line of each front matter key.
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def below_language(self) -> str:
        """The page's path below its language folder ('artikel/a.md'), which its links are relative to."""
        return self.shown.removeprefix(f"docs/{self.language}/")

    def exemptions_for(self, block: Block | None) -> list[Exemption]:
        """What is declared for a block: the page's declarations, and those on the line before it."""
        exemptions = list(self.page_exemptions)
        if block is not None:
            exemptions += [e for e in self.inline_exemptions if block.ignore.get(e.check) == e.line]
        return exemptions
