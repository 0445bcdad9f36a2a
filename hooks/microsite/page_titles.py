"""The one rule for a page's title, wherever the site names a page (the footer, the status page, a
stand-in): as MkDocs finds it, from the front matter's `title`, else the first `# ` heading, else the
file name in words. A page that cannot be read goes by its file name (the build reports it,
rendering/page_sources.py)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .content_cache import KeptResults, content_key
from .frontmatter import split_front_matter
from .page_markdown import markdown_parser
from .text_files import UnreadableText, read_utf8


@dataclass(frozen=True)
class TitleAndLead:
    """What a page says it is: its title, and the front matter's `description` (None where it has none)."""

    title: str
    lead: str | None


# The status pages name every page of both languages (4,000 at 1,000 article pairs), and the preview renders
# them again at each save that changes a translation's state, an editor's first save of a page above all:
# each title and lead is kept for the process (CONTRIBUTING.md, "What a process keeps between builds") by the
# page's text and path, so that only the pages saved since have their front matter parsed again. Frozen: no
# caller can change what is kept.
READ_TITLES: KeptResults[TitleAndLead] = KeptResults(size=8192, copy=lambda kept: kept)


def read_title_and_lead(file: Path, path: str) -> TitleAndLead:
    """The title and lead of the page written at `file`, whose path below its language folder is `path`."""
    try:
        text = read_utf8(file)
    except UnreadableText:
        return TitleAndLead(_title_from_name(path), None)
    return READ_TITLES.get(content_key(text, path), lambda: _title_and_lead(text, path))


def _title_and_lead(text: str, path: str) -> TitleAndLead:
    front_matter, body = split_front_matter(text)
    title, lead = front_matter.get("title"), front_matter.get("description")
    title = str(title) if title else first_heading(body) or _title_from_name(path)
    return TitleAndLead(title, str(lead) if lead else None)


def page_title(file: Path, path: str) -> str:
    """The title of the page written at `file` (`path` below its language folder)."""
    return read_title_and_lead(file, path).title


def first_heading(markdown: str) -> str | None:
    """The text of the page's first `# ` heading (parsed: a `#` in a code block is none)."""
    tokens = markdown_parser().parse(markdown)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1":
            return "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
    return None


def _title_from_name(path: str) -> str:
    """What MkDocs calls a page without title and heading: its file name, in words."""
    title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
