"""The links in every page's footer (overrides/partials/copyright.html): the written pages that
mkdocs.yml names under `extra.footer_pages` (the legal notice and the privacy page, say), the
accessibility statement (pages/accessibility_statement.py), and the translation status page
(pages/status.py). Each leads to the page in the reader's language, under the title it has there.

```yaml
extra:
  footer_pages: [legal-notice.md, privacy.md]   # paths below the language folders
```

Which written pages these are is the publication's to say, not the generator's: every office names its
legal notice differently. A named page must be written in the source language; where a translation is
missing, the link leads to the page's stand-in (pages/stand_in.py), which stands at the same address,
under the original's title, marked with the original's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..addresses import page_address
from ..findings import Finding
from ..page_titles import page_title
from ..pages.accessibility_statement import DATA as STATEMENT_DATA
from ..problems import Problem
from ..settings import FOOTER_PAGES, Settings

if TYPE_CHECKING:
    from ..state import BuildState


@dataclass(frozen=True)
class FooterLink:
    # Site-relative ('en/legal-notice.html'): the template makes it relative to the page.
    path: str
    text: str
    # The language of `text` where it is not the page's (a stand-in's original title); else None.
    lang: str | None = None


def missing_footer_page(settings: Settings, source_folder: Path) -> Finding | None:
    """What is wrong with `extra.footer_pages` in this project: the setting itself, or a page it names
    that is not written in `source_folder` (docs/<source language>/)."""
    if settings.footer_pages_problem is not None:
        return settings.footer_pages_problem
    for page in settings.footer_pages:
        if not (source_folder / page.path).is_file():
            written_in = f"docs/{source_folder.name}/"
            message = (
                f"extra.{FOOTER_PAGES}: there is no page {written_in}{page.path} – name a page written in "
                f"{written_in}, or remove it from the list"
            )
            return Finding(settings.file, page.line, message)
    return None


def link_footer_pages(state: BuildState) -> None:
    """The footer's links of this language build, in order: the pages mkdocs.yml names, then the
    accessibility statement (where data/accessibility.yml makes one)."""
    docs, language, source = Path(state.config.docs_dir), state.language, state.languages.source
    pages = [page.path for page in state.settings.footer_pages]
    problem = missing_footer_page(state.settings, docs / source)
    if problem is not None:
        # In the live preview, the footer goes without those pages while the setting is wrong.
        state.problems.stop_or_report(Problem(problem))
        pages = []
    links = []
    for path in pages:
        translated = (docs / language / path).is_file()
        title = page_title(docs / (language if translated else source) / path, path)
        links.append(FooterLink(_address(state, path), title, None if translated else source))
    statement = state.data.get(STATEMENT_DATA)
    if statement is not None:
        links.append(FooterLink(_address(state, statement["page"]), state.words.label(language, "accessibility.title")))
    upstream.set_footer_links(state.config, links)


def _address(state: BuildState, path: str) -> str:
    return page_address(state.config, state.languages, state.language, path)


def link_status_page(state: BuildState) -> None:
    """The footer's link to this language's status page (overrides/partials/copyright.html); none in a
    build that has no status pages."""
    link = None
    if state.translations is not None:
        path = page_address(state.config, state.languages, state.language, state.translations.policy.status_page)
        link = {"path": path, "text": state.words.label(state.language, "translation_status.title")}
    upstream.set_status_page_link(state.config, link)
