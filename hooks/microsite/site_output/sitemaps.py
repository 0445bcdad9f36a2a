"""A sitemap.xml in every folder that holds pages, listing the pages in and below it.

Material (9.7 and later) fetches `sitemap.xml` relative to every `<link rel="alternate" hreflang>` of a
page, to keep readers on the same page when they switch language. With `.html` page addresses that
resolves to the page's folder: `/sitemap.xml` for the source language, `/en/sitemap.xml` for English,
and so on for sub-folders. The i18n plugin writes only the root one (with every language and their
alternates); after the last language is built, the others are derived from it, so that none of those
requests fails and each language root has a sitemap of its own pages.

The plugin lists the stand-ins of untranslated pages (rendering/stand_in_pages.py) like any page, and
names them as the original's alternates. They are no translation and ask not to be indexed: they are
taken out of the root sitemap (and its gzipped copy) before the folders' sitemaps are derived from it.

The plugin dates every entry with the day of the build and says `changefreq` daily: that would tell a
search engine every page changes every day. Each entry gets its page's last change instead
(page_dates.py), and no `changefreq`, which search engines ignore. Its alternates end with `x-default`,
the source language's page, as every page's head says (alternates.py).
"""

from __future__ import annotations

import datetime
import gzip
import posixpath
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..findings import Finding
from ..problems import Problem
from ..rendering.stand_in_pages import stand_in_addresses
from .page_dates import page_dates

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


def render_folder_sitemap(root_sitemap: ElementTree.ElementTree, site_url: str, folder: str) -> bytes:
    """The root sitemap reduced to the URLs in and below `folder` (none for a folder of stand-ins only)."""
    prefix = site_url + folder
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for url in root_sitemap.getroot().findall("s:url", NAMESPACES):
        if url.findtext("s:loc", default="", namespaces=NAMESPACES).startswith(prefix):
            urlset.append(url)
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)


def drop_pages(sitemap: ElementTree.ElementTree, locations: set[str]) -> None:
    """Removes the entries of these URLs and every alternate naming one."""
    urlset = sitemap.getroot()
    for url in urlset.findall("s:url", NAMESPACES):
        if url.findtext("s:loc", default="", namespaces=NAMESPACES) in locations:
            urlset.remove(url)
            continue
        for link in url.findall("xhtml:link", NAMESPACES):
            if link.get("href") in locations:
                url.remove(link)


def date_entries(sitemap: ElementTree.ElementTree, site_url: str, dates: dict[str, datetime.date]) -> None:
    """Each entry's `lastmod` is its page's last change (none where that is unknown); no `changefreq`."""
    for url in sitemap.getroot().findall("s:url", NAMESPACES):
        for stale in url.findall("s:lastmod", NAMESPACES) + url.findall("s:changefreq", NAMESPACES):
            url.remove(stale)
        day = dates.get(url.findtext("s:loc", default="", namespaces=NAMESPACES).removeprefix(site_url))
        if day is not None:
            lastmod = ElementTree.Element(f"{{{SITEMAP_NS}}}lastmod")
            lastmod.text = day.isoformat()
            # Where the protocol's schema has it: right after the address.
            url.insert(1, lastmod)


def add_default_alternates(sitemap: ElementTree.ElementTree, source_language: str) -> None:
    """`x-default` after each entry's alternates: the source language's page, where it has one."""
    for url in sitemap.getroot().findall("s:url", NAMESPACES):
        links = url.findall("xhtml:link", NAMESPACES)
        source = next((link for link in links if link.get("hreflang") == source_language), None)
        if source is not None and not any(link.get("hreflang") == "x-default" for link in links):
            default = ElementTree.SubElement(url, f"{{{XHTML_NS}}}link")
            default.attrib.update(rel="alternate", hreflang="x-default", href=source.get("href", ""))


def write_sitemap(path: Path, sitemap: ElementTree.ElementTree) -> None:
    """The sitemap, and its gzipped copy where MkDocs wrote one."""
    ElementTree.indent(sitemap)
    content = ElementTree.tostring(sitemap.getroot(), encoding="utf-8", xml_declaration=True)
    path.write_bytes(content)
    gzipped = path.with_name(path.name + ".gz")
    if gzipped.is_file():
        # MkDocs dates it by the pages (or SOURCE_DATE_EPOCH), so that builds are reproducible: keep that.
        with gzip.open(gzipped) as previous:
            previous.read()
            mtime = previous.mtime
        gzipped.write_bytes(gzip.compress(content, mtime=mtime))


def write_folder_sitemaps(state: BuildState) -> None:
    """The root sitemap without stand-ins, dated by its pages and with `x-default`, then a sitemap per folder
    derived from it."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    try:
        root_sitemap = ElementTree.parse(state.site_dir / upstream.SITEMAP)
    except (OSError, ElementTree.ParseError) as error:
        message = f"cannot read the sitemap to split it by folder: {error}"
        raise Problem(Finding(str(state.site_dir / upstream.SITEMAP), 1, message)) from error
    stand_ins = stand_in_addresses(state)
    drop_pages(root_sitemap, {state.site_url + address for address in stand_ins})
    date_entries(root_sitemap, state.site_url, page_dates(state))
    add_default_alternates(root_sitemap, state.languages.source)
    write_sitemap(state.site_dir / upstream.SITEMAP, root_sitemap)
    site_paths = [
        loc.removeprefix(state.site_url) for loc in sitemap_locations(root_sitemap) if loc.startswith(state.site_url)
    ]
    # A folder of stand-ins only gets one too, without entries: the selector of a stand-in (whose hreflang
    # names itself) fetches the sitemap next to it, and a missing one is a failed request in the browser.
    for folder in sorted(page_folders([*site_paths, *stand_ins]) - {""}):
        sitemap = render_folder_sitemap(root_sitemap, state.site_url, folder)
        (state.site_dir / folder / upstream.SITEMAP).write_bytes(sitemap)
