"""No request to another host unless mkdocs.yml allows it: whatever makes a reader's browser load from
another host as a page opens, without a click, tells that host who reads the page, which the site promises
its readers it does not.

What loads without a click: pictures (`img` `src`/`srcset`, `picture>source`, SVG `image` and `use`,
`input type=image`), media (`video`/`audio` `src`/`poster`, `source`, `track`), embedded pages and objects
(`iframe`, `frame`, `object data`, `embed`), scripts, `link` elements that fetch (stylesheets, icons,
preloads; not `alternate` or `canonical`, which only name an address), and CSS `url()` and `@import` (in a
`style` attribute, a `<style>` element or a stylesheet). An address loads from another host when it is an
http(s) address or a protocol-relative `//host/…` whose host is not the site's own. A link (`<a href>`) is
not a request: a click is the reader's choice.

Where it is looked for, each named by its file and line:
- the Markdown pages (images and raw HTML) and the texts of their front matter, and stylesheets under docs/;
- the templates and stylesheets under overrides/ (a Jinja expression in an address is no host);
- mkdocs.yml: the settings that make the theme load from elsewhere (third_party_settings.py);
- the built pages, for what no source above explains (their content; the whole of one page per folder, for
  what the theme writes): each host once.

A script in a page's Markdown, front matter or data is refused whatever its host (page_scripts.py), so
it is not reported here again. A host declared in mkdocs.yml (`extra.third_party_hosts`) is not reported.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..content_cache import KeptResults, content_key
from ..findings import Finding
from ..settings import SettingError, Settings, project_settings
from ..symbolic_links import followable
from ..third_party_settings import MKDOCS_YML, other_host, setting_requests
from .css_scan import css_addresses
from .html_scan import Element, scan
from .markdown_sources import PARSED_PAGES, markdown_links
from .site import Site, read_source
from .unsafe_links import shown_address
from .written_html import front_matter_texts

CHECK = "third-party-request"
FILE_ADVICE = "download the file into the site (next to the page) and show that"
THEME_ADVICE = "download the file into the site (overrides/) and name it by its path there"
EMBED_ADVICE = "link to the page instead of embedding it: a picture that links to the video or map"
# The attributes whose address a browser loads as the page opens, by element.
LOADED_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "script": ("src",),
    "input": ("src",),
    "link": ("href",),
    # SVG
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
# Elements that put another site's page into this one.
EMBEDDING_TAGS = frozenset({"iframe", "frame", "object", "embed"})
# The kinds of `<link rel>` a browser fetches (or connects to) by itself.
FETCHING_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "manifest",
        "preload",
        "modulepreload",
        "prefetch",
        "prerender",
        "preconnect",
        "dns-prefetch",
    }
)


@dataclass(frozen=True)
class Request:
    line: int
    # What makes it, as a message names it: image “alt”, embedded page, inline style of …
    what: str
    address: str
    host: str
    embed: bool

    def message(self, file_advice: str = FILE_ADVICE) -> str:
        advice = EMBED_ADVICE if self.embed else file_advice
        return (
            f"{self.what} → {shown_address(self.address)}: the browser loads it from {self.host} when the page "
            f"opens, which tells {self.host} who reads the page – {advice}"
        )


def element_requests(elements: list[Element], own_host: str | None, *, scripts: bool = True) -> list[Request]:
    """What the elements make the browser load from other hosts; each host once per element. Scripts are
    left out with `scripts=False` (where page_scripts.py refuses every script)."""
    found = []
    for element in elements:
        if element.tag == "script" and not scripts:
            continue
        hosts: set[str] = set()
        for address in _loaded_addresses(element):
            host = other_host(address, own_host)
            if host and host not in hosts:
                hosts.add(host)
                found.append(Request(element.line, element.description(), address, host, element.tag in EMBEDDING_TAGS))
        if "style" in element.attrs:
            found += css_requests(
                element.attrs["style"], element.line, own_host, f"inline style of {element.description()}"
            )
        if element.tag == "style":
            found += css_requests(element.content, element.end_line, own_host, "<style> element")
    return found


def css_requests(css: str, first_line: int, own_host: str | None, what: str) -> list[Request]:
    """What CSS (starting on `first_line`) makes the browser load from other hosts."""
    return [
        Request(first_line + found.line_offset, what, found.address, host, embed=False)
        for found in css_addresses(css)
        if (host := other_host(found.address, own_host))
    ]


def markdown_requests(text: str, own_host: str | None) -> list[Request]:
    """What a Markdown page's images and raw HTML load from other hosts (its scripts left out)."""
    return element_requests(_markdown_elements(text), own_host, scripts=False)


def _markdown_elements(text: str) -> list[Element]:
    """The elements of a Markdown page that may load from another host. A page without `//` anywhere
    (character references decoded, backslashes read as slashes) cannot hold such an address, and is not
    parsed."""
    if "//" not in html.unescape(text).replace("\\", "/"):
        return []
    return markdown_links(text).elements


def _loaded_addresses(element: Element) -> list[str]:
    """The addresses the element makes the browser load (each candidate of a srcset on its own)."""
    if element.tag == "input" and element.attrs.get("type", "").strip().lower() != "image":
        return []
    if element.tag == "link" and not set(element.attrs.get("rel", "").lower().split()) & FETCHING_RELS:
        return []
    addresses = []
    for name in LOADED_ATTRIBUTES.get(element.tag, ()):
        value = element.attrs.get(name)
        if value is None:
            continue
        if name == "srcset":
            addresses += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        else:
            addresses.append(value)
    return addresses


def script_hosts(elements: list[Element], own_host: str | None) -> set[str]:
    """The other hosts that the scripts among the elements load from."""
    return {
        host
        for element in elements
        if element.tag == "script" and (host := other_host(element.attrs.get("src", ""), own_host))
    }


def check_third_party_requests(site: Site) -> list[Finding]:
    """Requests to hosts that mkdocs.yml does not declare, from every source, then from the built pages."""
    own_host = urlsplit(site.site_url).hostname
    try:
        settings = project_settings(site.project)
    except SettingError:
        # Whether mkdocs.yml can be read is the build's to say: nothing of it to check here then.
        settings = Settings(MKDOCS_YML, None)
    findings = list(settings.third_party_host_problems)
    report = _Report({declared.host for declared in settings.third_party_hosts}, findings)
    for request in setting_requests(settings.document, own_host):
        hosts = tuple(host for host in request.hosts if host not in report.allowed)
        report.explained.update(request.hosts)
        if hosts:
            findings.append(Finding(MKDOCS_YML, request.line, request.message(hosts), CHECK))
    for shown, text in site.markdown_sources:
        found = _source_requests(shown, text, own_host)
        report.explained.update(found.script_hosts)
        for host, finding in found.requests:
            report.add(host, finding)
    _check_files(site, own_host, report)
    _check_built_pages(site, own_host, report)
    return findings


@dataclass(frozen=True)
class _SourceRequests:
    """What a Markdown page (its images, raw HTML and front matter's texts) loads from other hosts."""

    # The hosts its scripts load from: page_scripts.py reports those, so the built pages do not again.
    script_hosts: frozenset[str]
    # Each request's host, with its finding at the page's line or front matter field.
    requests: tuple[tuple[str, Finding], ...]


@functools.lru_cache(maxsize=PARSED_PAGES)
def _source_requests(shown: str, text: str, own_host: str | None) -> _SourceRequests:
    """The requests of the Markdown page `shown`, kept by its path, its whole text and the site's host
    (PARSED_PAGES): a rebuild of the preview looks again only at the pages saved since the last."""
    elements = _markdown_elements(text)
    hosts = script_hosts(elements, own_host)
    requests = [
        (request.host, Finding(shown, request.line, request.message(), CHECK))
        for request in element_requests(elements, own_host, scripts=False)
    ]
    for written in front_matter_texts(shown, text):
        hosts |= script_hosts(written.elements, own_host)
        requests += [
            (request.host, written.finding_at(request.message(), CHECK))
            for request in element_requests(written.elements, own_host, scripts=False)
        ]
    return _SourceRequests(frozenset(hosts), tuple(requests))


class _Report:
    """The findings so far, and the hosts they explain."""

    def __init__(self, allowed: set[str], findings: list[Finding]) -> None:
        self.allowed, self.findings = allowed, findings
        # Hosts a finding at their source explains (or a script's finding does): not reported again from the
        # built pages.
        self.explained: set[str] = set()

    def add(self, host: str, finding: Finding) -> None:
        self.explained.add(host)
        if host not in self.allowed:
            self.findings.append(finding)


def _check_files(site: Site, own_host: str | None, report: _Report) -> None:
    """The stylesheets under docs/, and the templates and stylesheets under overrides/."""
    for folder, advice in (("docs", FILE_ADVICE), ("overrides", THEME_ADVICE)):
        for path in _files(site.project / folder, "*.css"):
            shown = path.relative_to(site.project).as_posix()
            for request in _stylesheet_requests(read_source(path), own_host):
                report.add(request.host, Finding(shown, request.line, request.message(advice), CHECK))
    for path in _files(site.project / "overrides", "*.html"):
        shown = path.relative_to(site.project).as_posix()
        for request in _template_requests(read_source(path), own_host):
            report.add(request.host, Finding(shown, request.line, request.message(THEME_ADVICE), CHECK))


# A stylesheet's and a template's requests, kept by the file's text and the site's host: the theme's files, read at
# every save of the preview, barely ever change.
@functools.lru_cache(maxsize=256)
def _stylesheet_requests(text: str, own_host: str | None) -> tuple[Request, ...]:
    return tuple(css_requests(text, 1, own_host, "stylesheet"))


@functools.lru_cache(maxsize=256)
def _template_requests(text: str, own_host: str | None) -> tuple[Request, ...]:
    return tuple(element_requests(scan(text), own_host))


def _check_built_pages(site: Site, own_host: str | None, report: _Report) -> None:
    """What no source explains, in the built pages: each host once, at the first page it is found on."""
    for page in site.pages:
        whole = site.stands_for_template(page)
        for request in _built_page_requests(site, page, whole, own_host):
            if request.host not in report.explained:
                message = request.message(THEME_ADVICE if whole else FILE_ADVICE)
                report.add(request.host, Finding(page, request.line, message, CHECK, source=site.source_of(page)))


# What each built page loads from other hosts, by its text's digest, whether it is read whole and the site's host:
# a rebuild of the preview looks only at the pages rendered again (a kept page's digest is the build before's).
BUILT_PAGE_REQUESTS: KeptResults[tuple[Request, ...]] = KeptResults(size=PARSED_PAGES, copy=tuple)


def _built_page_requests(site: Site, page: str, whole: bool, own_host: str | None) -> tuple[Request, ...]:
    elements = site.page_elements(page) if whole else site.content_elements(page)
    key = content_key(site.digests[page], "whole" if whole else "content", own_host or "")
    return BUILT_PAGE_REQUESTS.get(key, lambda: tuple(element_requests(elements, own_host, scripts=whole)))


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(path for path in folder.rglob(pattern) if path.is_file() and followable(path, folder))
