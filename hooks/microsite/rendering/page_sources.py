"""Written pages as the build reads them, and what the live preview shows for one it cannot show.

MkDocs reads each page as UTF-8 and stops the build, with a traceback, at one saved in another
encoding: `mkdocs serve` then answers no request until the file is fixed. So every written page is
read here first, after the i18n plugin has made this language's Files (as generated pages are given
their Markdown) and before MkDocs reads any. A page that cannot be read stops `mkdocs build` with its
file, line and what to do; an empty page is a warning. In the preview both are warnings, and the page
shows the problem in place of its content: never an empty page, nor the previous build's.

Read here too: the invisible characters that make a page display differently from what it is
(pasted_text.py). Any of them in a text of its front matter (an article's is the collection's to
check); in its Markdown, only the bidirectional embeddings, overrides and isolates, which no German or
English prose needs, while a right-to-left mark may belong to a quotation and a zero-width space or
non-joiner to the typography of a word.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from jsonschema import Draft202012Validator
from mkdocs.structure.files import File, Files

from .. import upstream
from ..content_cache import KeptResults, content_key
from ..data.checks import check_hidden_characters
from ..data.explain import explain
from ..data.yaml_positions import DataFile, parse_yaml
from ..findings import Finding
from ..front_matter_fields import read_front_matter
from ..frontmatter import CHECK as FRONT_MATTER
from ..frontmatter import UnclosedFrontMatter, front_matter_lines
from ..languages import Languages
from ..page_markdown import unreadable_page
from ..pasted_text import hidden_character_problem, hidden_characters
from ..problems import Problem
from ..text_files import UnreadableText, read_utf8
from ..words import Words

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..state import BuildState

# The fields of any page's front matter that MkDocs, Material and the hooks read, and the kind each must be.
PAGE_SCHEMA = Path(__file__).resolve().parent.parent / "page.schema.json"
# What is wrong in each written page's text, kept by the process for the preview's next rebuild (every page is
# checked at every save) by the text, its path, the characters allowed and whether it is an article: a rebuild
# reads each page and hashes it, and checks again only what changed (CONTRIBUTING.md, "What a process keeps
# between builds"). Twice an archive of 1,000 pairs.
CHECKED_PAGES: KeptResults[list[Finding]] = KeptResults(size=4096, copy=list)

HIDDEN_CHARACTER = "hidden-character"
# What the build's own page reading finds; a page that cannot be read is parity's 'unreadable-page'.
CHECKS = {
    "empty-page": "a page has no content at all",
    FRONT_MATTER: "a page's front matter cannot be read: a YAML mistake, or no closing '---' line",
    HIDDEN_CHARACTER: "a text of a page's front matter, or a line of its Markdown, has an invisible character that "
    "makes it display differently from what it is",
}


def page_problems(
    file: File, allowed: frozenset[str] = frozenset(), *, article: bool = False
) -> tuple[Finding | None, list[Finding]]:
    """Why a written page cannot be built as it is, if it cannot; and what is wrong in a page that can be:
    its front matter cannot be read, or a text of it has an invisible character (`allowed`: those the
    publication allows). An `article`'s front matter is the collection's to check (articles/), with every
    field. Read as parity reads it: as UTF-8, without a byte-order mark, so that the build and parity name
    the same byte of a page."""
    shown = f"docs/{file.src_uri}"
    try:
        text = read_utf8(Path(file.abs_src_path))
    except UnreadableText as unreadable:
        return unreadable_page(unreadable, shown), []
    if not text.strip():
        return Finding(shown, 1, "the page is empty – write its content, or delete the file", "empty-page"), []
    key = content_key(text, shown, "".join(sorted(allowed)), "article" if article else "page")
    return None, CHECKED_PAGES.get(key, lambda: _text_problems(text, shown, allowed, article=article))


def _text_problems(text: str, shown: str, allowed: frozenset[str], *, article: bool) -> list[Finding]:
    problem = None if article else front_matter_problem(text, shown)
    return ([problem] if problem else []) + hidden_characters_in_page(text, shown, allowed, article=article)


def hidden_characters_in_page(text: str, shown: str, allowed: frozenset[str], *, article: bool) -> list[Finding]:
    """Each text of the page's front matter (not an `article`'s) with an invisible character, and each line
    of its Markdown with a bidirectional override, at the first of them."""
    front_matter = None if article else read_front_matter(text, shown)
    found = [] if front_matter is None else check_hidden_characters(front_matter, allowed)
    findings = [replace(finding, check=HIDDEN_CHARACTER) for finding in found]
    try:
        split = front_matter_lines(text)
    except UnclosedFrontMatter:
        split = None
    # The Markdown's first line: the one after the closing '---' of a front matter, whose lines the YAML keeps.
    first = 1 if split is None else split[0].count("\n") + 3
    body = text.replace("\r\n", "\n").replace("\r", "\n") if split is None else split[1]
    for number, line in enumerate(body.split("\n"), start=first):
        overrides = hidden_characters(line, allowed, overrides_only=True)
        if overrides:
            message = hidden_character_problem(line, overrides)
            findings.append(Finding(shown, number, message, HIDDEN_CHARACTER, column=overrides[0] + 1))
    return findings


def front_matter_problem(text: str, shown: str) -> Finding | None:
    """What keeps a page's front matter from being read, if anything: MkDocs would show it as text then,
    and build the page without its title and description."""
    try:
        split = front_matter_lines(text)
    except UnclosedFrontMatter as unclosed:
        return Finding(shown, 1, str(unclosed), FRONT_MATTER, column=1)
    if split is None:
        return None
    front_matter = DataFile(name="front matter", display_path=shown)
    # A syntax error, or what plain YAML never needs (an alias where a text begins with '*', say). A field
    # written twice is no such problem: MkDocs reads the page, with the last of them.
    found = parse_yaml(split[0], front_matter, syntax_check=FRONT_MATTER)
    if found and not front_matter.parsed:
        return replace(found[0], check=FRONT_MATTER)
    if front_matter.parsed and not isinstance(front_matter.content, (dict, type(None))):
        message = "the front matter must be fields, one a line ('title: …') – write each as 'name: value'"
        return Finding(shown, 2, message, FRONT_MATTER, column=1)
    return None


def code_span(text: str) -> str:
    """Text as Markdown code, whatever backticks it holds: fenced by a longer run of them."""
    runs = [len(list(run)) for character, run in itertools.groupby(text) if character == "`"]
    fence = "`" * (max(runs, default=0) + 1)
    return f"{fence} {text} {fence}"


def problem_page(problem: Finding, language: str, words: Words) -> str:
    """The Markdown the preview shows for a page with a problem: the problem, named, in an admonition."""
    title = words.label(language, "page_problem.title")
    text = words.label(language, "page_problem.text")
    return f'!!! failure "{title}"\n\n    {text}\n\n    {code_span(problem.text())}\n'


def stand_in_for_unbuildable_pages(state: BuildState, files: Files) -> None:
    """Check every written page of this language build before MkDocs reads it. An article's front matter
    is the collection's to check (articles/), with every field."""
    articles = set(state.articles.sources.get(state.language, ())) if state.articles else set()
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated: its Markdown was given by rendering/generated_pages.py
        problem, found = page_problems(file, state.allowed_characters, article=f"docs/{file.src_uri}" in articles)
        if found:
            state.problems.stop_or_report(Problem(found))
        if problem is None:
            continue
        if problem.check == "unreadable-page":
            state.problems.stop_or_report(Problem(problem))
        else:
            state.problems.report(problem)
        if state.preview:
            file.content_string = problem_page(problem, state.language, state.words)


@functools.cache
def _page_fields() -> Draft202012Validator:
    return Draft202012Validator(json.loads(PAGE_SCHEMA.read_text(encoding="utf-8")))


def keep_page_fields_usable(state: BuildState, page: Page) -> None:
    """The fields of the page's front matter that MkDocs, Material and the hooks read (page.schema.json),
    each of the kind they need: one of another kind (`search: true`, on which Material's search fails) is
    named with its line and what to write, and in the live preview left out of the page. An article's
    front matter is named by the collection, with every field (articles/)."""
    meta = upstream.page_meta(page)
    errors = list(_page_fields().iter_errors(meta))
    if not errors:
        return
    shown = f"docs/{upstream.page_source(page)}"
    if not (state.articles and shown in state.articles.sources.get(state.language, ())):
        fields = read_front_matter(upstream.page_markdown_source(page), shown)
        if fields is None:
            fields = DataFile(name="front matter", display_path=shown, content=meta, parsed=True)
        language = Languages((state.language,))
        state.problems.stop_or_report(
            Problem([finding for error in errors for finding in explain(error, fields, language)])
        )
    for field in {str(error.absolute_path[0]) for error in errors if error.absolute_path}:
        del meta[field]
