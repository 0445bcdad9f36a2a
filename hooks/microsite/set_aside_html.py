"""Large blocks of finished HTML kept out of Python-Markdown's way: a data marker's article cards and status tables.

A data marker's output is Markdown, mostly HTML blocks, which Python-Markdown copies through unchanged: it parses
them as HTML to find where each ends (md_in_html), and MkDocs parses them again for their `id`s. On the pages that
list articles, the cards are most of the page (an index of 400 articles: 60,000 start tags), and those two parses
were most of converting the page (about a quarter of converting every page of a publication of 400 article pairs).
A template marks such a block (`{{ set_aside(html) }}`): the Markdown gets a stand-in in its place, an empty
element of the same kind, which Python-Markdown copies through like the block; once the page is converted, the
block replaces its stand-in. The page is the same, byte for byte.

A block set aside must be one element, written as a raw HTML block would be (at the start of its line, after a
blank line or another HTML block), and hold no `id`: MkDocs never sees inside it, so its `id`s would be missing
from the anchors the link check knows.
"""

from __future__ import annotations

import hashlib

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markupsafe import Markup

# After Python-Markdown puts raw HTML back (its RawHtmlPostprocessor, 30) and its other postprocessors (20, 10).
PUT_BACK_PRIORITY = 5
# What a stand-in names its block by, and how long that name is.
STAND_IN_NAME = ' data-set-aside="'
DIGEST_BYTES = 12


class SetAsideHtml:
    """One build's blocks set aside, each with its stand-in, by the digest of its text: forgotten with the build."""

    def __init__(self) -> None:
        self._blocks: dict[str, tuple[str, str]] = {}

    def set_aside(self, html: str) -> Markup:
        """`html` with its element replaced by a stand-in (the whitespace around it kept), to put in the Markdown;
        `html` as it is if it is not one element."""
        html = str(html)
        block = html.strip()
        name_end = next((index for index, character in enumerate(block[1:], 1) if not character.isalnum()), 1)
        tag = block[1:name_end] if block.startswith("<") else ""
        if not tag or not block.endswith(f"</{tag}>"):
            return Markup(html)
        # By its text: the same stand-in wherever the same block is, in every build (a stand-in left in a page, as
        # in a code block that holds a marker, reads the same each time).
        digest = hashlib.blake2b(block.encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()
        stand_in = f'<{tag}{STAND_IN_NAME}{digest}"></{tag}>'
        self._blocks[digest] = (stand_in, block)
        start = html.index(block)
        return Markup(html[:start] + stand_in + html[start + len(block) :])

    def put_back(self, text: str) -> str:
        """`text` (a converted page) with each stand-in of this build replaced by its block."""
        parts, position = [], 0
        found = text.find(STAND_IN_NAME)
        while found != -1:
            digest_start = found + len(STAND_IN_NAME)
            stand_in, block = self._blocks.get(text[digest_start : digest_start + 2 * DIGEST_BYTES], ("", ""))
            start = found - stand_in.find(STAND_IN_NAME)
            if stand_in and text.startswith(stand_in, start):
                parts += [text[position:start], block]
                position = start + len(stand_in)
            found = text.find(STAND_IN_NAME, digest_start)
        return "".join(parts) + text[position:] if parts else text

    def markdown_extension(self) -> Extension:
        """The Python-Markdown extension that puts the blocks back into each page it converts."""
        return _PutBack(self)


class _PutBack(Extension):
    def __init__(self, blocks: SetAsideHtml) -> None:
        super().__init__()
        self._blocks = blocks

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_PutBackPostprocessor(md, self._blocks), "microsite_put_back", PUT_BACK_PRIORITY)


class _PutBackPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, blocks: SetAsideHtml) -> None:
        super().__init__(md)
        self._blocks = blocks

    def run(self, text: str) -> str:
        return self._blocks.put_back(text)
