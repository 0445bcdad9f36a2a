"""A stand-in for every page that exists only in the source language, in every other language.

A reader of another language who follows the language switch (or an address of their language) to a
page nobody has translated yet finds a page in their language, not a 404 and not the original's text
under the wrong `lang`: it says that the page exists only in the source language, shows the original's
title and lead (marked with their language, so that screen readers pronounce them as such) and links
to it. Translating the page (writing `docs/<language>/<same path>`) replaces its stand-in.

Stand-ins are generated pages (generated.py), outside the menu. They are no translation, so
they are kept out of whatever says "this page in that language": search engines are asked not to index
them (`robots: noindex`), the search leaves them out (`search: exclude`), and the hreflang links and
sitemaps name only real translations (site_output/alternates.py, site_output/sitemaps.py); only the
language selector leads to them. An article's stand-in is no article: the collection reads its
articles from the files (articles/collection.py), so indexes, feeds, topic and author pages list only
the articles written in their language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .. import upstream
from ..addresses import page_address
from ..languages import language_name
from ..page_titles import TitleAndLead, read_title_and_lead
from ..publication import GeneratedPage
from ..symbolic_links import followable_entries, path_below
from ..templates import FOLDER

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig

    from ..publication import Publication

# Splits a label around the place its title goes, so that the template can mark the title's language.
_TITLE_PLACE = "\0"


@dataclass(frozen=True)
class StandInPage(GeneratedPage):
    # In the stand-in's language ("Only in German: …"), as plain text: for what leads to it.
    title: str = field(kw_only=True)


def stand_in_pages(
    publication: Publication, config: MkDocsConfig, templates: jinja2.Environment
) -> dict[str, StandInPage]:
    """src_uri → a stand-in for every source page without a page at the same path in another language."""
    docs, source = Path(config.docs_dir), publication.languages.source
    # The same pages the parity check counts: every Markdown file below the source language's folder.
    paths = sorted(path_below(entry.path, docs / source) for entry in followable_entries(docs / source, docs, ".md"))
    pages = {}
    for path in paths:
        untranslated = [
            language for language in publication.languages.translations if not (docs / language / path).exists()
        ]
        if untranslated:
            original = read_title_and_lead(docs / source / path, path)
            for language in untranslated:
                pages[f"{language}/{path}"] = stand_in(publication, config, templates, path, language, original)
    return pages


def stand_ins(publication: Publication) -> dict[str, StandInPage]:
    """src_uri → every stand-in page of this build."""
    generated = publication.generated
    return {src_uri: page for src_uri, page in generated.items() if isinstance(page, StandInPage)}


def is_stand_in(publication: Publication, src_uri: str) -> bool:
    return isinstance(publication.generated.get(src_uri), StandInPage)


def stand_in_addresses(publication: Publication) -> set[str]:
    """Every stand-in's address, relative to the site's root ('en/articles/x.html')."""
    return {publication.pages[src_uri].address for src_uri in stand_ins(publication)}


def stand_in(
    publication: Publication,
    config: MkDocsConfig,
    templates: jinja2.Environment,
    path: str,
    language: str,
    original: TitleAndLead,
) -> StandInPage:
    """The stand-in at `path` in `language` for the source language's page there."""
    languages = publication.languages
    source = languages.source
    words = functools.partial(publication.words.label, language)
    source_name = language_name(source, language)
    title = words("stand_in.title", language_name=source_name, title=original.title)
    heading = words("stand_in.title", language_name=source_name, title=_TITLE_PLACE)
    before_title, after_title = heading.split(_TITLE_PLACE)
    description = words("stand_in.text", language_name=source_name)
    own_address = page_address(config, languages, language, path)
    original_address = page_address(config, languages, source, path)
    body = templates.get_template(f"{FOLDER}/stand-in.html").render(
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
    return StandInPage(markdown, origin, in_navigation=False, shows=(f"docs/{source}/{path}",), title=title)
