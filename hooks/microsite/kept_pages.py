"""The live preview's pages kept from one rebuild to the next: a rebuild renders only the pages whose
inputs changed (rebuild_rule.py decides which) and gives every other page what its last rendering made.

Only under `mkdocs serve`: MkDocs' reading (`_populate_page`) and rendering (`_build_page`) of a page are
replaced in the preview's process (upstream/page_steps.py). A page rendered in a build is remembered as
its reading left it (its Markdown, front matter, HTML, table of contents, anchors), the files it shows
(for the boxes of problems) and Material's search entries of it. A page the next build keeps is given
all of that instead of being read and rendered: the steps after it (the navigation, the link checks, the
search index, the sitemap, the feeds) see the same page as a fresh build, and the problems its reading and
rendering reported are reported again. What is kept is the last finished build's, as it was before the
boxes of problems were written into its pages, and only of a build in which no file changed while it ran
and no step stopped on a problem (problems.Problems.unexpected); otherwise the next build renders every page.
So are the entries of its language's search indexes as it wrote them (site_output/search.py `entry_json`: the
texts made searchable, as JSON), which the next build looks up instead of making them again.

The files the build before wrote stay on disk, not in memory: before MkDocs cleans the site folder, the
first language build moves its content aside (`set_aside`), and what is kept is moved back from there: a
kept page's file, and the files the site's last steps write for what a kept page shows (an article's
citation files, its link-preview picture: `take_back`). The rest is removed when the build ends. Only a
page whose file got a box of problems is held in memory, as it was before the box.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import upstream
from .findings import Finding
from .rebuild_rule import BuildInputs, Plan, Sources, build_inputs, plan_rebuild, read_sources
from .site_output.search import entry_json

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .state import BuildState

log = logging.getLogger("mkdocs.hooks.microsite")

# The checks of the built site (link_check.warn_in_build): the state, the pages kept (their paths in the site),
# their texts' digests and the files as the build started; the findings of the checks that read each page by
# itself.
SiteCheck = Callable[..., list[Finding]]


@dataclass
class KeptPage:
    """One page as its last rendering made it."""

    read: upstream.ReadPage
    # Its path in the site ('en/x.html'), and the files it shows (problems.py).
    site_path: str
    shown: frozenset[str]
    # The problems its reading and rendering reported, which a build that keeps it reports again.
    findings: list[Finding] = field(default_factory=list)
    # What was written for it, held only where the file the build left has a box of problems; None where
    # the file is taken back from the build before's folder (or the output was empty).
    output: bytes | None = None
    search_entries: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Build:
    """The build in progress: its config, the files as they were when it started, and its plan."""

    config: MkDocsConfig
    sources: Sources
    inputs: BuildInputs | None = None
    plan: Plan | None = None
    # Every page of this build, by (language, src_uri), as rendered or kept.
    pages: dict[tuple[str, str], KeptPage] = field(default_factory=dict)
    kept: set[tuple[str, str]] = field(default_factory=set)
    # The findings of the checks of the built site that read each page by itself (link_check.page_checks).
    page_check_findings: list[Finding] = field(default_factory=list)
    # Each built page's text's digest as the checks of the built site read it (link_check.site.Site.digests).
    page_digests: dict[str, bytes] = field(default_factory=dict)
    # The content of the site folder the build before left, moved aside (`KeptPages.set_aside`).
    aside: Path | None = None
    # Each entry of this build's language search indexes as written, by its language root and its fields.
    search_entries: dict[tuple, str] = field(default_factory=dict)


class KeptPages:
    """What the preview process keeps of its last finished build, and the steps that use it."""

    def __init__(self, state: Callable[[], BuildState | None]) -> None:
        self._state = state
        self._pages: dict[tuple[str, str], KeptPage] = {}
        self._inputs: BuildInputs | None = None
        self._page_check_findings: list[Finding] = []
        self._page_digests: dict[str, bytes] = {}
        self._search_entries: dict[tuple, str] = {}
        # Why nothing is kept, when nothing is.
        self._none_kept = "the first build of the preview"
        self._build: _Build | None = None
        # Each language's files as the i18n plugin made them, for a build that gives it the same files.
        self._localized = upstream.LocalizedFiles()
        self._put_back = upstream.replace_page_steps(self._read, self._render)
        # Its search indexes are written from the entries the plugin holds, kept pages' looked up (`search_entry`).
        self._put_back_search = upstream.leave_search_index_files_to_site()

    def close(self) -> None:
        """MkDocs' and Material's own steps back, nothing kept: the preview stops."""
        self._put_back()
        self._put_back_search()
        self.forget("the preview stopped")

    def forget(self, why: str) -> None:
        """Nothing kept: the next build renders every page."""
        _remove_aside(self._build)
        self._pages, self._inputs, self._build, self._none_kept = {}, None, None, why
        self._page_check_findings, self._page_digests, self._search_entries = [], {}, {}

    def start(self, config: MkDocsConfig) -> None:
        """Before a build reads any file: the files as they are now (a later language build: nothing)."""
        if self._build is None or self._build.config is not config:
            _remove_aside(self._build)
            project = Path(config.config_file_path).resolve().parent
            self._build = _Build(config, read_sources(project))
            self._localized.use_in(config)

    def plan(self, state: BuildState) -> None:
        """Once the publication is assembled: which pages this build may keep."""
        build = self._build
        if build is None or build.plan is not None or build.config is not state.config:
            return
        build.inputs = build_inputs(build.sources, state.publication)
        build.plan = plan_rebuild(self._inputs, build.inputs, self._none_kept)

    def set_aside(self, state: BuildState) -> None:
        """In the first language build, before MkDocs cleans the site folder: what the build before left there
        moved aside, for this build to take back what it keeps. Without it (nothing to keep, no folder) every
        page is rendered."""
        build = self._current(state.config)
        site = state.site_dir
        if build is None or build.aside is not None or not build.plan.kept or not site.is_dir():
            return
        aside = Path(tempfile.mkdtemp(prefix=".previous-build-", dir=site.parent)) / "site"
        site.rename(aside)
        site.mkdir()
        build.aside = aside

    def take_back(self, src_uri: str, site_path: str) -> bool:
        """The file the build before wrote at `site_path` (below the site folder) for what the page `src_uri`
        shows, moved back into the site folder if this build keeps that page; whether it was."""
        build = self._build
        if build is None or build.aside is None or build.plan is None or build.plan.renders(src_uri):
            return False
        return _move_back(build, site_path)

    def search_entry(self, doc: dict[str, Any], root: str) -> str:
        """An entry of the merged search index as its language's index holds it (site_output/search.py
        `entry_json`), or as the build before made it: a kept page's entries are the same, thousands of them.
        Kept by every field of the entry (one that is no text, a list of tags, is made again)."""
        try:
            key = (root, *doc.items())
            made = self._search_entries.get(key)
        except TypeError:
            return entry_json(doc, root)
        if made is None:
            made = entry_json(doc, root)
        if self._build is not None:
            self._build.search_entries[key] = made
        return made

    def hold_pages_with_problems(self, state: BuildState) -> None:
        """Before the boxes of problems are written into the pages: each page that gets one held as it is,
        for a next build that keeps it; every other page's file is taken back from the site folder."""
        build = self._current(state.config)
        if build is None:
            return
        boxed = {page for page, findings in state.problems.by_page().items() if findings}
        for page in build.pages.values():
            written = state.site_dir / page.site_path
            page.output = written.read_bytes() if page.site_path in boxed and written.is_file() else None

    def check_built_site(self, state: BuildState, check: SiteCheck) -> None:
        """The checks of the built site: those that read each page by itself, of the pages rendered again
        only; the pages kept have the findings the build before had of them, and their files' digests (a kept
        page's file is the one the build before wrote and checked), so that their text is not read again. The
        Markdown sources are the files as this build read them when it started, not read again."""
        build = self._current(state.config)
        if build is None:
            check(state)
            return
        kept = frozenset(build.pages[key].site_path for key in build.kept)
        findings = [finding for finding in self._page_check_findings if finding.file in kept]
        state.problems.report_all(findings)
        build.page_digests = {page: digest for page, digest in self._page_digests.items() if page in kept}
        build.page_check_findings = check(state, kept, build.page_digests, build.sources.texts) + findings

    def finish(self, state: BuildState) -> None:
        """Once every language is built: says what was rebuilt, and keeps this build's pages for the next
        if they may be kept."""
        build = self._build
        if build is None or build.config is not state.config or build.plan is None:
            return
        total = len(build.pages)
        if total:
            log.info(f"rebuilt {total - len(build.kept)} of {total} pages: {build.plan.reason}")
        _remove_aside(build)
        if read_sources(state.project) != build.sources:
            self.forget("a file was saved while the build before ran")
        elif state.problems.found_unexpected:
            self.forget("a step of the build before stopped on a problem")
        else:
            self._pages, self._inputs, self._build = build.pages, build.inputs, None
            self._page_check_findings, self._search_entries = build.page_check_findings, build.search_entries
            self._page_digests = build.page_digests

    def _current(self, config: MkDocsConfig) -> _Build | None:
        build = self._build
        return build if build is not None and build.config is config and build.plan is not None else None

    def _read(self, populate: Callable[..., None], page: Page, config: MkDocsConfig, files: Files, dirty=False):
        build, state = self._current(config), self._state()
        if build is None or state is None:
            return populate(page, config, files, dirty)
        key = (state.language, upstream.page_source(page))
        site_path = upstream.page_file_path(page)
        kept = self._pages.get(key)
        if kept is not None and build.aside is not None and not build.plan.renders(key[1]):
            upstream.give_read_page(page, kept.read, files)
            for shown in kept.shown:
                state.problems.page_shows(site_path, shown)
            state.problems.report_all(kept.findings)
            build.pages[key] = kept
            build.kept.add(key)
            return None
        reported = len(state.problems.findings)
        populate(page, config, files, dirty)
        findings = state.problems.findings[reported:]
        shown = state.problems.shown_by(site_path)
        build.pages[key] = KeptPage(upstream.read_page(page), site_path, shown, findings)
        return None

    def _render(self, build_page: Callable[..., None], page: Page, config: MkDocsConfig, *rest, **options):
        build, state = self._current(config), self._state()
        key = (state.language, upstream.page_source(page)) if state is not None else None
        if build is None or key not in build.pages:
            return build_page(page, config, *rest, **options)
        entries = upstream.search_index_entries(config)
        kept = build.pages[key]
        if key in build.kept:
            if kept.output is not None:
                upstream.write_page_output(page, kept.output)
            else:
                _move_back(build, kept.site_path)
            if entries is not None:
                entries.extend(dict(entry) for entry in kept.search_entries)
            return None
        before, reported = len(entries) if entries is not None else 0, len(state.problems.findings)
        build_page(page, config, *rest, **options)
        kept.findings += state.problems.findings[reported:]
        kept.search_entries = [dict(entry) for entry in entries[before:]] if entries is not None else []
        return None


def _move_back(build: _Build, site_path: str) -> bool:
    """The file at `site_path` in the folder set aside, moved to the same place in the site folder; whether
    there was one. (Thousands a rebuild: a rename first, its folder made only where it is missing.)"""
    old, new = os.path.join(build.aside, site_path), os.path.join(build.config.site_dir, site_path)
    try:
        os.rename(old, new)
    except FileNotFoundError:
        if not os.path.isfile(old):
            return False
        os.makedirs(os.path.dirname(new), exist_ok=True)
        os.rename(old, new)
    return True


def _remove_aside(build: _Build | None) -> None:
    """The folder set aside for `build`, with what it did not take back."""
    if build is not None and build.aside is not None:
        shutil.rmtree(build.aside.parent, ignore_errors=True)
        build.aside = None
