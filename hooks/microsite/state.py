"""What one build knows, in one object: created when the build starts, passed to every step.

mkdocs-static-i18n builds the site once per language with the same config object, so one build
(`mkdocs build`, or one rebuild of `mkdocs serve`) is one config object: a new config means a new
build, and nothing of the previous one is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import upstream
from .articles import Collection, read_collection
from .data import DataError, PublicationData, load
from .findings import plural
from .languages import Languages
from .parity.status import TranslationStatus
from .templates import theme_templates

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.hooks.microsite")


@dataclass
class BuildState:
    config: MkDocsConfig
    # Under `mkdocs serve`: problems are shown as warnings (and in the page) and the preview goes on.
    preview: bool
    project: Path
    # The languages built (the one in the site root first), and those mkdocs.yml configures.
    languages: Languages
    configured_languages: Languages
    data: PublicationData
    # The templates of data markers (overrides/partials/data/), found like the theme's own.
    templates: jinja2.Environment
    # The articles of every language (None without data/articles.yml).
    articles: Collection | None = None
    # Every generated page's Markdown by src_uri (rendering/generated_pages.py), made once per build.
    generated: dict | None = None
    # Each language build's navigation, from `on_nav` until it is ordered in `on_env`.
    navigation: dict[str, Navigation] = field(default_factory=dict)
    # Each language build's files, from `on_env` until the links in its Markdown are checked, once its
    # pages are rendered (link_check/page_links.py).
    files_to_check: dict[str, Files] = field(default_factory=dict)
    # Where every translation stands (parity/status.py), from the parity check in `on_pre_build`.
    translations: TranslationStatus | None = None

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


def start_build(previous: BuildState | None, config: MkDocsConfig, *, preview: bool) -> BuildState:
    """The state of the build `config` belongs to: new at its first language, the same after that."""
    if previous is not None and previous.config is config:
        return previous
    _log_each_message_once()
    project = Path(config.config_file_path).resolve().parent
    languages = upstream.built_languages(config)
    data = _load_data(project, Path(config.docs_dir), languages, preview=preview)
    return BuildState(
        config=config,
        preview=preview,
        project=project,
        languages=languages,
        configured_languages=Languages.of_project(project),
        data=data,
        templates=theme_templates(config),
        articles=_read_articles(project, Path(config.docs_dir), languages, data, preview=preview),
    )


class _OncePerBuild(logging.Filter):
    """Each message once in a build: two steps may find the same problem (a page that cannot be read
    is reported by parity and by the step that reads the pages), and the editor needs it once."""

    def __init__(self) -> None:
        super().__init__()
        self.logged: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        first = message not in self.logged
        self.logged.add(message)
        return first


def _log_each_message_once() -> None:
    """A new filter for a new build: what is still wrong is reported again in the next one."""
    for previous in [installed for installed in log.filters if isinstance(installed, _OncePerBuild)]:
        log.removeFilter(previous)
    log.addFilter(_OncePerBuild())


def _load_data(project: Path, docs_dir: Path, languages: Languages, *, preview: bool) -> PublicationData:
    try:
        return load(project / "data", docs_dir, languages)
    except DataError as error:
        if not preview:
            raise upstream.BuildError(str(error)) from None
        for finding in error.findings:
            log.warning(str(finding))
        return PublicationData(files={}, findings=error.findings)


def _read_articles(
    project: Path, docs_dir: Path, languages: Languages, data: PublicationData, *, preview: bool
) -> Collection | None:
    """The collection; an article with problems stops the build, or in the preview is left out with a
    warning until it is fixed."""
    collection, findings = read_collection(docs_dir, languages, data.files, project)
    if findings and not preview:
        header = f"The articles have {plural(len(findings), 'problem')}:"
        raise upstream.BuildError("\n".join([header, *map(str, findings)]))
    for finding in findings:
        log.warning(str(finding))
    return collection
