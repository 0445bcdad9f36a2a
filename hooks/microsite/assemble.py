"""The publication, assembled once per build before anything is rendered, in a fixed order: the settings,
the interface words, the data, the articles, where every translation stands, the publisher, the
generated pages, and every page's address and the sources it shows.

What comes later in that order may read what came earlier, never the other way round: the generated pages
include the status pages because where every translation stands is known by then. Rendering and output
read the finished `Publication`, which is frozen; what a build changes as it goes (its problems, the
language being built, each language build's files and navigation) is the build's own (state.py).

It is made in `on_config`, the first event that has the config, and so the paths, the languages and the
theme's templates that the stand-ins are rendered with; mkdocs-static-i18n builds every language from
that one config, so one assembly serves every language build.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from . import symbolic_links, upstream
from .articles import Collection, read_collection
from .data import PublicationData, load_usable
from .findings import Finding, plural
from .languages import Languages
from .page_map import page_map
from .pages.generated import generated_pages
from .parity import check_project
from .parity.interface_words import check_words
from .parity.status import TranslationStatus
from .problems import Problem, Problems
from .publication import Publication
from .publisher import KEY as PUBLISHER_KEY
from .publisher import Publisher, PublisherError, read_publisher
from .settings import Settings, read_settings
from .state import BuildState
from .templates import theme_environment, theme_templates
from .words import Words, read_words

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig


def assemble(config: MkDocsConfig, templates: jinja2.Environment, problems: Problems) -> Publication:
    """The publication `config` builds. What is wrong stops a strict build where it is found; the preview
    goes on with what can be used, the problems reported."""
    project = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir)
    languages = upstream.built_languages(config)
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
    articles = problems.carry_on(_read_articles, None, project, docs_dir, languages, data, allowed.characters, problems)
    publication = Publication(
        project=project,
        settings=settings,
        languages=languages,
        configured_languages=configured_languages,
        words=words,
        data=data,
        articles=articles,
        translations=problems.carry_on(
            _check_translations, None, project, settings, configured_languages, data, words, problems
        ),
        publisher=_publisher(settings, configured_languages, config, problems),
    )
    publication = replace(publication, generated=MappingProxyType(generated_pages(publication, config, templates)))
    return replace(publication, pages=page_map(publication, config))


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


def _check_translations(
    project: Path,
    settings: Settings,
    languages: Languages,
    data: PublicationData,
    words: Words,
    problems: Problems,
) -> TranslationStatus:
    """Translation parity, once per build: errors as problems (the preview shows drift, --strict fails on
    it), what the translation policy tolerates as information; returns where each translation stands.
    `languages`: the configured ones, not the built ones: a one-language preview still compares with the
    source."""
    if settings.translation_policy_problem is not None:
        # In the live preview, the default policy holds while the setting is wrong.
        problems.stop_or_report(Problem(settings.translation_policy_problem))
    result = check_project(
        project,
        languages,
        policy=settings.translation_policy,
        trust_verified=True,
        parsed_data=data.parsed,
        words=words,
    )
    problems.report_all(result.findings)
    return result.translations


def _publisher(settings: Settings, languages: Languages, config: MkDocsConfig, problems: Problems) -> Publisher:
    """The publisher mkdocs.yml names, read once; in the live preview, while that setting is wrong, the site
    itself."""
    try:
        return read_publisher(settings.publisher, languages, settings.file)
    except PublisherError as error:
        line = settings.line(PUBLISHER_KEY, error.path)
        problems.stop_or_report(Problem(Finding(settings.file, line, str(error))))
        source = languages.source
        return Publisher({source: upstream.language_site_name(config, source)}, config.site_url or "/")


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
    templates = theme_templates(config)
    state = BuildState(
        config=config,
        preview=preview,
        problems=problems,
        publication=assemble(config, templates, problems),
        templates=templates,
        refused_links=refused_links,
    )
    upstream.convert_pages_with(config, state.set_aside_html.markdown_extension())
    return state
