"""Reading a Markdown page into the blocks the comparison sees (pages.py): parsed with markdown-it-py,
its front matter with the line of each key, and the `parity-ignore` declarations on it.

Parsed Markdown, not regular expressions over the text: a `#` in a code block is no heading, and a
number in a link's address is no figure of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from markdown_it.token import Token

from ..data.yaml_positions import PlainLoader
from ..markers import find_markers
from ..page_markdown import markdown_parser
from ..text_files import read_utf8
from .pages import BLOCK_KINDS, IGNORE_KEY, Block, Page, Part
from .report import Exemption, declared_checks

INLINE_IGNORE = re.compile(r"^<!--\s*parity-ignore:\s*(?P<checks>[a-z, -]+?)\s*-->\s*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[A-Za-z][\w-]*)[^}]*\}\s*$")
# An attribute list at the end of a block's text (`{ .lead }`, `{ #id }`, `{ role="presentation" }`): markup,
# not words.
ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*(?:[#.]|[A-Za-z][\w-]*=)[^{}]*\}\s*$")
NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")
CODE_TOKENS = ("fence", "code_block")
# What the other top-level blocks are called in a message, by the token that opens them.
TOP_LEVEL_KINDS = {
    "heading_open": "heading",
    "fence": "code block",
    "code_block": "code block",
    "html_block": "HTML block",
    "hr": "horizontal rule",
}


def plain_numbers(text: str) -> Counter:
    """Numbers in a text, thousands separators and decimal marks of either language made alike."""
    numbers = Counter()
    for match in NUMBER.findall(text):
        numbers[re.sub(r"[.,](?=\d{3}\b)", "", match).replace(",", ".")] += 1
    return numbers


def parse_page(path: Path, shown: str, language: str) -> Page:
    """The page of a file; raises UnreadableText."""
    return parse_text(read_utf8(path), path, shown, language)


def parse_text(text: str, path: Path, shown: str, language: str) -> Page:
    """A page's text (from `path`, shown to editors as `shown`) as blocks."""
    reader = _PageReader()
    for token in markdown_parser().parse(text):
        reader.read(token)
    exemptions = _page_exemptions(reader.front_matter)
    return Page(
        path,
        shown,
        language,
        text,
        reader.front_matter,
        reader.blocks,
        reader.counts,
        exemptions,
        reader.declared,
        reader.parts,
        reader.key_lines,
    )


def _front_matter(yaml_text: str, first_line: int) -> tuple[dict, dict[str, int]]:
    """The front matter's fields, and the line of each key (the YAML starts on `first_line` of the page)."""
    loader = PlainLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return {}, {}
        lines = {str(loader.construct_object(key)): first_line + key.start_mark.line for key, _ in node.value}
        loaded = loader.construct_document(node)
    # A number too long for Python to convert is a ValueError.
    except (yaml.YAMLError, ValueError):
        return {}, {}
    finally:
        loader.dispose()
    return (loaded, lines) if isinstance(loaded, dict) else ({}, {})


def _page_exemptions(front_matter: dict) -> list[Exemption]:
    declared = front_matter.get(IGNORE_KEY) or []
    return [Exemption(str(check), 1) for check in declared] if isinstance(declared, list) else []


class _PageReader:
    """Reads a page's tokens in order into top-level blocks."""

    def __init__(self) -> None:
        self.front_matter: dict = {}
        self.blocks: list[Block] = []
        self.counts: Counter = Counter()
        self.declared: list[Exemption] = []
        # Declarations read, waiting for the block they are for.
        self.pending: dict[str, int] = {}
        self.depth = 0
        self.current: Block | None = None
        self.parts: list[Part] = []
        self.key_lines: dict[str, int] = {}

    def read(self, token: Token) -> None:
        if token.type == "front_matter":
            # The YAML starts on the line after the opening '---'.
            first_line = (token.map[0] if token.map else 0) + 2
            self.front_matter, self.key_lines = _front_matter(token.content, first_line)
            return
        # Paragraphs of tight list items are hidden: they are not paragraphs a writer made.
        kind = None if token.hidden else BLOCK_KINDS.get(token.type)
        if kind:
            self.counts[kind] += 1
        if self.depth == 0 and token.nesting >= 0:
            if self._read_declaration(token):
                return
            self._start_block(token, kind)
        elif kind and self.current is not None:
            self.current.counts[kind] += 1
        part = kind or (TOP_LEVEL_KINDS.get(token.type) if self.depth == 0 else None)
        if part and token.type == "html_block" and self.current is not None and self.current.marker:
            part = "data marker"
        if part:
            self.parts.append(Part(part, self._line(token), len(self.blocks) - 1))
        if self.current is not None:
            self._read_content(self.current, token)
        self.depth += token.nesting

    def _line(self, token: Token) -> int:
        if token.map:
            return token.map[0] + 1
        return self.current.line if self.current else 1

    def _read_declaration(self, token: Token) -> bool:
        declaration = INLINE_IGNORE.match(token.content.strip()) if token.type == "html_block" else None
        if declaration is None:
            return False
        line = self._line(token)
        for check in declared_checks(declaration["checks"]):
            self.pending[check] = line
            self.declared.append(Exemption(check, line))
        return True

    def _start_block(self, token: Token, kind: str | None) -> None:
        block = Block(kind=token.type.removesuffix("_open"), line=self._line(token), ignore=self.pending)
        self.pending = {}
        self.blocks.append(block)
        self.current = block
        if kind:
            block.counts[kind] += 1
        if token.type == "heading_open":
            block.heading_level = int(token.tag[1:])
        elif token.type == "html_block":
            marker = next(find_markers(token.content), None)
            block.marker = marker.normalized if marker else None

    def _read_content(self, block: Block, token: Token) -> None:
        if token.type == "inline":
            if block.kind == "heading" and not block.heading_text:
                heading_id = HEADING_ID.search(token.content)
                block.heading_id = heading_id["id"] if heading_id else None
                block.heading_text = HEADING_ID.sub("", token.content).strip()
            _read_inline(block, token)
            if block.prose[-1].rstrip().endswith("}"):
                block.prose[-1] = ATTRIBUTE_LIST.sub("", block.prose[-1])
        # A block's code is its first code block, its own or one nested in it (a list item's, …).
        elif token.type in CODE_TOKENS and block.code is None:
            block.code = token.content


def _read_inline(block: Block, token: Token) -> None:
    # The text of an autolink (<https://…>) is its address, not words of the page.
    in_autolink = False
    block.prose.append(" ")
    # The line of each child: the inline text's first, and one more after each line break in it.
    line = token.map[0] + 1 if token.map else block.line
    for child in token.children or []:
        if child.type == "link_open":
            _count_link(block, str(child.attrs.get("href", "")))
            in_autolink = child.markup == "autolink"
        elif child.type == "link_close":
            in_autolink = False
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            block.images[src] += 1
            block.image_lines.setdefault(src, line)
        elif child.type == "text":
            block.numbers += plain_numbers(child.content)
            if not in_autolink:
                block.prose.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            block.prose.append(" ")
            line += 1
        elif child.type == "html_inline":
            line += child.content.count("\n")


def _count_link(block: Block, href: str) -> None:
    if href.startswith("mailto:"):
        block.mailto[href] += 1
    elif URL_SCHEME.match(href) or href.startswith("//"):
        block.external_links[href] += 1
    elif href and not href.startswith("#"):
        block.internal_links[href.split("#", 1)[0]] += 1
