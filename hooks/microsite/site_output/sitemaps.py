"""The site's sitemap, `sitemap.xml` at its root (and its gzipped copy), as search engines read it.

The i18n plugin writes it after the last language is built, with every language's pages and their
alternates. It is the only one: Material's script would fetch a `sitemap.xml` next to every
`<link rel="alternate">` of a page, which the pages' links escape (overrides/main.html), so no folder
needs a sitemap of its own.

The plugin lists the stand-ins of untranslated pages (pages/stand_in.py) like any page, and
names them as the original's alternates. They are no translation and ask not to be indexed: they are
taken out.

The plugin dates every entry with the day of the build and says `changefreq` daily: that would tell a
search engine every page changes every day. Each entry gets its page's last change instead
(page_dates.py), and no `changefreq`, which search engines ignore. Its alternates end with `x-default`,
the source language's page, as every page's head says (alternates.py).
"""

from __future__ import annotations

import datetime
import gzip
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING

from .. import upstream
from ..content_cache import KeptResults, content_key
from ..findings import Finding
from ..pages.stand_in import stand_in_addresses
from ..problems import Problem
from .page_dates import page_dates

if TYPE_CHECKING:
    from ..state import BuildState

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NAMESPACES = {"s": SITEMAP_NS, "xhtml": XHTML_NS}
URL, LOC, LASTMOD, CHANGEFREQ = (f"{{{SITEMAP_NS}}}{name}" for name in ("url", "loc", "lastmod", "changefreq"))
LINK = f"{{{XHTML_NS}}}link"
# The root sitemap as finished, by everything that makes it: one a save (two while a site's address changes).
FINISHED_SITEMAPS: KeptResults[bytes] = KeptResults(size=2, copy=bytes)


def children(element: ElementTree.Element, tag: str) -> list[ElementTree.Element]:
    """The element's children named `tag` (with its namespace): what `findall` of that one step finds, without
    ElementPath's cost per call (tens of thousands of calls at every save of the preview at 1,000 articles)."""
    return [child for child in element if child.tag == tag]


def location(url: ElementTree.Element) -> str:
    """The address of a sitemap's entry (its `loc`), as `findtext` gives it: '' where it has none."""
    return next((loc.text or "" for loc in url if loc.tag == LOC), "")


def drop_pages(sitemap: ElementTree.ElementTree, locations: set[str]) -> None:
    """Removes the entries of these URLs and every alternate naming one."""
    urlset = sitemap.getroot()
    for url in children(urlset, URL):
        if location(url) in locations:
            urlset.remove(url)
            continue
        for link in children(url, LINK):
            if link.get("href") in locations:
                url.remove(link)


def date_entries(sitemap: ElementTree.ElementTree, site_url: str, dates: dict[str, datetime.date]) -> None:
    """Each entry's `lastmod` is its page's last change (none where that is unknown); no `changefreq`."""
    for url in children(sitemap.getroot(), URL):
        for stale in children(url, LASTMOD) + children(url, CHANGEFREQ):
            url.remove(stale)
        day = dates.get(location(url).removeprefix(site_url))
        if day is not None:
            lastmod = ElementTree.Element(LASTMOD)
            lastmod.text = day.isoformat()
            # Where the protocol's schema has it: right after the address.
            url.insert(1, lastmod)


def add_default_alternates(sitemap: ElementTree.ElementTree, source_language: str) -> None:
    """`x-default` after each entry's alternates: the source language's page, where it has one."""
    for url in children(sitemap.getroot(), URL):
        links = children(url, LINK)
        source = next((link for link in links if link.get("hreflang") == source_language), None)
        if source is not None and not any(link.get("hreflang") == "x-default" for link in links):
            default = ElementTree.SubElement(url, LINK)
            default.attrib.update(rel="alternate", hreflang="x-default", href=source.get("href", ""))


def finished_sitemap(rendered: bytes, stand_ins: set[str], dates: dict[str, datetime.date], state: BuildState) -> bytes:
    """The sitemap the i18n plugin rendered, without the stand-ins `stand_ins` (their addresses), dated by
    `dates` and with `x-default`, as written."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    sitemap = ElementTree.ElementTree(ElementTree.fromstring(rendered))
    drop_pages(sitemap, stand_ins)
    date_entries(sitemap, state.site_url, dates)
    add_default_alternates(sitemap, state.languages.source)
    ElementTree.indent(sitemap)
    return ElementTree.tostring(sitemap.getroot(), encoding="utf-8", xml_declaration=True)


def write_sitemap(path: Path, content: bytes) -> None:
    """The sitemap, and its gzipped copy where MkDocs wrote one."""
    path.write_bytes(content)
    gzipped = path.with_name(path.name + ".gz")
    if gzipped.is_file():
        # MkDocs dates it by the pages (or SOURCE_DATE_EPOCH), so that builds are reproducible: keep that.
        with gzip.open(gzipped) as previous:
            previous.read()
            mtime = previous.mtime
        gzipped.write_bytes(gzip.compress(content, mtime=mtime))


def finish_sitemap(state: BuildState) -> None:
    """The root sitemap without stand-ins, dated by its pages and with `x-default`. The preview's process keeps
    the sitemap it finished by all that makes it (the rendered sitemap, the stand-ins, the dates, the site's
    address and source language): a save that changes none of them does not parse and write it again."""
    path = state.site_dir / upstream.SITEMAP
    stand_ins = {state.site_url + address for address in stand_in_addresses(state.publication)}
    dates = page_dates(state)
    try:
        rendered = path.read_bytes()
        dated = "\n".join(f"{page} {day.isoformat()}" for page, day in sorted(dates.items()))
        key = content_key(rendered, "\n".join(sorted(stand_ins)), dated, state.site_url, state.languages.source)
        finished = FINISHED_SITEMAPS.get(key, lambda: finished_sitemap(rendered, stand_ins, dates, state))
    except (OSError, ElementTree.ParseError) as error:
        message = f"cannot read the sitemap to finish it: {error}"
        raise Problem(Finding(str(path), 1, message)) from error
    write_sitemap(path, finished)
