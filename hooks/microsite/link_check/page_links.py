"""Links and images in the Markdown of the pages, checked in each language build against what that
build has: its files (pages, pictures, anything else) and the anchors of its rendered pages.

MkDocs checks the same (mkdocs.yml, `validation: links:`), but its messages name neither the line nor
what to do, so they are turned off in mkdocs.yml and these take their place: each names the file and line
of the link, its text, its target, what is wrong and what to do, with the pages, files or headings that
are there, nearest first. A reference-style link is named where it is used, with its address's line.

Markdown links and images only, as MkDocs checks them (raw HTML is lychee.py's), read with parity's parser and
resolved as MkDocs does: relative to the page's file, a page by its `.md` file, a heading by its id after `#`.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .. import upstream
from ..findings import Finding
from ..page_markdown import new_markdown_parser
from .markdown_sources import PARSED_PAGES

if TYPE_CHECKING:
    from ..state import BuildState

# How many pages, files or headings a message offers: the nearest names are the likely ones.
OFFERED = 5
# File names MkDocs tries for an address without an extension ('artikel' → 'artikel/index.md').
FOLDER_PAGES = ("index.md", "README.md")


@dataclass(frozen=True)
class MarkdownLink:
    """A link or image of a Markdown page."""

    # The line it is written on, counted from 1.
    line: int
    image: bool
    # The link's text, or the image's alt text.
    text: str
    address: str
    # A reference-style link (`[text][label]`): its label, and the line its address is written on.
    label: str = ""
    definition_line: int = 0

    def described(self) -> str:
        """The link as a message names it: `link “text”`, `image “alt”`, with where its address is written."""
        what = "image" if self.image else "link"
        named = f"{what} “{self.text.strip()}”" if self.text.strip() else what
        defined = f" ([{self.label}] on line {self.definition_line})" if self.label else ""
        return f"{named} → {self.address}{defined}"


@functools.lru_cache(maxsize=PARSED_PAGES)
def markdown_page_links(text: str) -> tuple[MarkdownLink, ...]:
    """Every Markdown link and image of a page, with its line: in paragraphs, headings, lists, tables,
    quotes, admonitions and definition lists alike; none in code, and no autolink (`<https://…>`, which
    always leads to another site or an e-mail address: the link check's, lychee.py and checks.py). Kept by
    the page's text (PARSED_PAGES)."""
    environment: dict = {}
    links = []
    for token in _parser().parse(text, environment):
        if token.type == "inline" and token.map is not None:
            links += _inline_links(token, token.map[0] + 1, environment.get("references", {}))
    return tuple(links)


@functools.cache
def _parser() -> MarkdownIt:
    parser = new_markdown_parser()
    # Every address as written: the parser's own check would drop some, and its percent-encoding
    # would show an address otherwise than the editor wrote it.
    parser.validateLink = lambda address: True
    parser.normalizeLink = lambda address: address
    # A reference-style link keeps its label, to name the line its address is written on.
    parser.options["store_labels"] = True
    parser.core.ruler.at("inline", _inline_with_brackets)
    return parser


def _inline_with_brackets(state: StateCore) -> None:
    """markdown-it's inline parse, of the blocks with a `[` only (most have none): every link read here has one."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if "[" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


def _inline_links(token: Token, first_line: int, references: dict) -> list[MarkdownLink]:
    """The links and images of one paragraph, heading or table cell; each on its line of the block."""
    links: list[MarkdownLink] = []
    line = first_line
    # The link being read, until its closing token: (its line, address, label, pieces of its text).
    open_link: tuple[int, str, str, list[str]] | None = None
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
            if open_link is not None:
                open_link[3].append(" ")
        elif child.type == "link_open":
            open_link = (line, str(child.attrs.get("href", "")), child.meta.get("label", ""), [])
        elif child.type == "link_close" and open_link is not None:
            link_line, address, label, pieces = open_link
            links.append(_link(link_line, False, "".join(pieces), address, label, references))
            open_link = None
        elif child.type == "image":
            address, label = str(child.attrs.get("src", "")), child.meta.get("label", "")
            links.append(_link(line, True, child.content, address, label, references))
            if open_link is not None:
                open_link[3].append(child.content)
        elif child.type in ("text", "code_inline") and open_link is not None:
            open_link[3].append(child.content)
    return links


def _link(line: int, image: bool, text: str, address: str, label: str, references: dict) -> MarkdownLink:
    reference = references.get(label) if label else None
    if reference is None:
        return MarkdownLink(line, image, text, address)
    return MarkdownLink(line, image, text, address, label.lower(), reference["map"][0] + 1)


@dataclass
class BuildTargets:
    """What one language build has for links to lead to, by path below docs/ ('de/x.md')."""

    # Pages, and every other file (pictures, PDFs…), that the site will have.
    pages: set[str]
    files: set[str]
    # Files that exist but are left out of the site (exclude_docs, draft_docs, a name beginning with '.').
    excluded: set[str]
    # A rendered page's anchors: every id it has, and its headings' ids in order.
    anchors: dict[str, upstream.PageAnchors] = field(default_factory=dict)
    # The publication's language codes: the first folder of every path below docs/.
    languages: tuple[str, ...] = ()
    # How paths below docs/ are shown to editors ('docs/').
    docs_shown: str = "docs/"

    def shown(self, path: str) -> str:
        return self.docs_shown + path


def check_links(page: str, links: Sequence[MarkdownLink], targets: BuildTargets) -> list[Finding]:
    """The findings on the links of one page (its path below docs/), in the order they are written."""
    findings = []
    for link in links:
        problem = _problem(page, link, targets)
        if problem is not None:
            check, message = problem
            findings.append(Finding(targets.shown(page), link.line, f"{link.described()}: {message}", check))
    return findings


def _problem(page: str, link: MarkdownLink, targets: BuildTargets) -> tuple[str, str] | None:
    """(check id, what is wrong – what to do) for a link that leads nowhere in this build."""
    scheme, netloc, path, _, fragment = urlsplit(link.address)
    if scheme or netloc:
        return None  # another site, an e-mail address: the link check's (lychee.py, checks.py)
    if link.address.startswith(("/", "\\")):
        return "broken-link", _absolute(page, path, targets)
    if not path:
        return _missing_anchor(page, page, fragment, targets) if fragment else None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
    if target.startswith("../") or target == "..":
        return "broken-link", "it leads out of the docs folder – link to a page or file below it, relative to this page"
    if target in targets.excluded:
        todo = "link to a page that is published, or publish that one (see exclude_docs in mkdocs.yml)"
        return "broken-link", f"{targets.shown(target)} is left out of the site – {todo}"
    if target in targets.pages:
        return _missing_anchor(page, target, fragment, targets) if fragment else None
    if target in targets.files:
        return None
    return "broken-link", _missing_target(page, target, link, targets)


def _absolute(page: str, path: str, targets: BuildTargets) -> str:
    """An address from the site's root, which misses the site wherever it is served under a sub-path."""
    language = page.split("/", 1)[0]
    written = unquote(path).lstrip("/\\")
    candidates = [written, f"{language}/{written}"]
    candidates += [_markdown_name(candidate) for candidate in candidates]
    found = next((candidate for candidate in candidates if candidate in targets.pages | targets.files), None)
    why = "an address beginning with '/' misses the site when it is served under a sub-path"
    if found is not None:
        return f"{why} – link to the file relative to this page: {_relative(found, page)}"
    offered = _offered("pages", f"{language}/{written}", list(targets.pages), page)
    return f"{why} – link to the page's Markdown file relative to this page ({offered})"


def _markdown_name(path: str) -> str:
    """A page's Markdown file for an address written as the built page's ('x.html' → 'x.md')."""
    return path.removesuffix(".html") + ".md" if path.endswith(".html") else path


def _missing_target(page: str, target: str, link: MarkdownLink, targets: BuildTargets) -> str:
    """There is nothing at the target: what was probably meant, or what is there."""
    other_language = _in_other_language(page, target, targets)
    if other_language:
        return other_language
    meant = _meant(target, targets)
    if meant is not None:
        return f"links name a page by its Markdown file – write {_relative(meant, page)}"
    folder = posixpath.dirname(target)
    extension = posixpath.splitext(target)[1]
    if link.image or (extension and extension != ".md"):
        kind = "image" if link.image else "file"
        files_there = [file for file in targets.files if posixpath.dirname(file) == folder]
        offered = _offered("files", target, files_there, page) or f"{targets.shown(folder)}/ has no other files"
        return f"there is no file {targets.shown(target)} – correct the address, or add the {kind} ({offered})"
    pages_there = [candidate for candidate in targets.pages if posixpath.dirname(candidate) == folder]
    offered = _offered("pages", target, pages_there or list(targets.pages), page)
    if not extension:
        return f"there is no page {targets.shown(target)}.md – link to a page by its Markdown file ({offered})"
    return f"there is no page {targets.shown(target)} – correct the link, or add the page ({offered})"


def _meant(target: str, targets: BuildTargets) -> str | None:
    """The page an address names without its Markdown file's name, as MkDocs guesses it: 'x' or
    'x.html' for 'x.md', a folder for its index.md."""
    candidates = [_markdown_name(target)]
    if not posixpath.splitext(target)[1]:
        candidates += [f"{target}.md", *(posixpath.join(target, name) for name in FOLDER_PAGES)]
    return next((candidate for candidate in candidates if candidate in targets.pages), None)


def _in_other_language(page: str, target: str, targets: BuildTargets) -> str | None:
    """A link into another language's folder: that build has those pages, this one has its own."""
    language = page.partition("/")[0]
    other, _, path = target.partition("/")
    if other == language or other not in targets.languages or not path:
        return None
    own = f"{language}/{_markdown_name(path)}"
    in_own = f"link to {_relative(own, page)} in this language"
    instead = in_own if own in targets.pages else "link to a page of this language"
    return (
        f"{targets.shown(target)} belongs to the other language's pages, which readers reach with the "
        f"language selector – {instead}"
    )


def _missing_anchor(page: str, target: str, fragment: str, targets: BuildTargets) -> tuple[str, str] | None:
    anchors = targets.anchors.get(target)
    if anchors is None or fragment in anchors.present or unquote(fragment) in anchors.present:
        return None
    where = "this page" if target == page else targets.shown(target)
    if not anchors.headings:
        return "broken-fragment", f"{where} has no heading #{fragment}, nor any other – link to the page alone"
    nearest = difflib.get_close_matches(fragment, anchors.headings, n=OFFERED, cutoff=0)
    return "broken-fragment", (
        f"{where} has no heading #{fragment} – link to one of its headings (nearest first): "
        + ", ".join(f"#{anchor}" for anchor in nearest)
    )


def _offered(kind: str, target: str, candidates: list[str], page: str) -> str:
    """Up to OFFERED candidates, nearest to the target's name first, as the page would link to them;
    empty without candidates."""
    names = {_relative(candidate, page) for candidate in candidates}
    nearest = difflib.get_close_matches(_relative(target, page), sorted(names), n=OFFERED, cutoff=0)
    if not nearest:
        return ""
    return f"nearest {kind}: " + ", ".join(nearest + (["…"] if len(names) > len(nearest) else []))


def _relative(path: str, page: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(page) or ".")


def warn_about_page_links(state: BuildState) -> None:
    """The links of every language build whose pages are rendered and not yet checked, as warnings: a
    strict build fails on them, the preview shows them and goes on."""
    docs_dir = Path(state.config.docs_dir).resolve()
    shown_dir = docs_dir.relative_to(state.project) if docs_dir.is_relative_to(state.project) else docs_dir
    docs_shown = shown_dir.as_posix() + "/"
    while state.files_to_check:
        _, files = state.files_to_check.popitem()
        build_files = upstream.build_files(files)
        targets = BuildTargets(
            pages={path for path, kind in build_files.items() if kind == "page"},
            files={path for path, kind in build_files.items() if kind == "file"},
            excluded={path for path, kind in build_files.items() if kind == "excluded"},
            anchors=upstream.rendered_anchors(files),
            languages=state.configured_languages.codes,
            docs_shown=docs_shown,
        )
        for page, text in upstream.written_pages(files):
            # A page without '[' has no Markdown link or image: it needs no parse.
            links = markdown_page_links(text) if "[" in text else []
            state.problems.report_all(check_links(page, links, targets))
