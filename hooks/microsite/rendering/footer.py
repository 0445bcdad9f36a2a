"""The links in every page's footer (overrides/partials/copyright.html): the written pages that
mkdocs.yml names under `extra.footer_pages` (the legal notice and the privacy page, say), the
accessibility statement (accessibility_statement.py), and the translation status page
(translation_status.py). Each leads to the page in the reader's language, under the title it has there.

```yaml
extra:
  footer_pages: [legal-notice.md, privacy.md]   # paths below the language folders
```

Which written pages these are is the publication's to say, not the generator's: every office names its
legal notice differently. A named page must be written in the source language; where a translation is
missing, the link leads to the page's stand-in (stand_in_pages.py), which stands at the same address,
under the original's title, marked with the original's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .. import upstream
from ..findings import Finding
from ..problems import Problem
from ..settings import SettingError, extra_setting, is_page_path
from .accessibility_statement import DATA as STATEMENT_DATA
from .stand_in_pages import read_original

if TYPE_CHECKING:
    from ..state import BuildState

KEY = "footer_pages"
EXAMPLE = "[legal-notice.md, privacy.md]"


class FooterError(SettingError):
    """A footer setting that mkdocs.yml gets wrong; `finding` names the line and what to write."""


@dataclass(frozen=True)
class FooterLink:
    # Site-relative ('en/legal-notice.html'): the template makes it relative to the page.
    path: str
    text: str
    # The language of `text` where it is not the page's (a stand-in's original title); else None.
    lang: str | None = None


def footer_pages_of_project(mkdocs_yml: Path, source_folder: Path) -> tuple[str, ...]:
    """The page paths mkdocs.yml names under `extra.footer_pages` (none where it names none), each
    written in `source_folder` (docs/<source language>/); FooterError names the line of a wrong one."""
    shown = mkdocs_yml.name
    setting = extra_setting(mkdocs_yml, KEY, FooterError)
    if setting is None:
        return ()
    if not isinstance(setting, yaml.SequenceNode):
        message = f"extra.{KEY} must be a list of page paths – write e.g. '{KEY}: {EXAMPLE}'"
        raise FooterError(Finding(shown, setting.start_mark.line + 1, message))
    pages = []
    for item in setting.value:
        line = item.start_mark.line + 1
        text = isinstance(item, yaml.ScalarNode) and item.tag == "tag:yaml.org,2002:str"
        if not (text and is_page_path(item.value)):
            written = item.value if isinstance(item, yaml.ScalarNode) else "a list or mapping"
            message = (
                f"extra.{KEY}: '{written}' is no page path – write a path below the language folders ending in .md, "
                f"e.g. '{KEY}: {EXAMPLE}'"
            )
            raise FooterError(Finding(shown, line, message))
        if not (source_folder / item.value).is_file():
            written_in = f"docs/{source_folder.name}/"
            message = (
                f"extra.{KEY}: there is no page {written_in}{item.value} – name a page written in {written_in}, "
                "or remove it from the list"
            )
            raise FooterError(Finding(shown, line, message))
        pages.append(item.value)
    return tuple(pages)


def link_footer_pages(state: BuildState) -> None:
    """The footer's links of this language build, in order: the pages mkdocs.yml names, then the
    accessibility statement (where data/accessibility.yml makes one)."""
    docs, language, source = Path(state.config.docs_dir), state.language, state.languages.source
    try:
        pages = footer_pages_of_project(Path(state.config.config_file_path), docs / source)
    except FooterError as error:
        # In the live preview, the footer goes without those pages while the setting is wrong.
        state.problems.stop_or_report(Problem(error.finding))
        pages = ()
    links = []
    for path in pages:
        translated = (docs / language / path).is_file()
        title = read_original(docs / (language if translated else source) / path, path).title
        links.append(FooterLink(_address(state, path), title, None if translated else source))
    statement = state.data.get(STATEMENT_DATA)
    if statement is not None:
        links.append(FooterLink(_address(state, statement["page"]), state.words.label(language, "accessibility.title")))
    upstream.set_footer_links(state.config, links)


def _address(state: BuildState, path: str) -> str:
    return state.languages.root(state.language) + upstream.page_url(state.config, path)
