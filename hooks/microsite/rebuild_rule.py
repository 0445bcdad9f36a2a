"""Which pages a rebuild of the live preview renders again, and which it may keep from the build before.

A page is rendered again when a file it shows changed: its own Markdown, the other languages' file of
the same path (its translation notice, its language selector), and every source the page map gives it
(page_map.py: the data its markers read, the articles it lists), and, on a status page, where the pairs it
reports stand (a pair's text may change without it). What
every page shows is no page's own, and a change to it renders every page again: mkdocs.yml, overrides/,
a file added, removed or renamed, a page's front matter or first heading (the navigation, the footer and
the articles' neighbours show the titles and the order of other pages), any file the rule cannot place
(a picture, a data file no page shows), and a page map in which some page shows other sources. So does
a previous build that had problems (its pages carry boxes), failed, or read a file saved while it ran.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .findings import plural
from .frontmatter import UnclosedFrontMatter, front_matter_lines
from .page_titles import first_heading
from .publication import Publication, PublishedPage
from .symbolic_links import followable_entries, path_below

# The folders of a project whose files the pages show, and the settings that every page shows.
FOLDERS = ("docs", "data", "overrides")
SETTINGS = "mkdocs.yml"
# How many changed files the log line names.
NAMED = 3

# A page's front matter as written, and its first heading.
Outline = tuple[str | None, str | None]


@dataclass(frozen=True)
class Sources:
    """Every file a build of the project reads, by its path in the project ('docs/de/x.md'), as it was
    when the build started."""

    texts: Mapping[str, bytes]

    def changed_since(self, other: Sources) -> list[str]:
        """The files added, removed or changed since `other`, in order."""
        names = self.texts.keys() | other.texts.keys()
        return sorted(name for name in names if self.texts.get(name) != other.texts.get(name))


def read_sources(project: Path) -> Sources:
    """The project's files as they are now: mkdocs.yml and every file below docs/, data/ and overrides/
    that a build may read (none behind a symbolic link that leads out of its folder)."""
    texts = {}
    settings = project / SETTINGS
    if settings.is_file():
        texts[SETTINGS] = settings.read_bytes()
    for name in FOLDERS:
        folder = project / name
        # In the order of the files' paths, name by name (as pathlib orders them).
        paths = sorted((entry.path for entry in followable_entries(folder, folder) if entry.is_file()), key=_names)
        for path in paths:
            with open(path, "rb") as file:
                texts[f"{name}/{path_below(path, folder)}"] = file.read()
    return Sources(texts)


def _names(path: str) -> list[str]:
    return path.split(os.sep)


@dataclass(frozen=True)
class BuildInputs:
    """What a build of the preview made its pages of: the files it read, every page's address and sources
    (the page map), and the outline of each generated page."""

    sources: Sources
    pages: Mapping[str, PublishedPage]
    # What other pages show of each generated page (its Markdown is made from the data and the articles).
    generated: Mapping[str, Outline]


def build_inputs(sources: Sources, publication: Publication) -> BuildInputs:
    """What the build of `publication`, assembled from `sources`, makes its pages of."""
    generated = {src_uri: outline(page.markdown) for src_uri, page in publication.generated.items()}
    return BuildInputs(sources, publication.pages, generated)


@dataclass(frozen=True)
class Plan:
    """The pages (by src_uri, 'de/artikel/x.md') whose output a rebuild may keep from the build before,
    which it does not render again; and why the others are rendered."""

    kept: frozenset[str]
    reason: str

    def renders(self, src_uri: str) -> bool:
        return src_uri not in self.kept


def plan_rebuild(previous: BuildInputs | None, current: BuildInputs, none_kept: str = "") -> Plan:
    """Which pages the build of `current` (its sources, pages and generated pages' outlines) may keep
    after `previous` (None, for `none_kept`'s reason: the first build of the preview, or after one whose
    pages cannot be kept). A page that is in no page map is always rendered."""
    if previous is None:
        return Plan(frozenset(), none_kept or "no build before")
    changed = current.sources.changed_since(previous.sources)
    every_page = _reason_for_every_page(previous, current, changed)
    if every_page is not None:
        return Plan(frozenset(), every_page)
    folders = _language_folders(current.sources)
    changed_set = set(changed)
    kept = frozenset(
        src_uri
        for src_uri, page in current.pages.items()
        if previous.pages.get(src_uri) == page
        and not changed_set & page.sources
        and not changed_set & {f"docs/{folder}/{page.path}" for folder in folders}
    )
    return Plan(kept, _changed_files(changed) if changed else "no file changed")


def _reason_for_every_page(previous: BuildInputs, current: BuildInputs, changed: list[str]) -> str | None:
    """Why every page is rendered again after `changed`, or None if the pages showing them are enough."""
    sources, pages = current.sources, current.pages
    added_or_removed = [name for name in changed if name not in sources.texts or name not in previous.sources.texts]
    if added_or_removed:
        return _changed_files(added_or_removed, "added or removed")
    if pages.keys() != previous.pages.keys():
        return "the set of pages changed"
    retitled = [src_uri for src_uri, outline in current.generated.items() if previous.generated.get(src_uri) != outline]
    if retitled:
        return f"the title of the generated page {retitled[0]} changed"
    shown = set().union(*(page.sources for page in pages.values()))
    folders = _language_folders(sources)
    shown |= {f"docs/{folder}/{page.path}" for page in pages.values() for folder in folders}
    for name in changed:
        if name == SETTINGS or name.startswith("overrides/"):
            return f"{name} changed"
        if name not in shown:
            return f"{name} changed, which the page map gives no page"
        markdown = name.startswith("docs/") and name.endswith(".md")
        if markdown and _outline(previous.sources.texts[name]) != _outline(sources.texts[name]):
            return f"the front matter or the title of {name} changed"
    return None


def _language_folders(sources: Sources) -> set[str]:
    """Every language's folder below docs/, the languages this preview does not build included (`make serve
    LANGUAGE=en` shows the source language's changes in the notices)."""
    return {name.split("/", 2)[1] for name in sources.texts if name.startswith("docs/") and name.count("/") > 1}


def outline(markdown: str) -> Outline:
    """What other pages show of a page: its front matter as written, and its first heading."""
    try:
        split = front_matter_lines(markdown)
    except UnclosedFrontMatter:
        return (markdown, None)
    front_matter, body = split if split is not None else (None, markdown)
    return front_matter, first_heading(body)


def _outline(text: bytes) -> Outline:
    try:
        return outline(text.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return (repr(text), None)


def _changed_files(names: list[str], how: str = "changed") -> str:
    shown = ", ".join(names[:NAMED])
    more = f" and {plural(len(names) - NAMED, 'file')} more" if len(names) > NAMED else ""
    return f"{shown}{more} {how}"
