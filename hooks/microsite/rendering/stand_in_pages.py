"""A stand-in for every page that exists only in the source language, in every other language.

A reader of another language who follows the language switch (or an address of their language) to a
page nobody has translated yet finds a page in their language, not a 404 and not the original's text
under the wrong `lang`: it says that the page exists only in the source language, shows the original's
title and lead (marked with their language, so that screen readers pronounce them as such) and links
to it. Translating the page (writing `docs/<language>/<same path>`) replaces its stand-in.

Stand-ins are generated pages (generated_pages.py), outside the menu. They are no translation, so
they are kept out of whatever says "this page in that language": search engines are asked not to index
them (`robots: noindex`), the search leaves them out (`search: exclude`), and the hreflang links and
sitemaps name only real translations (site_output/alternates.py, site_output/sitemaps.py); only the
language selector leads to them. An article's stand-in is no article: the collection reads its
articles from the files (articles/collection.py), so indexes, feeds, topic and author pages list only
the articles written in their language.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import yaml

from .. import upstream
from ..frontmatter import split_front_matter
from ..parity.pages import markdown_parser
from ..symbolic_links import followable
from ..templates import FOLDER
from ..text_files import UnreadableText, read_utf8
from .generated_pages import GeneratedPage, generated_pages
from .translations import language_name

if TYPE_CHECKING:
    from ..state import BuildState

# Splits a label around the place its title goes, so that the template can mark the title's language.
_TITLE_PLACE = "\0"


@dataclass(frozen=True)
class StandInPage(GeneratedPage):
    # In the stand-in's language ("Only in German: …"), as plain text: for what leads to it.
    title: str = field(kw_only=True)


@dataclass(frozen=True)
class Original:
    """What a stand-in shows of the page it stands in for."""

    title: str
    # The front matter's `description`; None where the page has none.
    lead: str | None


def stand_in_pages(state: BuildState) -> dict[str, StandInPage]:
    """src_uri → a stand-in for every source page without a page at the same path in another language."""
    docs, source = Path(state.config.docs_dir), state.languages.source
    # The same pages the parity check counts: every Markdown file below the source language's folder.
    paths = sorted(
        path.relative_to(docs / source).as_posix() for path in (docs / source).rglob("*.md") if followable(path, docs)
    )
    pages = {}
    for path in paths:
        untranslated = [language for language in state.languages.translations if not (docs / language / path).exists()]
        if untranslated:
            original = read_original(docs / source / path, path)
            for language in untranslated:
                pages[f"{language}/{path}"] = stand_in(state, path, language, original)
    return pages


def stand_ins(state: BuildState) -> dict[str, StandInPage]:
    """src_uri → every stand-in page of this build."""
    return {src_uri: page for src_uri, page in generated_pages(state).items() if isinstance(page, StandInPage)}


def is_stand_in(state: BuildState, src_uri: str) -> bool:
    return isinstance(generated_pages(state).get(src_uri), StandInPage)


def stand_in_addresses(state: BuildState) -> set[str]:
    """Every stand-in's address, relative to the site's root ('en/articles/x.html')."""
    return {
        state.languages.root(language) + upstream.page_url(state.config, path)
        for language, path in (src_uri.split("/", 1) for src_uri in stand_ins(state))
    }


def read_original(file: Path, path: str) -> Original:
    """The page's title, as MkDocs finds it (front matter, first heading, file name), and its lead."""
    try:
        text = read_utf8(file)
    except UnreadableText:
        # The build reports the page itself (page_sources.py); meanwhile its stand-in goes by its name.
        return Original(_title_from_name(path), None)
    front_matter, body = split_front_matter(text)
    title, lead = front_matter.get("title"), front_matter.get("description")
    title = str(title) if title else _first_heading(body) or _title_from_name(path)
    return Original(title, str(lead) if lead else None)


def _first_heading(markdown: str) -> str | None:
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


def stand_in(state: BuildState, path: str, language: str, original: Original) -> StandInPage:
    """The stand-in at `path` in `language` for the source language's page there."""
    source = state.languages.source
    words = functools.partial(state.words.label, language)
    source_name = language_name(source, language)
    title = words("stand_in.title", language_name=source_name, title=original.title)
    heading = words("stand_in.title", language_name=source_name, title=_TITLE_PLACE)
    before_title, after_title = heading.split(_TITLE_PLACE)
    description = words("stand_in.text", language_name=source_name)
    own_address = state.languages.root(language) + upstream.page_url(state.config, path)
    original_address = state.languages.root(source) + upstream.page_url(state.config, path)
    body = state.templates.get_template(f"{FOLDER}/stand-in.html").render(
        source=source,
        before_title=before_title,
        title=original.title,
        after_title=after_title,
        text=description,
        lead=original.lead,
        link=upstream.relative_url(original_address, own_address),
        link_text=words("stand_in.link", language_name=source_name),
    )
    # Text, as in a written page's front matter: site_output/titles.py makes it HTML for the theme.
    front_matter = {
        "title": title,
        "description": description,
        # Not a translation: search engines and the site's search show the original instead.
        "robots": "noindex",
        "search": {"exclude": True},
    }
    markdown = f"---\n{yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=10_000)}---\n\n{body}"
    origin = f"docs/{source}/{path} (a stand-in until the page is translated)"
    return StandInPage(markdown, origin, in_navigation=False, title=title)
