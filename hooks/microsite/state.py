"""What one build knows, in one object: created when the build starts, passed to every step.

mkdocs-static-i18n builds the site once per language with the same config object, so one build
(`mkdocs build`, or one rebuild of `mkdocs serve`) is one config object: a new config means a new
build, and nothing of the previous one is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import symbolic_links, upstream
from .articles import Collection, read_collection
from .articles.pictures import PictureSizes
from .data import PublicationData, load_usable
from .findings import Finding, plural
from .languages import Languages
from .parity.interface_words import check_words
from .parity.status import TranslationStatus
from .problems import Problem, Problems
from .settings import Settings, read_settings
from .templates import theme_environment, theme_templates
from .words import Words, read_words

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
    project: Path
    # The generator's settings in mkdocs.yml, read when the build starts (settings.py).
    settings: Settings
    # The languages built (the one in the site root first), and those mkdocs.yml configures.
    languages: Languages
    configured_languages: Languages
    data: PublicationData
    # The templates of data markers (overrides/partials/data/), found like the theme's own.
    templates: jinja2.Environment
    # The generator's interface words in every language (words/), read and checked when the build starts.
    words: Words
    # The articles of every language (None without data/articles.yml).
    articles: Collection | None = None
    # The symbolic links below docs/, data/ and overrides/ that are not followed (symbolic_links.py), which
    # the preview leaves out.
    refused_links: list[Finding] = field(default_factory=list)
    # Every generated page's Markdown by src_uri (rendering/generated_pages.py), made once per build.
    generated: dict | None = None
    # Each language build's navigation, from `on_nav` until it is ordered in `on_env`.
    navigation: dict[str, Navigation] = field(default_factory=dict)
    # Each language build's files, from `on_env` until the links in its Markdown are checked, once its
    # pages are rendered (link_check/page_links.py).
    files_to_check: dict[str, Files] = field(default_factory=dict)
    # Where every translation stands (parity/status.py), from the parity check in `on_pre_build`.
    translations: TranslationStatus | None = None
    # The source language's files that are no pages, by their path below its folder, noted in each language
    # build's `on_files` before the i18n plugin leaves them out of a translation's (rendering/shared_files.py).
    source_files: dict[str, File] = field(default_factory=dict)
    # Each article picture of the languages built so far, by its path in the language build's Files
    # ('en/artikel/x.png'): the files it is published as (articles/pictures.py), from `on_files`, for the pages.
    pictures: dict[str, PictureSizes] = field(default_factory=dict)
    # The invisible characters the publication allows in its texts (allowed_characters.py).
    allowed_characters: frozenset[str] = frozenset()
    # The Jinja environment MkDocs renders this language build's pages with, from `on_env`; and the inline
    # scripts the theme writes in each page or template being rendered, from its context until it is
    # finished (site_output/content_security.py).
    theme_environment: jinja2.Environment | None = None
    theme_scripts: dict[str, set[str]] = field(default_factory=dict)

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
    project = Path(config.config_file_path).resolve().parent
    problems = Problems(preview)
    # Before anything below docs/, data/ or overrides/ is read: a strict build stops here.
    refused_links = symbolic_links.refused_links(project)
    if refused_links:
        header = f"{plural(len(refused_links), 'symbolic link')} cannot be followed, and nothing was built:"
        problems.stop_or_report(Problem(refused_links, header=header))
    upstream.adapt_theme_environments(config, theme_environment)
    languages = upstream.built_languages(config)
    docs_dir = Path(config.docs_dir)
    settings = read_settings(Path(config.config_file_path))
    allowed = settings.allowed_characters
    if allowed.findings:
        problems.stop_or_report(Problem(list(allowed.findings)))
    if settings.accessibility_measurements_problem is not None:
        problems.stop_or_report(Problem(settings.accessibility_measurements_problem))
    configured_languages = settings.languages or languages
    words = _read_words(configured_languages, problems)
    data = problems.carry_on(
        _load_data, PublicationData(files={}), project, docs_dir, languages, allowed.characters, problems
    )
    return BuildState(
        config=config,
        preview=preview,
        problems=problems,
        project=project,
        languages=languages,
        settings=settings,
        configured_languages=configured_languages,
        data=data,
        refused_links=refused_links,
        templates=theme_templates(config),
        words=words,
        articles=problems.carry_on(
            _read_articles, None, project, docs_dir, languages, data, allowed.characters, problems
        ),
        allowed_characters=allowed.characters,
    )


def _read_words(languages: Languages, problems: Problems) -> Words:
    """The interface words of every configured language; a word missing in one stops a strict build before
    a page asks for it, and the preview goes on, showing the problem on the pages that need the word."""
    words = read_words(languages)
    findings = check_words(words, languages)
    if findings:
        header = f"The interface words have {plural(len(findings), 'problem')}:"
        problems.stop_or_report(Problem(findings, header=header))
    return words


def _load_data(
    project: Path, docs_dir: Path, languages: Languages, allowed: frozenset[str], problems: Problems
) -> PublicationData:
    """The data; with problems, a strict build stops, and the preview goes on with the files it can use."""
    data = load_usable(project / "data", docs_dir, languages, allowed=allowed)
    if data.findings:
        header = f"The publication data has {plural(len(data.findings), 'problem')}:"
        problems.stop_or_report(Problem(data.findings, header=header))
    return data


def _read_articles(
    project: Path,
    docs_dir: Path,
    languages: Languages,
    data: PublicationData,
    allowed: frozenset[str],
    problems: Problems,
) -> Collection | None:
    """The collection; an article with problems stops a strict build, and in the preview stays in it with
    whatever of its front matter can be used, its problems shown on its page and in the lists of it."""
    collection, findings = read_collection(
        docs_dir, languages, data.files, project, unusable=data.unusable, allowed=allowed
    )
    errors = [finding for finding in findings if finding.is_error]
    if errors:
        problems.stop_or_report(Problem(errors, header=f"The articles have {plural(len(errors), 'problem')}:"))
    problems.report_all(finding for finding in findings if not finding.is_error)
    return collection
