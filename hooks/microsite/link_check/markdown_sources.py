"""Where a Markdown page links: its links, images and autolinks, the raw HTML in it, and its reference
definitions, each with the line of the page it is written on.

The page is read with the Markdown parser translation parity uses. Raw HTML is read with the HTML
scanner, so that it is read as a browser reads it (any quotes, any letter case, character references
decoded). Code, in blocks or inline, is not read: an address shown in code is no link.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..page_markdown import new_markdown_parser
from .html_scan import Element, scan

# Inline tokens whose content is text a reader sees (the rest are markup, or handled below).
TEXT_TOKENS = frozenset({"text", "code_inline"})
# Inline tokens that become elements: a paragraph without any is text alone, and needs no scan.
ELEMENT_TOKENS = frozenset({"html_inline", "link_open", "image"})


@dataclass(frozen=True)
class Definition:
    """A reference definition, `[label]: address`."""

    line: int
    label: str
    address: str


# How many pages' links a process keeps parsed, by the page's whole text (the same text, the same links):
# every page of a large publication in every language, so that a rebuild of the preview parses only the
# pages saved since the last.
PARSED_PAGES = 16384


@dataclass(frozen=True)
class MarkdownLinks:
    # Links, images and autolinks as the elements they become, and the raw HTML's elements.
    elements: tuple[Element, ...] = ()
    definitions: tuple[Definition, ...] = ()


@functools.lru_cache(maxsize=PARSED_PAGES)
def markdown_links(text: str) -> MarkdownLinks:
    """Every place a Markdown page links to something, with its line (counted from 1)."""
    elements: list[Element] = []
    definitions = []
    for token in _parser().parse(text):
        if token.map is None:
            continue
        line = token.map[0] + 1
        if token.type == "html_block":
            elements += scan(token.content, line)
        elif token.type == "inline" and any(child.type in ELEMENT_TOKENS for child in token.children or []):
            elements += scan(_as_html(token.children or []), line)
        elif token.type == "definition":
            definitions.append(Definition(line, token.meta["label"], token.meta["url"]))
    return MarkdownLinks(tuple(elements), tuple(definitions))


@functools.cache
def _parser() -> MarkdownIt:
    parser = new_markdown_parser()
    # Reference definitions as tokens of their own, with their lines.
    parser.options["inline_definitions"] = True
    # Every address as written (entities decoded): the parser's own check would leave a javascript:
    # link as plain text, which MkDocs' Markdown does not, and its percent-encoding would hide how it
    # was written.
    parser.validateLink = lambda address: True
    parser.normalizeLink = lambda address: address
    return parser


def _as_html(children: list[Token]) -> str:
    """A paragraph's (or heading's, or table cell's) inline content as HTML: its links and images as
    elements, its raw HTML as written, everything else as text; one line of HTML per line of Markdown."""
    parts = []
    for child in children:
        if child.type == "html_inline":
            parts.append(child.content)
        elif child.type == "link_open":
            parts.append(f'<a href="{escape(str(child.attrs.get("href", "")))}">')
        elif child.type == "link_close":
            parts.append("</a>")
        elif child.type == "image":
            source, alt = escape(str(child.attrs.get("src", ""))), escape(child.content)
            parts.append(f'<img src="{source}" alt="{alt}">')
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in TEXT_TOKENS:
            parts.append(escape(child.content))
    return "".join(parts)


def markdown_sources_in(files: Mapping[str, bytes], languages: Iterable[str]) -> list[tuple[str, str]]:
    """(path in the project, text) of every language's Markdown pages among `files` (by their path in the
    project, as the preview's build read them when it started: rebuild_rule.Sources), in the order and with
    the text that reading them now gives (`site.read_source`, `Site.markdown_sources`)."""
    return [
        (name, _as_read(files[name]))
        for language in languages
        for name in sorted(
            (name for name in files if name.startswith(f"docs/{language}/") and name.endswith(".md")),
            key=lambda name: name.split("/"),
        )
    ]


def _as_read(content: bytes) -> str:
    # As a file is read in text mode: a byte order mark is no text, each line break a line feed.
    return content.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
