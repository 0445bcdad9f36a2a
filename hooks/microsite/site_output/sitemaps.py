"""A sitemap.xml in every folder that holds pages, listing the pages in and below it.

Material (9.7 and later) fetches `sitemap.xml` relative to every `<link rel="alternate" hreflang>` of a
page, to keep readers on the same page when they switch language. With `.html` page addresses that
resolves to the page's folder: `/sitemap.xml` for the source language, `/en/sitemap.xml` for English,
and so on for sub-folders. The i18n plugin writes only the root one (with every language and their
alternates); after the last language is built, the others are derived from it, so that none of those
requests fails and each language root has a sitemap of its own pages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
from typing import TYPE_CHECKING

from .. import upstream

if TYPE_CHECKING:
    from ..state import BuildState

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NAMESPACES = {"s": SITEMAP_NS, "xhtml": XHTML_NS}


def sitemap_locations(sitemap: ElementTree.ElementTree) -> list[str]:
    return [
        url.findtext("s:loc", default="", namespaces=NAMESPACES)
        for url in sitemap.getroot().findall("s:url", NAMESPACES)
    ]


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
    for url in root_sitemap.getroot().findall("s:url", NAMESPACES):
        if url.findtext("s:loc", default="", namespaces=NAMESPACES).startswith(prefix):
            urlset.append(url)
    if not len(urlset):
        return None
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)


def write_folder_sitemaps(state: BuildState) -> None:
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    try:
        root_sitemap = ElementTree.parse(state.site_dir / upstream.SITEMAP)
    except (OSError, ElementTree.ParseError) as error:
        raise upstream.BuildError(
            f"{state.site_dir / upstream.SITEMAP}: cannot read the sitemap to split it by folder: {error}"
        ) from error
    site_paths = [
        loc.removeprefix(state.site_url) for loc in sitemap_locations(root_sitemap) if loc.startswith(state.site_url)
    ]
    for folder in sorted(page_folders(site_paths) - {""}):
        sitemap = render_folder_sitemap(root_sitemap, state.site_url, folder)
        if sitemap is not None:
            (state.site_dir / folder / upstream.SITEMAP).write_bytes(sitemap)
