"""Everything the generator takes from MkDocs, Material for MkDocs and mkdocs-static-i18n beyond the
hook events themselves, in one place: what a move to another engine would have to replace.

- mkdocs-static-i18n: which languages are built, which one is being built now, whether the last
  language build is done; it builds the whole site once per language, the source language into the
  site root, then every other one into `<code>/` from inside its own `on_post_build` (priority -100).
- MkDocs: Files of generated pages and of files shared between languages, relative URLs, the error that
  stops a build; the files a language build has and the anchors of its rendered pages, which the links
  in the Markdown are checked against; the Jinja environments of the theme, which it makes whenever it
  needs one (`Theme.get_env`).
- MkDocs and Material: a page's front matter texts, which both take for HTML (`THEME_HTML_FIELDS`).
- Material: the hreflang links (`config.extra.alternate`, which also decides whether the language
  selector is shown; the selector itself is the project's partial), the JSON in each
  page from which its search fetches the index (`__config`), and where the search index is written;
  the theme's inline scripts, each a template in `partials/javascripts/`, and the context it gets there.
  Its script fetches `sitemap.xml` next to every `<link rel="alternate">` it selects by the whole value,
  which the head's links escape with `rel="alternate "` (overrides/main.html, where Material's
  `site_meta` block writes the hreflang links).
- MkDocs' preview server: the reload script it writes into each page it serves, whose hash the page's
  Content-Security-Policy must name.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from .languages import Languages

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

# The error that stops a build with its message and no traceback (mkdocs build prints it as is).
BuildError = PluginError
SEARCH_INDEX = Path("search") / "search_index.json"
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
# Where Material keeps the inline scripts its pages hold, each a template of its own (content security).
THEME_SCRIPT_FOLDER = "partials/javascripts"
_MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def is_log_noise(record: logging.LogRecord) -> bool:
    """Whether MkDocs or the i18n plugin logs this at every build, telling an editor nothing: information
    (never a warning) from one of LOG_NOISE_PREFIXES' loggers that starts with one of its prefixes."""
    if record.levelno >= logging.WARNING:
        return False
    return any(
        (record.name == logger or record.name.startswith(logger + ".")) and record.getMessage().startswith(prefixes)
        for logger, prefixes in LOG_NOISE_PREFIXES.items()
    )


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise BuildError("mkdocs.yml: the hooks need the 'i18n' plugin (mkdocs-static-i18n) under 'plugins:'.")
    return plugin


def built_languages(config: MkDocsConfig) -> Languages:
    """The languages this build makes, the one built into the site root first."""
    return Languages(tuple(_i18n(config).build_languages))


def current_language(config: MkDocsConfig) -> str:
    return _i18n(config).current_language


def language_display_name(config: MkDocsConfig, language: str) -> str:
    """The language's name in the selector, as mkdocs.yml gives it ('Deutsch')."""
    return _i18n(config).get_language_config(language).name


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in `on_post_build` of the outermost build, once every language has been written.

    The plugin builds the other languages inside its own `on_post_build` (priority -100) and sets
    `building` while it does; a hook running after it in the outer build sees it cleared again.
    """
    return not _i18n(config).building


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


def theme_script_templates(config: MkDocsConfig) -> list[str]:
    """The names of the theme's inline-script templates: Material's, and any overrides/ adds beside them."""
    names = set()
    for folder in config.theme.dirs:
        scripts = Path(folder) / THEME_SCRIPT_FOLDER
        if scripts.is_dir():
            names.update(f"{THEME_SCRIPT_FOLDER}/{path.name}" for path in scripts.glob("*.html"))
    return sorted(names)


def theme_script_context(config: MkDocsConfig, context: dict[str, Any]) -> dict[str, Any]:
    """A page's template context as Material's base.html passes it to the script templates it includes,
    which read the theme's `features` that base.html sets."""
    return {**context, "features": config.theme.get("features") or []}


def with_reload_script_allowed(server: Any, allow: Callable[[str, str], str]) -> Any:
    """The preview's server, whose reload script (which MkDocs writes into each page as it serves it, with
    the time of the build and of the request in it) is allowed by `allow(page, page_with_script)`."""
    inject = server._inject_js_into_html

    def injected(content: bytes, epoch: int) -> bytes:
        page = content.decode("utf-8", errors="surrogateescape")
        served = inject(content, epoch).decode("utf-8", errors="surrogateescape")
        return allow(page, served).encode("utf-8", errors="surrogateescape")

    server._inject_js_into_html = injected
    return server


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


def set_alternates(config: MkDocsConfig, entries: list[dict[str, Any]], selector: list[dict[str, Any]]) -> None:
    """What Material renders as hreflang links in the head (`config.extra.alternate`), and what
    overrides/partials/alternate.html renders as the language selector (`config.extra.language_switch`).
    Material includes that partial only where `config.extra.alternate` is not empty."""
    # The i18n plugin assigns `config.extra.alternate` as an attribute, which Jinja reads before the
    # mapping item: set both so that neither shadows the other.
    config.extra["alternate"] = entries
    config.extra.alternate = entries
    config.extra["language_switch"] = selector


def content_span(page_html: str) -> tuple[int, int] | None:
    """Where a built page's content (what Markdown and data wrote) stands: Material's one <article>,
    around everything between the navigation and the footer. None if the page has none."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    return (start, end) if start != -1 and end > start else None


def with_content_prefix(page_html: str, prefix: str) -> str:
    """The built page with `prefix` at the start of its content, inside Material's <article> before the
    title; unchanged if the page has none."""
    span = content_span(page_html)
    if span is None:
        return page_html
    inside = page_html.index(">", span[0]) + 1
    return page_html[:inside] + prefix + page_html[inside:]


def with_search_base(page_html: str, language_root: str) -> str:
    """Point Material's search at the language's own index: its `base` is the site root otherwise.

    The rendered value, not the template's base_url: Material also scopes the browser's stored
    preferences by base_url, which must stay the same in every language.
    """
    match = _MATERIAL_CONFIG.search(page_html)
    if match is None or not language_root:
        return page_html
    material_config = json.loads(html.unescape(match.group(2)))
    material_config["base"] = material_config["base"].rstrip("/") + "/" + language_root
    replacement = match.group(1) + json.dumps(material_config, ensure_ascii=False) + match.group(3)
    return page_html[: match.start()] + replacement + page_html[match.end() :]


def language_site_name(config: MkDocsConfig, language: str) -> str:
    """The site's name in a language, as mkdocs.yml gives it among the i18n plugin's languages
    ('Strong Cities'); the top-level `site_name` where the language gives none."""
    return _i18n(config).get_language_config(language).site_name or _configured(config, "site_name")


def language_site_description(config: MkDocsConfig, language: str) -> str | None:
    """The site's description in a language, like `language_site_name`."""
    return _i18n(config).get_language_config(language).site_description or _configured(config, "site_description")


def _configured(config: MkDocsConfig, key: str) -> Any:
    """A top-level setting as mkdocs.yml gives it: the plugin overwrites it in each language build
    and keeps the original (from the first language that overrides it) in `original_configs`."""
    return (getattr(_i18n(config), "original_configs", None) or {}).get(key, config[key])


def page_url(config: MkDocsConfig, path: str) -> str:
    """The address of the page at `path` (below its language folder, 'artikel/x.md'), relative to that
    folder, as MkDocs gives it: 'artikel/x.html', or 'artikel/x/' with directory URLs ('' for the
    folder's own index, which MkDocs calls './')."""
    return new_page_file(path, config).url.removeprefix("./")


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


# Material's primary colours (`theme.palette.primary`), as its stylesheet sets `--md-primary-fg-color`.
_MATERIAL_PRIMARY = {
    "red": "#ef5350",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}


def theme_primary_colour(config: MkDocsConfig) -> str:
    """The theme's primary colour as '#rrggbb' (Material's indigo where mkdocs.yml names none, or a custom
    one, whose value only the site's stylesheet knows): the colour of the header and of link previews."""
    palette = config.theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    return _MATERIAL_PRIMARY.get(str(palette.get("primary", "indigo")).replace(" ", "-").lower(), "#4051b5")


def page_source(page: Page) -> str:
    """The page's Markdown path below docs/, its language folder first ('en/artikel/x.md')."""
    return page.file.src_uri


def page_address(page: Page) -> str:
    """The page's address relative to the site root, its language folder first ('en/artikel/x.html')."""
    return page.url


def page_meta(page: Page) -> dict[str, Any]:
    """The page's front matter as MkDocs read it, which the theme and the plugins read from."""
    return page.meta


def hide_table_of_contents(page: Page) -> None:
    """Material leaves out the table of contents of a page whose front matter lists `toc` under `hide`
    (its base.html); the page's own `hide` entries are kept."""
    hidden = page.meta.get("hide") or []
    if "toc" not in hidden:
        page.meta["hide"] = [*hidden, "toc"]


def page_markdown_source(page: Page) -> str:
    """The page's Markdown file as written (a generated page's as given), front matter included."""
    return page.file.content_string


def page_file_path(page: Page) -> str:
    """Where the built page is written, below the site folder, its language folder first ('en/artikel/x.html')."""
    return page.file.dest_uri


# The front matter's texts that Material writes into every page as they are, without escaping them: the
# title (the browser tab, the header, the navigation, the footer's previous and next, search), the
# description and author (`<meta>` in the head), the subtitle and the status (the navigation). To MkDocs and
# Material each is HTML.
THEME_HTML_FIELDS = ("title", "description", "author", "subtitle", "status")


def set_front_matter_as_html(page: Page, title_text: Callable[[str], str]) -> None:
    """Give the theme the page's front matter texts (THEME_HTML_FIELDS) as the HTML that shows each as
    it is written, its title as `title_text` makes it. MkDocs takes `page.title` from the front matter's
    `title` (`page.meta`); a page without one keeps the title MkDocs finds for it (its first heading,
    which is HTML already). A field of another kind is left to the page's check (page.schema.json)."""
    for field in THEME_HTML_FIELDS:
        value = page.meta.get(field)
        if isinstance(value, str):
            page.meta[field] = Markup.escape(title_text(value) if field == "title" else value)


def page_title(page: Page) -> str:
    """The page's title as plain text: its front matter's, else its first heading. Both are HTML where
    Material writes them (`set_front_matter_as_html`), so their text is taken as a browser reads it."""
    return Markup(page.title or "").striptags()


def page_description(config: MkDocsConfig, page: Page | None) -> str | None:
    """What Material writes as the page's `<meta name="description">`, as plain text: the front
    matter's `description`, else the site's (in the language being built); None where neither is set."""
    description = (page.meta.get("description") if page is not None else None) or config.site_description
    return Markup(description).striptags() if description else None


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
