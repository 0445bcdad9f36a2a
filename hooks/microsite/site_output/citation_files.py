"""Each article's reference files in the site: a BibTeX, a RIS and a CSL-JSON file per article and
language, next to its page (`<page_folder>/<slug>.bib`, `.ris`, `.csl.json`), citing what the block under
the article cites (articles/citations.py) in the formats of articles/citation_formats.py."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..addresses import page_url
from ..articles.citation_formats import FORMATS
from ..articles.citations import reference, reference_files
from ..findings import Finding
from ..problems import Problem, Problems
from .site_files import write_into_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..publication import Publication


def write_citations(
    config: MkDocsConfig, publication: Publication, problems: Problems, take_back: Callable[[str, str], bool]
) -> None:
    """Once every language is built: each article's files in each of its languages, into the site
    (`config.site_dir`), never over a file the build copied from docs/. A file is what the article's page
    shows (its front matter, the people's names, the site's settings), so the live preview takes back the
    build before's file where it keeps the page (`take_back`, kept_pages.py)."""
    if publication.articles is None:
        return
    people = {person["id"]: person for person in publication.data.records("people")}
    languages, site_dir = publication.languages, config.site_dir
    for language in languages.codes:
        site_name = upstream.language_site_name(config, language)
        for article in publication.articles.of(language):
            cited = None
            for kind in FORMATS:
                site_path = reference_files(article, languages) + kind.extension
                # Strings, not paths: three files an article and language, each looked for at every save.
                target = os.path.join(site_dir, site_path)
                if os.path.exists(target):
                    written = f"docs/{language}/{article.path.removesuffix('.md')}{kind.extension}"
                    message = f"the build writes the article's {kind.name} reference there – rename or remove this file"
                    problems.stop_or_report(Problem(Finding(written, 1, message)))
                    continue
                if take_back(f"{language}/{article.path}", site_path):
                    continue
                if cited is None:
                    url = page_url(config, languages, language, article.path)
                    cited = reference(article, people, site_name, url, languages, publication.words)
                # Bytes: the line ends are the format's (CR LF in RIS) on every system.
                write_into_site(Path(target), kind.write(cited).encode("utf-8"), f"the article's {kind.name} reference")
