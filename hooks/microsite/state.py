"""What one build knows: the publication it assembled when it started (assemble.py, frozen), and what it
changes as it goes: its problems, and each language build's files and navigation. Created when the build
starts, passed to every step.

mkdocs-static-i18n builds the site once per language with the same config object, so one build
(`mkdocs build`, or one rebuild of `mkdocs serve`) is one config object: a new config means a new
build, and nothing of the previous one is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import upstream
from .articles import Collection
from .articles.pictures import PictureSizes
from .data import PublicationData
from .findings import Finding
from .language_process import LanguageProcesses
from .languages import Languages
from .parity.status import TranslationStatus
from .problems import Problems
from .publication import Publication
from .set_aside_html import SetAsideHtml
from .settings import Settings
from .words import Words

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation


@dataclass
class BuildState:
    config: MkDocsConfig
    # Under `mkdocs serve`: problems are shown as warnings (and in the page) and the preview goes on.
    preview: bool
    # What this build found wrong, and which files each built page shows (problems.py).
    problems: Problems
    # The publication, assembled when the build starts (assemble.py): read, never changed, by every step.
    publication: Publication
    # The templates of data markers (overrides/partials/data/), found like the theme's own.
    templates: jinja2.Environment
    # The HTML blocks the data markers' templates set aside, which Python-Markdown's conversion of each page puts
    # back (set_aside_html.py).
    set_aside_html: SetAsideHtml = field(default_factory=SetAsideHtml)
    # The symbolic links below docs/, data/ and overrides/ that are not followed (symbolic_links.py), which
    # the preview leaves out.
    refused_links: list[Finding] = field(default_factory=list)
    # Each language build's navigation, from `on_nav` until it is ordered in `on_env`: MkDocs passes the
    # navigation to `on_nav` only, and the pages' front matter, which orders it, is read after that event.
    navigation: dict[str, Navigation] = field(default_factory=dict)
    # Each language build's files, from `on_env` until the links in its Markdown are checked, once its
    # pages are rendered (link_check/page_links.py).
    files_to_check: dict[str, Files] = field(default_factory=dict)
    # The source language's files that are no pages, by their path below its folder, noted in each language
    # build's `on_files` before the i18n plugin leaves them out of a translation's (rendering/shared_files.py).
    source_files: dict[str, File] = field(default_factory=dict)
    # Each article picture of the languages built so far, by its path in the language build's Files
    # ('en/artikel/x.png'): the files it is published as (articles/pictures.py), from `on_files`, for the pages.
    pictures: dict[str, PictureSizes] = field(default_factory=dict)
    # The Jinja environment MkDocs renders this language build's pages with, from `on_env`, and the names of
    # the theme's inline-script templates; the inline scripts of each text those templates rendered; and the
    # inline scripts the theme writes in each page or template being rendered, from its context until it is
    # finished (site_output/content_security.py).
    theme_environment: jinja2.Environment | None = None
    theme_script_templates: list[str] = field(default_factory=list)
    theme_script_texts: dict[str, list[str]] = field(default_factory=dict)
    theme_scripts: dict[str, set[str]] = field(default_factory=dict)
    # `mkdocs build`: the further languages built in processes of their own (language_processes.py); in such a
    # process, the folder its language's files go into.
    language_processes: LanguageProcesses | None = None
    output_folder: Path | None = None
    # The live preview's `take_back(src_uri, site_path)`: puts back the file the build before wrote at `site_path`
    # for what the page `src_uri` shows, if this build keeps that page, and says whether it did
    # (kept_pages.py); a build that keeps nothing writes every file.
    take_back: Callable[[str, str], bool] = lambda src_uri, site_path: False
    # An entry of the merged search index as the JSON text of its language's index below a language root
    # (site_output/search.py `entry_json`, where this is None); the live preview's looks up the entries the build
    # before made (kept_pages.py).
    search_entry: Callable[[dict[str, Any], str], str] | None = None

    # The publication's parts, as the steps that take the whole state read them.
    @property
    def project(self) -> Path:
        return self.publication.project

    @property
    def settings(self) -> Settings:
        return self.publication.settings

    @property
    def languages(self) -> Languages:
        return self.publication.languages

    @property
    def configured_languages(self) -> Languages:
        return self.publication.configured_languages

    @property
    def data(self) -> PublicationData:
        return self.publication.data

    @property
    def words(self) -> Words:
        return self.publication.words

    @property
    def articles(self) -> Collection | None:
        return self.publication.articles

    @property
    def translations(self) -> TranslationStatus | None:
        return self.publication.translations

    @property
    def allowed_characters(self) -> frozenset[str]:
        return self.publication.allowed_characters

    @property
    def language(self) -> str:
        """The language being built now."""
        return upstream.current_language(self.config)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    @property
    def site_url(self) -> str:
        return self.config.site_url or "/"

    def is_first_language_build(self) -> bool:
        return self.language == self.languages.source

    def is_last_language_build(self) -> bool:
        return upstream.is_last_language_build(self.config)
