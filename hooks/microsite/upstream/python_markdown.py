"""What the generator takes from Python-Markdown (which MkDocs converts every page with): md_in_html's parse
of a page's text for its HTML blocks, given the sets of tag names it asks for at every tag once a page.

md_in_html's parser builds those sets anew from `md.block_level_elements` at every start and end tag (its
`block_level_tags`, `block_tags` and `span_and_blocks_tags` are properties): about 90,000 tags a language
at 400 articles, most of them in the data markers' cards, a tenth of a second of a language's CPU.
Nothing changes that list while a page is parsed (extensions add to it when the converter is made), so
sets made at a page's first tag are the ones made at every later tag, and the pages come out the same.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.md_in_html import HtmlBlockPreprocessor, HTMLExtractorExtra

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig


class _ParserWithTagSets(HTMLExtractorExtra):
    """md_in_html's parser of one page's text, with its sets of tag names made once."""

    @functools.cached_property
    def block_level_tags(self) -> set[str]:
        return set(self.md.block_level_elements)

    @functools.cached_property
    def block_tags(self) -> set[str]:
        return self.block_level_tags - (self.span_tags | self.raw_tags | self.empty_tags)

    @functools.cached_property
    def span_and_blocks_tags(self) -> set[str]:
        return self.block_tags | self.span_tags


class _HtmlBlocksWithTagSets(HtmlBlockPreprocessor):
    """md_in_html's preprocessor (the HTML blocks taken out of the text), each page parsed by the parser above."""

    def run(self, lines: list[str]) -> list[str]:
        parser = _ParserWithTagSets(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


# The priority md_in_html registers its preprocessor with (after MkDocs' own parse for anchors, at 21).
_MD_IN_HTML_PRIORITY = 20


class _TagSetsOnceAPage(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Only where md_in_html's own preprocessor is registered (a publication without md_in_html, or with an
        # extension that replaces it, keeps what it has); loaded after the configured extensions.
        if "html_block" in md.preprocessors and type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
            md.preprocessors.register(_HtmlBlocksWithTagSets(md), "html_block", _MD_IN_HTML_PRIORITY)


def parse_html_blocks_with_tag_sets_once(config: MkDocsConfig) -> None:
    """Every page of the build `config` belongs to converted with md_in_html's parse as above."""
    if not any(isinstance(extension, _TagSetsOnceAPage) for extension in config.markdown_extensions):
        config.markdown_extensions.append(_TagSetsOnceAPage())
