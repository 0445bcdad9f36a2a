"""The whole project: every page pair of every translation, every data file, and the summary for CI.

Read-only: `make parity`, `make check` and the build only report; nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..data.yaml_positions import DataFile
from ..findings import Finding, Subject, Summary
from ..languages import Languages
from ..page_markdown import unreadable_page
from ..pasted_text import invisible_character_problem
from ..settings import project_settings
from ..symbolic_links import followable_entries, path_below
from ..text_files import UnreadableText, read_utf8
from ..translation_policy import TranslationPolicy
from ..words import Words, read_words
from .block_language import check_page_language
from .compare import compare_pages
from .data_texts import check_data
from .image_files import check_image_files
from .interface_words import check_words
from .page_reader import parse_text
from .pages import Page
from .report import Report
from .stamps import check_outdated, verified_unchanged
from .status import PageTranslation, SourceChange, State, TranslationStatus


@dataclass
class PairStatus:
    """A source page and its translation, with the number of findings about them."""

    source: str
    translation: str
    findings: int


@dataclass
class ParityResult:
    """Every finding, the status of every page pair, the data files read, and where each translation stands."""

    findings: list[Finding]
    pairs: list[PairStatus]
    data_files: list[str]
    translations: TranslationStatus


def check_project(
    root: Path,
    languages: Languages | None = None,
    *,
    policy: TranslationPolicy | None = None,
    trust_verified: bool = False,
    parsed_data: dict[str, DataFile] | None = None,
    words: Words | None = None,
) -> ParityResult:
    """Every finding in the project, the status of every page pair and translation, and the data files read.

    `languages` and `policy`: those of mkdocs.yml unless given. With `trust_verified` (the build), a pair
    that is byte for byte what the `translated` command verified is not compared again; `make parity` and
    `make check` always compare every pair. `parsed_data`: data files the build has parsed already;
    `words`: the interface words it has read.
    """
    if languages is None or policy is None:
        settings = project_settings(root)
        languages = languages or settings.checked_languages()
        policy = policy or settings.checked_translation_policy()
    report = Report()
    statuses: list[PairStatus] = []
    translations = TranslationStatus(policy, languages.source)
    source_pages = _pages(root, languages.source)
    _check_page_names(source_pages, languages.source, report)
    for language in languages.translations:
        translated = _pages(root, language)
        _check_page_names(translated, language, report)
        _check_page_sets(source_pages, translated, languages, language, report, policy)
        for relative in sorted(source_pages - translated):
            translations.pages.append(PageTranslation(relative, language, State.MISSING))
        for relative in sorted(source_pages & translated):
            pair = _PagePair(root, languages, language, relative)
            findings_before = len(report.findings)
            state, change = _check_pair(pair, report, policy, trust_verified=trust_verified)
            if state is State.OUTDATED and policy.tolerates_outdated:
                _tolerate(report, findings_before, pair.translation_shown)
            found = len(report.findings) - findings_before
            statuses.append(PairStatus(pair.source_shown, pair.translation_shown, found))
            translations.pages.append(PageTranslation(relative, language, state, change))
    # The build leaves the data texts' languages to `make parity`: telling them would load the
    # identifier's model in every build, and data records have no verified stamp to skip them by.
    data_files = (
        check_data(
            root,
            languages,
            report,
            parsed_data,
            judge_languages=not trust_verified,
            policy=policy,
            records=translations.records,
        )
        if (root / "data").is_dir()
        else []
    )
    for finding in check_words(words or read_words(languages), languages):
        report.add(finding)
    return ParityResult(report.findings, statuses, data_files, translations)


def _tolerate(report: Report, first: int, translation: str) -> None:
    """An outdated translation's differences from its changed source are its lag, not mistakes: warnings."""
    for index in range(first, len(report.findings)):
        finding = report.findings[index]
        if finding.file == translation:
            report.findings[index] = replace(finding, level="warning")


def _pages(root: Path, language: str) -> set[str]:
    """The pages of a language, by their path below its folder."""
    folder = root / "docs" / language
    docs = root / "docs"
    return {path_below(entry.path, folder) for entry in followable_entries(folder, docs, ".md") if not entry.is_dir()}


def _check_page_names(pages: set[str], language: str, report: Report) -> None:
    """A page's file name is its address, and pairs it with its translations: an invisible character
    pasted into it makes an address nobody can type, and a name that looks like its counterpart's
    without being it."""
    for relative in sorted(pages):
        problem = invisible_character_problem(relative, "file name", "rename the file (in every language folder)")
        if problem is not None:
            report.add(Finding(f"docs/{language}/{relative}", 1, problem, "invisible-character"))


def _check_page_sets(
    source_pages: set[str],
    translated: set[str],
    languages: Languages,
    language: str,
    report: Report,
    policy: TranslationPolicy,
) -> None:
    """Every source page translated, and every translation with its source page."""
    source = languages.source
    level = "warning" if policy.tolerates_missing else "error"
    for relative in sorted(source_pages - translated):
        source_page, translation = f"docs/{source}/{relative}", f"docs/{language}/{relative}"
        message = f"no {Languages.name(language)} translation: create {translation} (same file name)"
        report.add(Finding(source_page, 1, message, "missing-translation", counterpart=translation, level=level))
    for relative in sorted(translated - source_pages):
        source_page, translation = f"docs/{source}/{relative}", f"docs/{language}/{relative}"
        message = (
            f"no source {source_page}: rename this file to match its source, or delete it if the source was removed"
        )
        report.add(Finding(translation, 1, message, "orphan-translation", counterpart=source_page))


@dataclass(frozen=True)
class _PagePair:
    """A source page and its translation into `language`, by their path below the language folders."""

    root: Path
    languages: Languages
    language: str
    relative: str

    @property
    def source_shown(self) -> str:
        return f"docs/{self.languages.source}/{self.relative}"

    @property
    def translation_shown(self) -> str:
        return f"docs/{self.language}/{self.relative}"


def _check_pair(
    pair: _PagePair, report: Report, policy: TranslationPolicy, *, trust_verified: bool
) -> tuple[State, SourceChange | None]:
    """Compares a pair; returns where the translation stands (unreadable: untracked, as nobody can tell)."""
    source_text = _read(pair.root, pair.source_shown, report)
    translation_text = _read(pair.root, pair.translation_shown, report)
    if source_text is None or translation_text is None:
        return State.UNTRACKED, None
    if trust_verified and verified_unchanged(source_text, translation_text):
        return State.CURRENT, None
    codes = pair.languages.codes
    source = parse_text(source_text, pair.root / pair.source_shown, pair.source_shown, pair.languages.source)
    translation_path = pair.root / pair.translation_shown
    translation = parse_text(translation_text, translation_path, pair.translation_shown, pair.language)
    compare_pages(source, translation, report, codes)
    check_image_files(source, translation, pair.root, pair.languages, report)
    check_page_language(source, codes, report)
    state, change = check_outdated(pair.root, source, translation, report, policy)
    for page in (source, translation):
        _report_unused_exemptions(page, report)
    return state, change


def _read(root: Path, shown: str, report: Report) -> str | None:
    """A page's text; None, with a finding, for one that cannot be read."""
    try:
        return read_utf8(root / shown)
    except UnreadableText as unreadable:
        report.add(unreadable_page(unreadable, shown))
        return None


def _report_unused_exemptions(page: Page, report: Report) -> None:
    for exemption in page.page_exemptions + page.inline_exemptions:
        if not exemption.used:
            message = f"'{exemption.check}' is declared here but nothing differs – remove the declaration"
            report.add(Finding(page.shown, exemption.line, message, "unused-exemption"))


def summary(result: ParityResult) -> Summary:
    """For a CI job: per page pair and data file, its status and findings, under the policy in force."""
    subjects = [
        Subject(status.source, f"`{status.translation}`", (status.source, status.translation))
        for status in result.pairs
    ]
    subjects += [Subject(shown, "(every language)", (shown,)) for shown in result.data_files]
    return Summary(
        "Translation parity",
        "pages and data files",
        ("page", "translation"),
        "in parity",
        subjects,
        note=result.translations.policy.describe(),
    )
