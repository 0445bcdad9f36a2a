"""What the generator takes from Material for MkDocs: the hreflang links (`config.extra.alternate`, which
also decides whether the language selector is shown; the selector itself is the project's partial), the
JSON in each page from which its search fetches the index (`__config`), and where the search index is
written; the theme's inline scripts, each a template in `partials/javascripts/`, and the context it gets
there; its primary colours; a page's table of contents; and a page's front matter texts, which MkDocs
and Material take for HTML (`THEME_HTML_FIELDS`).

Material's script fetches `sitemap.xml` next to every `<link rel="alternate">` it selects by the whole
value, which the head's links escape with `rel="alternate "` (overrides/main.html, where Material's
`site_meta` block writes the hreflang links)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

SEARCH_INDEX = Path("search") / "search_index.json"


# Where Material keeps the inline scripts its pages hold, each a template of its own (content security).
THEME_SCRIPT_FOLDER = "partials/javascripts"


_MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


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


def hide_table_of_contents(page: Page) -> None:
    """Material leaves out the table of contents of a page whose front matter lists `toc` under `hide`
    (its base.html); the page's own `hide` entries are kept."""
    hidden = page.meta.get("hide") or []
    if "toc" not in hidden:
        page.meta["hide"] = [*hidden, "toc"]


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


def search_index_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries Material's search has taken of this language build's pages so far, in order (None
    without the search plugin). Its `on_page_context` adds each page's."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(getattr(plugin, "search_index", None), "entries", None)


def leave_search_index_files_to_site() -> Callable[[], None]:
    """In this process, Material's search writes no index file of its own after each language build and after
    the i18n plugin merged them (three JSON texts of every entry, each a tenth of a second at 1,000 articles):
    site_output/search.py writes every language's index over them, from the entries the plugin holds
    (`merged_search_index`). Under `--dirty` it writes them as before (it keeps its index for the next build
    there). Returns what puts Material's own step back."""
    from material.plugins.search.plugin import SearchPlugin

    own = SearchPlugin.on_post_build

    def on_post_build(plugin: SearchPlugin, *, config: MkDocsConfig) -> None:
        if plugin.is_dirty:
            own(plugin, config=config)

    SearchPlugin.on_post_build = on_post_build

    def put_back() -> None:
        SearchPlugin.on_post_build = own

    return put_back


def merged_search_index(config: MkDocsConfig) -> dict[str, Any] | None:
    """The search index Material's search has just written at `SEARCH_INDEX`, every language's entries merged
    by the i18n plugin, as it wrote it (its settings and entries, not read back from the file); None without
    the search plugin."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None:
        return None
    settings = {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")}
    return {"config": settings, "docs": index.entries}
