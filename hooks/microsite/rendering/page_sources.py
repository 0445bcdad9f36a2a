"""Written pages as the build reads them, and what the live preview shows for one it cannot show.

MkDocs reads each page as UTF-8 and stops the build, with a traceback, at one saved in another
encoding: `mkdocs serve` then answers no request until the file is fixed. So every written page is
read here first, after the i18n plugin has made this language's Files (as generated pages are given
their Markdown) and before MkDocs reads any. A page that cannot be read stops `mkdocs build` with its
file, line and what to do; an empty page is a warning. In the preview both are warnings, and the page
shows the problem in place of its content: never an empty page, nor the previous build's.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from ..findings import Finding
from ..front_matter_fields import check_front_matter
from ..parity.pages import UnreadablePage, read_page
from ..problems import Problem
from .labels import label

if TYPE_CHECKING:
    from ..state import BuildState

# What the build's own page reading finds; a page that cannot be read is parity's 'unreadable-page'.
CHECKS = {
    "empty-page": "a page has no content at all",
    "front-matter": "a page's front matter (between the '---' lines at its top) is no valid YAML",
}


def page_problems(file: File) -> tuple[Finding | None, list[Finding]]:
    """Why a written page cannot be built as it is, if it cannot; and what is wrong with its front matter.
    Read as parity reads it: as UTF-8, without a byte-order mark, so that the build and parity name the
    same byte of a page."""
    shown = f"docs/{file.src_uri}"
    try:
        text = read_page(Path(file.abs_src_path), shown)
    except UnreadablePage as unreadable:
        return unreadable.finding, []
    if not text.strip():
        return Finding(shown, 1, "the page is empty – write its content, or delete the file", "empty-page"), []
    return None, check_front_matter(text, shown)


def code_span(text: str) -> str:
    """Text as Markdown code, whatever backticks it holds: fenced by a longer run of them."""
    runs = [len(list(run)) for character, run in itertools.groupby(text) if character == "`"]
    fence = "`" * (max(runs, default=0) + 1)
    return f"{fence} {text} {fence}"


def problem_page(problem: Finding, language: str) -> str:
    """The Markdown the preview shows for a page with a problem: the problem, named, in an admonition."""
    title = label(language, "page_problem.title")
    text = label(language, "page_problem.text")
    return f'!!! failure "{title}"\n\n    {text}\n\n    {code_span(problem.text())}\n'


def stand_in_for_unbuildable_pages(state: BuildState, files: Files) -> None:
    """Check every written page of this language build before MkDocs reads it. An article's front matter
    is the collection's to check (articles/), with every field."""
    articles = set(state.articles.sources.get(state.language, ())) if state.articles else set()
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated: its Markdown was given by rendering/generated_pages.py
        problem, front_matter = page_problems(file)
        if front_matter and f"docs/{file.src_uri}" not in articles:
            state.problems.stop_or_report(Problem(front_matter))
        if problem is None:
            continue
        if problem.check == "unreadable-page":
            state.problems.stop_or_report(Problem(problem))
        else:
            state.problems.report(problem)
        if state.preview:
            file.content_string = problem_page(problem, state.language)
