"""What the generator takes from MkDocs beyond the hook events: the error that stops a build, its log, the
Jinja environments of the theme (which it makes whenever it needs one, `Theme.get_env`), Files of generated
pages and of files shared between languages, relative URLs, a page's source, address and front matter,
the files a language build has and the anchors of its rendered pages (which the links in the Markdown
are checked against), and `config.extra`, where the project's templates (overrides/) find what the
hooks give them. What it takes from the preview's server is in livereload.py."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

# The error that stops a build with its message and no traceback (mkdocs build prints it as is).
BuildError = PluginError


ERROR_PAGE = "404.html"


SITEMAP = "sitemap.xml"


# The logger MkDocs prints every build's messages through (its handlers are the terminal).
LOG = "mkdocs"


# What MkDocs and mkdocs-static-i18n print at every build that tells an editor nothing, by logger and
# message (problems.quiet_upstream_log keeps it out of the log):
# - the i18n plugin narrates each language build: which language into which folder, which settings it
#   overrides for it, and how it reads `extra.alternate` (whose links are the hooks' to set). Its
#   warnings are kept;
# - MkDocs says it cleans the site folder, and that the 404 template gave nothing, which the hooks make
#   it give where they write the page elsewhere (site_output/error_pages.py).
LOG_NOISE_PREFIXES = {
    "mkdocs.plugins.mkdocs_static_i18n": ("",),
    "mkdocs.commands.build": ("Cleaning site directory", f"Template skipped: '{ERROR_PAGE}' generated empty output"),
}


def is_log_noise(record: logging.LogRecord) -> bool:
    """Whether MkDocs or the i18n plugin logs this at every build, telling an editor nothing: information
    (never a warning) from one of LOG_NOISE_PREFIXES' loggers that starts with one of its prefixes."""
    if record.levelno >= logging.WARNING:
        return False
    return any(
        (record.name == logger or record.name.startswith(logger + ".")) and record.getMessage().startswith(prefixes)
        for logger, prefixes in LOG_NOISE_PREFIXES.items()
    )


def adapt_theme_environments(config: MkDocsConfig, adapt: Callable[[Environment], Environment]) -> None:
    """Every Jinja environment of the theme that this build makes, as `adapt` makes it of MkDocs' own.

    MkDocs makes a new one with `config.theme.get_env()` in each language build (before any event could
    see it, and lists the theme's files with it), and so do plugins (Material's search, for each word it
    translates). The i18n plugin keeps the Theme object for every language build of the build."""
    theme = config.theme
    if "get_env" in vars(theme):  # adapted already: each environment is adapted once
        return
    make = type(theme).get_env
    theme.get_env = lambda: adapt(make(theme))


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other`, as MkDocs writes links between pages."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(url, other)


def new_page_file(src_uri: str, config: MkDocsConfig) -> File:
    """A page that exists in no file below docs/. Its Markdown is given later (see generated_pages)."""
    from mkdocs.structure.files import File

    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)


def file_read_from(config: MkDocsConfig, src_uri: str, dest_uri: str, original: File) -> File:
    """A file of this language build at `src_uri` (where its pages' links look for it) and `dest_uri` in
    the site, whose content is `original`'s (another file below docs/): MkDocs validates links to it and
    copies it like a file of its own. It is included in the site as `original` is."""
    from mkdocs.structure.files import File

    file = File.generated(config, src_uri, abs_src_path=original.abs_src_path, inclusion=original.inclusion)
    file.dest_uri = dest_uri
    return file


def file_copied_from(config: MkDocsConfig, src_uri: str, dest_uri: str, path: Path, like: File) -> File:
    """A file of this language build at `src_uri`, published at `dest_uri`, whose content is the file at
    `path` (outside docs/, a picture size in the cache): included in the site as `like` is."""
    from mkdocs.structure.files import File

    file = File.generated(config, src_uri, abs_src_path=str(path), inclusion=like.inclusion)
    file.dest_uri = dest_uri
    return file


def page_url(config: MkDocsConfig, path: str) -> str:
    """The address of the page at `path` (below its language folder, 'artikel/x.md'), relative to that
    folder, as MkDocs gives it: 'artikel/x.html', or 'artikel/x/' with directory URLs ('' for the
    folder's own index, which MkDocs calls './')."""
    return _page_url(path, config.use_directory_urls)


# Kept by the process (a preview's save asks again for every article's address, in the feeds and listings):
# MkDocs' File makes it from these two alone, and making a File is most of the cost.
@functools.lru_cache(maxsize=16_384)
def _page_url(path: str, use_directory_urls: bool) -> str:
    from mkdocs.structure.files import File

    return File(path, "", "", use_directory_urls).url.removeprefix("./")


def convert_pages_with(config: MkDocsConfig, extension: Any) -> None:
    """Python-Markdown converts each page of the build with `extension` (an Extension object) too, after the
    extensions mkdocs.yml names."""
    config.markdown_extensions.append(extension)


def set_feed_links(config: MkDocsConfig, links: list[dict[str, str]]) -> None:
    """What overrides/main.html renders as feed links in every page's head (`config.extra.feeds`)."""
    config.extra["feeds"] = links


def set_error_page_parts(config: MkDocsConfig, parts: list[dict[str, str]]) -> None:
    """What overrides/404.html renders: a part per language, each with its words and home page's
    address (`config.extra.error_page`)."""
    config.extra["error_page"] = parts


def set_status_page_link(config: MkDocsConfig, link: dict[str, str] | None) -> None:
    """What overrides/partials/copyright.html renders in every page's footer as the link to the
    language's translation status page (`config.extra.translation_status_page`: its site path and text)."""
    config.extra["translation_status_page"] = link


def set_footer_links(config: MkDocsConfig, links: list[Any]) -> None:
    """What overrides/partials/copyright.html renders in every page's footer before the status link
    (`config.extra.footer_links`: each with its site path, text and the text's language if not the page's)."""
    config.extra["footer_links"] = links


def page_source(page: Page) -> str:
    """The page's Markdown path below docs/, its language folder first ('en/artikel/x.md')."""
    return page.file.src_uri


def page_address(page: Page) -> str:
    """The page's address relative to the site root, its language folder first ('en/artikel/x.html')."""
    return page.url


def page_meta(page: Page) -> dict[str, Any]:
    """The page's front matter as MkDocs read it, which the theme and the plugins read from."""
    return page.meta


def page_markdown_source(page: Page) -> str:
    """The page's Markdown file as written (a generated page's as given), front matter included."""
    return page.file.content_string


def page_file_path(page: Page) -> str:
    """Where the built page is written, below the site folder, its language folder first ('en/artikel/x.html')."""
    return page.file.dest_uri


def build_files(files: Files) -> dict[str, str]:
    """Every file a language build has, by its path below docs/ ('de/x.md'): a 'page', a 'file'
    (picture, PDF…), or 'excluded' from the site (exclude_docs, draft_docs, a name beginning with '.')."""
    return {
        file.src_uri: "excluded" if file.inclusion.is_excluded() else "page" if file.is_documentation_page() else "file"
        for file in files
    }


def written_pages(files: Files) -> Iterator[tuple[str, str]]:
    """(path below docs/, Markdown) of every page of the build written by an editor, not generated.
    A page that cannot be read is left out: the build names it (rendering/page_sources.py)."""
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        try:
            yield file.src_uri, file.content_string
        except (OSError, UnicodeDecodeError):
            continue


@dataclass(frozen=True)
class PageAnchors:
    """What a `#fragment` can name on a rendered page: every id in it (headings, elements with an id,
    raw HTML's), and its headings' ids in the order of its table of contents."""

    present: frozenset[str]
    headings: tuple[str, ...]


def rendered_anchors(files: Files) -> dict[str, PageAnchors]:
    """The anchors of every page of the build that MkDocs has rendered, by its path below docs/."""
    anchors = {}
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.present_anchor_ids is not None:
            anchors[file.src_uri] = PageAnchors(frozenset(page.present_anchor_ids), tuple(_heading_ids(page.toc)))
    return anchors


def _heading_ids(items: list[AnchorLink]) -> Iterator[str]:
    for item in items:
        yield item.id
        yield from _heading_ids(item.children)


@contextlib.contextmanager
def failing_on_warnings(config: MkDocsConfig) -> Iterator[None]:
    """What one `build()` of a strict build does with the warnings logged inside it: at the end it stops
    with MkDocs' own message ('Aborted with 2 warnings in strict mode!')."""
    from mkdocs.exceptions import Abort
    from mkdocs.utils import CountHandler

    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger(LOG).addHandler(counter)
    try:
        yield
    finally:
        logging.getLogger(LOG).removeHandler(counter)
    if counts := counter.get_counts():
        raise Abort(f"Aborted with {', '.join(f'{count} {level.lower()}s' for level, count in counts)} in strict mode!")


def stopped_build(message: str) -> Exception:
    """The error that ends the build as MkDocs ends one, with its message (no further message logged)."""
    from mkdocs.exceptions import Abort

    return Abort(message)


def is_mkdocs(config: MkDocsConfig) -> bool:
    """Whether MkDocs itself builds (not another engine, such as ProperDocs, with its own config class)."""
    return type(config).__module__.partition(".")[0] == "mkdocs"


def make_pages_outside_navigation(files: Files, config: MkDocsConfig) -> None:
    """The pages MkDocs makes after `on_nav` for the page files the navigation leaves out, made now, as it
    makes them: every page file has its page (which a further language's sitemap lists)."""
    from mkdocs.structure.pages import Page

    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
