"""What lychee cannot know, checked on the built HTML of each page's content: links from one language
into the other, e-mail links that are not addresses, images without alt text (but those marked as
decoration) or with the other language's, and the sitemap against the pages; and links a page must not
have (unsafe_links.py), requests to other hosts (third_party.py) and scripts (page_scripts.py), in the
sources and the built pages."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote

from .. import upstream
from ..content_cache import KeptResults, content_key
from ..findings import Finding
from ..languages import Languages
from ..site_output import sitemaps
from .html_scan import Element
from .page_scripts import check_page_scripts
from .site import Site
from .third_party import check_third_party_requests
from .unsafe_links import check_unsafe_links

# An image marked as decoration (`![](line.svg){ role="presentation" }`): its empty alt text is meant.
DECORATIVE_ROLES = ("presentation", "none")
EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
# The addresses a sitemap lists, in its order, by its text: a save of the preview that leaves the sitemap as it
# was does not parse it again (two: while a site's address changes).
SITEMAP_LOCATIONS: KeptResults[tuple[str, ...]] = KeptResults(size=2, copy=tuple)


def project_checks(site: Site) -> list[Finding]:
    return site_wide_checks(site) + page_checks(site)


def site_wide_checks(site: Site) -> list[Finding]:
    """The checks that compare pages with each other or with the sitemap: every page, always."""
    return [finding for check in (check_sitemap, check_third_party_requests) for finding in check(site)]


def page_checks(site: Site) -> list[Finding]:
    """The checks that read each built page by itself (and its counterparts, and which pages exist): the
    pages of `site.checked_pages` only."""
    checks = [
        check_language_leaks,
        check_mailto,
        check_alt_texts,
        check_scripts,
        check_unsafe_links,
        check_page_scripts,
    ]
    return [finding for check in checks for finding in check(site)]


def _finding(site: Site, page: str, line: int, check: str, message: str) -> Finding:
    return Finding(page, line, message, check, source=site.source_of(page))


def _links(site: Site, page: str) -> list[Element]:
    return [element for element in site.content_elements(page) if element.tag == "a" and "href" in element.attrs]


def _images(site: Site, page: str) -> list[Element]:
    return [element for element in site.content_elements(page) if element.tag == "img"]


def check_language_leaks(site: Site) -> list[Finding]:
    findings = []
    for page in site.checked_pages:
        language = site.languages.of_path(page)
        # hreflang marks a link as meant for another language: the selector, or an editor's choice.
        for link in (link for link in _links(site, page) if "hreflang" not in link.attrs):
            href = link.attrs["href"]
            target = site.resolve(page, href)
            if target is None or target not in site.page_set or site.languages.of_path(target) == language:
                continue
            own = site.languages.counterpart(target, language)
            if own in site.page_set:
                other = Languages.name(site.languages.of_path(target))
                message = (
                    f"link “{link.text.strip()}” → {href} leads to the {other} page, although {own} exists in this "
                    "page's language – link to that, or add hreflang to the link if the other language is meant"
                )
                findings.append(_finding(site, page, link.line, "language-leak", message))
    return findings


def check_mailto(site: Site) -> list[Finding]:
    findings = []
    for page in site.checked_pages:
        for link in _links(site, page):
            href = link.attrs["href"]
            if not href.lower().startswith("mailto:"):
                continue
            addresses = unquote(href[len("mailto:") :].split("?", 1)[0]).split(",")
            bad = [address for address in addresses if not EMAIL.match(address.strip())]
            if bad:
                message = (
                    f"link “{link.text.strip()}” → {href}: {', '.join(repr(address) for address in bad)} "
                    "is not an e-mail address – write it as name@example.org"
                )
                findings.append(_finding(site, page, link.line, "invalid-mailto", message))
    return findings


def check_alt_texts(site: Site) -> list[Finding]:
    findings = []
    for page in site.checked_pages:
        for image in _images(site, page):
            src = image.attrs.get("src", "")
            if image.attrs.get("alt", "").strip():
                findings += _untranslated_alt(site, page, image)
                continue
            if image.attrs.get("role", "").strip().lower() in DECORATIVE_ROLES:
                continue
            message = (
                f"image {src} has no alt text – describe it in the page's language: "
                f"![what it shows]({posixpath.basename(src)})"
            )
            findings.append(_finding(site, page, image.line, "missing-alt", message))
    return findings


def _untranslated_alt(site: Site, page: str, image: Element) -> list[Finding]:
    """A finding for each image of the page's counterparts that shows the same file with the same alt text."""
    src, alt = image.attrs.get("src", ""), image.attrs["alt"].strip()
    shown = _shown(site, page, image)
    findings = []
    for counterpart in site.counterparts(page):
        twins = [twin for twin in _images(site, counterpart) if _shown(site, counterpart, twin) == shown]
        message = (
            f"image {src} has the alt text “{alt}”, the same as on {counterpart} – write it in this page's language"
        )
        findings += [_finding(site, page, image.line, "untranslated-alt", message) for _ in twins]
    return findings


def _shown(site: Site, page: str, image: Element) -> tuple[str | None, str]:
    """What an image shows readers: its file, by its path below its language's folder (a file next to a
    source page serves every language at the same path: rendering/shared_files.py), and its alt text."""
    shown = site.resolve(page, image.attrs.get("src", ""))
    if shown is not None:
        shown = shown.removeprefix(site.languages.root(site.languages.of_path(shown)))
    return shown, image.attrs.get("alt", "").strip()


def check_scripts(site: Site) -> list[Finding]:
    """Every script must be a file of the site: lychee skips scripts."""
    findings = []
    for page in site.checked_pages:
        for script in _scripts(site, page):
            src = script.attrs.get("src", "")
            target = site.resolve(page, src) if src else None
            if target is not None and not (site.root / target).is_file():
                message = f"script → {src}: the site has no such file – correct the link, or add the missing file"
                findings.append(_finding(site, page, script.line, "broken-link", message))
    return findings


def _scripts(site: Site, page: str) -> list[Element]:
    """The scripts of a page's content; with the theme's too on the pages that stand for their template."""
    elements = site.page_elements(page) if site.stands_for_template(page) else site.content_elements(page)
    return [element for element in elements if element.tag == "script"]


def check_sitemap(site: Site) -> list[Finding]:
    sitemap = site.root / upstream.SITEMAP
    if not sitemap.is_file():
        message = f"the site has no {upstream.SITEMAP} – build it with the i18n plugin"
        return [Finding(upstream.SITEMAP, 1, message, "sitemap-missing-page", source="mkdocs.yml")]
    text = sitemap.read_text(encoding="utf-8")
    findings, listed = [], set()
    for loc in SITEMAP_LOCATIONS.get(content_key(text), lambda: _locations(text)):
        path = loc[len(site.site_url) :] if loc.startswith(site.site_url) else None
        if path is not None and path in site.page_set:
            listed.add(path)
            continue
        message = f"lists {loc}, which the site does not have – rebuild, or remove what leads to the stale entry"
        line = text.count("\n", 0, text.find(loc)) + 1
        source = "mkdocs.yml (plugins: i18n)"
        findings.append(Finding(upstream.SITEMAP, line, message, "sitemap-missing-page", source=source))
    for page in site.pages:
        # Pages that ask not to be indexed (an article's old address, which redirects) have no place there.
        if posixpath.basename(page) != upstream.ERROR_PAGE and page not in listed and not site.unindexed(page):
            message = (
                f"{page} is not in {upstream.SITEMAP}, so search engines will not find it – it must be built as a "
                "page of the site, not copied in as a file"
            )
            findings.append(_finding(site, page, 1, "page-not-in-sitemap", message))
    return findings


def _locations(sitemap: str) -> tuple[str, ...]:
    return tuple(sitemaps.location(url) for url in sitemaps.children(ElementTree.fromstring(sitemap), sitemaps.URL))
