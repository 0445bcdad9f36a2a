"""Data rendered into pages: data markers in Markdown, and the pages generated from data."""

from .data_markers import render_markers
from .generated_pages import add_generated_files, give_generated_pages_their_markdown

__all__ = ["add_generated_files", "give_generated_pages_their_markdown", "render_markers"]
