"""A sitemap.xml in every folder that holds pages, listing the pages in and below it.

Material (9.7 and later) fetches `sitemap.xml` relative to every `<link rel="alternate" hreflang>` of a
page, to keep readers on the same page when they switch language. With `.html` page addresses that
resolves to the page's folder: `/sitemap.xml` for the default language, `/en/sitemap.xml` for English,
and so on for sub-folders. The i18n plugin writes only the root one (with both languages and their
alternates); after the last language is built, this hook derives the others from it, so that none of
those requests fails and each language root has a sitemap of its own pages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import i18n_state

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def page_folders(site_paths: list[str]) -> set[str]:
    """Every folder ('' for the root, 'en/', 'en/sub/', …) that holds one of the pages."""
    folders = set()
    for path in site_paths:
        folder = posixpath.dirname(path)
        folders.add(f"{folder}/" if folder else "")
    return folders


def render_folder_sitemap(root_sitemap: ElementTree.ElementTree, site_url: str, folder: str) -> bytes | None:
    """The root sitemap reduced to the URLs in and below `folder`, or None if none is there."""
    prefix = site_url + folder
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for url in root_sitemap.getroot().findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
        if loc.startswith(prefix):
            urlset.append(url)
    if not len(urlset):
        return None
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)


# After the i18n plugin (-100): its last language build writes the final root sitemap.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not i18n_state.is_last_language_build(config):
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    site_dir = Path(config.site_dir)
    try:
        root_sitemap = ElementTree.parse(site_dir / "sitemap.xml")
    except (OSError, ElementTree.ParseError) as error:
        raise PluginError(f"{site_dir / 'sitemap.xml'}: cannot read the sitemap to split it by folder: {error}") from error
    site_url = config.site_url or "/"
    locs = [url.findtext(f"{{{SITEMAP_NS}}}loc", default="") for url in root_sitemap.getroot().findall(f"{{{SITEMAP_NS}}}url")]
    site_paths = [loc.removeprefix(site_url) for loc in locs if loc.startswith(site_url)]
    for folder in sorted(page_folders(site_paths) - {""}):
        sitemap = render_folder_sitemap(root_sitemap, site_url, folder)
        if sitemap is not None:
            (site_dir / folder / "sitemap.xml").write_bytes(sitemap)
