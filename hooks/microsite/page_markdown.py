"""A page's Markdown as every part of the generator reads it: its text, read as MkDocs reads it (UTF-8,
without a byte-order mark: text_files.py `read_utf8`), and the markdown-it-py parser of the Markdown editors write.
The build (rendering/), parity and the link check all parse here, so that they see one page alike.
"""

from __future__ import annotations

import functools
import html

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .findings import Finding
from .text_files import SAVE_AS_UTF8, UnreadableText

MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|<>")


def new_markdown_parser() -> MarkdownIt:
    """A parser of the Markdown editors write, of its own: to change its options, as the link checks do."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin).use(deflist_plugin)


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The parser pages are read with, made once."""
    return new_markdown_parser()


def unreadable_page(error: UnreadableText, shown: str) -> Finding:
    """The finding for a page (shown to editors as `shown`) that cannot be read."""
    if error.not_utf8:
        message = f"cannot read this page: {error.reason} – {SAVE_AS_UTF8}"
        return Finding(shown, error.line, message, "unreadable-page", column=error.column)
    message = f"cannot read this page: {error.reason} – make it a file that can be opened and read"
    return Finding(shown, 1, message, "unreadable-page")


def markdown_text(text: str) -> str:
    """Text safe for a Markdown heading (a generated page's title, an article's): HTML-escaped, Markdown
    punctuation backslash-escaped."""
    return "".join("\\" + char if char in MARKDOWN_PUNCTUATION else char for char in html.escape(text, quote=False))
